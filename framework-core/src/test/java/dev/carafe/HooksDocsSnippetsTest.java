package dev.carafe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.carafe.gateway.testing.TestResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The code of docs/hooks.md, run. */
class HooksDocsSnippetsTest {

    /** A stand-in for a connection the App opens per request and must close. */
    static final class Connection implements AutoCloseable {
        private boolean open = true;

        String user(Object id) {
            return "user " + id;
        }

        @Override
        public void close() {
            open = false;
        }
    }

    @Test
    void loadTheUserAndRequireALogin() {
        App app = new App().secretKey("dev");
        app.post("/login", request -> {
            request.session().put("user_id", 7);
            return "in";
        });
        app.get("/admin", request -> "hello " + request.g().get("user"));
        // tag::before[]
        app.beforeRequest(request -> {
            request.session().get("user_id").ifPresent(id -> request.g().put("user", "user " + id));
            return Optional.empty();                                  // continue: the handler runs
        });
        app.beforeRequest(request -> request.path().startsWith("/admin") && !request.g().containsKey("user")
                ? Optional.of(Response.redirect("/login"))            // answer now: no handler
                : Optional.empty());
        // end::before[]
        AppTestClient client = app.testClient();

        TestResponse anonymous = client.get("/admin");
        client.post("/login").send();
        TestResponse known = client.get("/admin");

        assertEquals(302, anonymous.status());
        assertEquals(Optional.of("/login"), anonymous.header("Location"));
        assertEquals("hello user 7", known.text());
    }

    @Test
    void afterEveryResponse() {
        App app = new App();
        app.get("/", request -> "ok");
        // tag::after[]
        app.afterRequest((request, response) -> response
                .withHeader("X-Content-Type-Options", "nosniff")
                .withHeader("X-Frame-Options", "DENY"));
        // end::after[]

        TestResponse page = app.testClient().get("/");
        TestResponse missing = app.testClient().get("/nowhere");

        assertEquals(Optional.of("nosniff"), page.header("X-Content-Type-Options"));
        assertEquals(404, missing.status());
        assertEquals(Optional.of("DENY"), missing.header("X-Frame-Options"));
    }

    @Test
    void afterThisRequestOnly() {
        App app = new App();
        // tag::after-this-request[]
        app.get("/welcome", request -> {
            if (!request.cookies().containsKey("seen")) {
                request.context().afterThisRequest((req, response) -> response.withCookie(Cookie.of("seen", "1")));
            }
            return "Welcome!";
        });
        // end::after-this-request[]
        AppTestClient client = app.testClient();

        assertEquals(1, client.get("/welcome").headers("Set-Cookie").size());
        assertEquals(List.of(), client.get("/welcome").headers("Set-Cookie"));
    }

    @Test
    void teardownClosesWhatTheRequestOpened() {
        List<Connection> opened = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        App app = new App();
        app.get("/user", request -> {
            Connection db = new Connection();
            opened.add(db);
            request.g().put("db", db);
            return ((Connection) request.g().get("db")).user(1);
        });
        app.get("/broken", request -> {
            throw new IllegalStateException("the query failed");
        });
        // tag::teardown[]
        app.teardownAppContext((context, error) -> {
            if (context.g().remove("db") instanceof Connection db) {
                db.close();
            }
        });
        app.teardownRequest((request, error) ->
                error.ifPresent(e -> failures.add(request.path() + ": " + e.getMessage())));
        // end::teardown[]

        assertEquals("user 1", app.testClient().get("/user").text());
        assertEquals(500, app.testClient().get("/broken").status());

        assertEquals(1, opened.size());
        assertFalse(opened.get(0).open, "the connection was closed");
        assertEquals(List.of("/broken: the query failed"), failures);
    }
}
