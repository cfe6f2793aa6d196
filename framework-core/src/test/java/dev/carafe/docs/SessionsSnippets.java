package dev.carafe.docs;

import dev.carafe.App;
import dev.carafe.Cookie;
import dev.carafe.Flash;
import dev.carafe.Request;
import dev.carafe.Response;
import dev.carafe.Session;
import dev.carafe.SessionStore;
import dev.carafe.SignedCookieSessions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** The code of docs/sessions.md; SessionsSnippetsTest runs it. */
final class SessionsSnippets {

    private SessionsSnippets() {
    }

    static App enable(String secretKey) {
        // tag::enable[]
        App app = new App();
        app.sessionStore(SignedCookieSessions.of(secretKey));   // for example System.getenv("SECRET_KEY")

        app.post("/login", request -> {
            request.session().put("user_id", 1);
            return Response.redirect("/");
        });
        app.get("/", request -> request.session().get("user_id", Integer.class)
                .map(id -> "Hello, user " + id)
                .orElse("Hello, stranger"));
        app.post("/logout", request -> {
            request.session().clear();                          // deletes the cookie
            return Response.redirect("/");
        });
        // end::enable[]
        return app;
    }

    static App remember(App app) {
        // tag::permanent[]
        app.post("/login-remembered", request -> {
            request.session().put("user_id", 1);
            request.session().permanent(true);                  // Expires and Max-Age: the permanent lifetime
            return Response.redirect("/");
        });
        // end::permanent[]
        return app;
    }

    static SignedCookieSessions settings(String secretKey) {
        // tag::settings[]
        SignedCookieSessions store = SignedCookieSessions.builder()
                .secretKey(secretKey)                           // required: a String (UTF-8) or byte[]
                .cookieName("session")
                .path("/")
                .httpOnly(true)
                .secure(false)                                  // true for any site served over HTTPS
                .sameSite(Cookie.SameSite.LAX)                  // or noSameSite(), Flask's default
                .partitioned(false)
                .permanentLifetime(Duration.ofDays(31))
                .refreshEachRequest(true)
                .salt("carafe.session")
                .clock(Clock.systemUTC())
                .build();
        // end::settings[]
        return store;
    }

    static SignedCookieSessions rotation(String newKey, String oldKey) {
        // tag::rotation[]
        SignedCookieSessions store = SignedCookieSessions.builder()
                .secretKey(newKey)                              // signs every cookie from now on
                .fallbackKey(oldKey)                            // still opens cookies signed before
                .build();
        // end::rotation[]
        return store;
    }

    // tag::server-side[]
    /** Sessions kept in server memory; the client's cookie holds only a random id. */
    static final class MemorySessions implements SessionStore {

        private final Map<String, Map<String, Object>> sessions = new ConcurrentHashMap<>();
        private final SecureRandom random = new SecureRandom();

        @Override
        public Session open(Request request) {
            return Session.of(request.cookie("sid").map(sessions::get).orElse(Map.of()));
        }

        @Override
        public Response save(Request request, Session session, Response response) {
            Response varied = session.accessed() ? response.withAddedHeader("Vary", "Cookie") : response;
            if (!session.modified()) {
                return varied;
            }
            request.cookie("sid").ifPresent(sessions::remove);  // a new id on every change
            if (session.keys().isEmpty()) {
                return varied.withDeletedCookie(Cookie.of("sid", "").withHttpOnly(true));
            }
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            String id = HexFormat.of().formatHex(bytes);
            sessions.put(id, session.asMap());
            return varied.withCookie(Cookie.of("sid", id).withHttpOnly(true).withSameSite(Cookie.SameSite.LAX));
        }
    }
    // end::server-side[]

    static App flashing(App app) {
        // tag::flash[]
        app.post("/posts", request -> {
            String title = request.form().first("title").orElse("");
            if (title.isBlank()) {
                Flash.flash(request, "Title is required.", "error");
                return page(request);                           // shown in this very response
            }
            Flash.flash(request, "Post created.");              // category "message"
            return Response.redirect("/posts");                 // shown on the next page
        });
        app.get("/posts", SessionsSnippets::page);
        // end::flash[]
        return app;
    }

    // tag::messages[]
    static Response page(Request request) {
        String messages = Flash.messages(request).stream()
                .map(message -> message.category() + ": " + message.text() + "\n")
                .collect(Collectors.joining());
        return Response.text(messages + "New post: POST a title to /posts\n");
    }

    static Optional<String> firstError(Request request) {
        return Flash.messages(request, "error").stream().map(Flash.Message::text).findFirst();
    }
    // end::messages[]
}
