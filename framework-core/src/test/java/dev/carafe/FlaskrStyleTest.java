package dev.carafe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carafe.gateway.testing.TestResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The shape of the Flask tutorial's tests (flaskr), end to end through the App test client. */
class FlaskrStyleTest {

    /** A session store keeping sessions in memory under a random cookie, enough for these tests. */
    static final class MemorySessions implements SessionStore {
        private final Map<String, Map<String, Object>> sessions = new ConcurrentHashMap<>();
        private final AtomicInteger ids = new AtomicInteger();

        @Override
        public Session open(Request request) {
            return Session.of(request.cookie("sid").map(sessions::get).orElse(Map.of()));
        }

        @Override
        public Response save(Request request, Session session, Response response) {
            if (!session.modified()) {
                return response;
            }
            String id = request.cookie("sid").orElseGet(() -> "s" + ids.incrementAndGet());
            sessions.put(id, session.asMap());
            return response.withAddedHeader("Set-Cookie", "sid=" + id + "; HttpOnly; Path=/");
        }
    }

    private final List<String> closedConnections = new ArrayList<>();
    private AppTestClient client;

    @BeforeEach
    void createApp() {
        Map<Integer, String> users = Map.of(1, "test");
        App app = new App().testing(true).sessionStore(new MemorySessions());
        app.beforeRequest(request -> {
            request.session().get("user_id", Integer.class).map(id -> Map.of("id", id, "username", users.get(id)))
                    .ifPresent(user -> request.g().put("user", user));
            request.g().put("db", "connection");
            return Optional.empty();
        });
        app.teardownAppContext((context, error) -> closedConnections.add((String) context.g().remove("db")));
        app.route("/auth/login", Set.of("GET", "POST"), "auth.login", request -> {
            if (request.method().equals("GET")) {
                return "<form>Log In</form>";
            }
            String username = request.form().get("username");
            if (!users.containsValue(username)) {
                return "Incorrect username.";
            }
            request.session().clear();
            request.session().put("user_id", 1);
            return Response.redirect(request.urlFor("index", Map.of()));
        });
        app.get("/auth/logout", request -> {
            request.session().clear();
            return Response.redirect(request.urlFor("index", Map.of()));
        });
        app.route("/", Set.of("GET"), "blog.index", request -> request.g().containsKey("user") ? "Log Out" : "Log In");
        app.endpointAlias("index", "blog.index");
        app.route("/<int:id>/update", Set.of("GET", "POST"), "blog.update", request -> {
            throw HttpError.abort(404, "Post id " + request.viewArgs().get("id") + " doesn't exist.");
        });
        client = app.testClient();
    }

    @Test
    void loginStoresTheUserInTheSessionAndGOfTheNextRequest() {
        assertEquals(200, client.get("/auth/login").status());
        TestResponse login = client.post("/auth/login").form("username", "test").form("password", "test").send();
        assertEquals(Optional.of("/"), login.header("Location"));

        client.get("/");

        assertEquals(Optional.of(1), client.session().get("user_id"));
        assertEquals("test", ((Map<?, ?>) client.g().get("user")).get("username"));
    }

    @Test
    void logoutClearsTheSession() {
        client.post("/auth/login").form("username", "test").send();

        client.get("/auth/logout");

        assertFalse(client.session().contains("user_id"));
        assertEquals("Log In", client.get("/").text());
    }

    @Test
    void aMissingFormFieldIsABadRequest() {
        assertEquals(400, client.post("/auth/login").form("password", "test").send().status());
    }

    @Test
    void methodsAndSlashesAreStrict() {
        assertEquals(404, client.get("/auth/login/").status());
        assertEquals(405, client.request("DELETE", "/").send().status());
        assertEquals(Optional.of("GET, HEAD, OPTIONS"), client.request("DELETE", "/").send().header("Allow"));
    }

    @Test
    void aMissingPostIsA404WithItsEscapedDescription() {
        TestResponse response = client.get("/99/update");

        assertEquals(404, response.status());
        assertTrue(response.text().contains("Post id 99 doesn&#39;t exist."), response.text());
    }

    @Test
    void theDatabaseConnectionIsClosedAtAppContextTeardownEvenAfterAnError() {
        client.get("/");
        client.get("/99/update");

        assertEquals(List.of("connection", "connection"), closedConnections);
    }
}
