package dev.carafe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carafe.gateway.testing.TestClient;
import dev.carafe.gateway.testing.TestResponse;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ContextTest {

    @Test
    void theCurrentContextIsTheOneOfTheRequestBeingHandled() {
        App app = new App();
        app.get("/", request -> RequestContext.current() == request.context() && RequestContext.current().app() == app
                ? "same" : "different");

        assertEquals("same", app.testClient().get("/").text());
    }

    @Test
    void outsideARequestTheCurrentContextIsAClearError() {
        IllegalStateException error = assertThrows(IllegalStateException.class, RequestContext::current);
        assertEquals("Working outside of a request context: this code needs the request being handled, but the "
                + "current thread is not handling one. Call it from a handler, a hook or a template rendered by one, "
                + "or pass the Request along; in tests, use app.testRequestContext(path, context -> ...).",
                error.getMessage());
        assertEquals(Optional.empty(), RequestContext.find());
    }

    @Test
    void theContextIsRestoredAfterTheRequest() {
        App app = new App();
        app.get("/", request -> "ok");
        app.testClient().get("/");

        assertEquals(Optional.empty(), RequestContext.find());
    }

    @Test
    void gLivesForOneRequestAndIsSharedByHooksAndHandler() {
        App app = new App();
        AtomicInteger counter = new AtomicInteger();
        app.beforeRequest(request -> {
            request.g().put("n", counter.incrementAndGet());
            return Optional.empty();
        });
        app.get("/", request -> request.g().get("n") + " " + request.g().size());
        AppTestClient client = app.testClient();

        assertEquals("1 1", client.get("/").text());
        assertEquals("2 1", client.get("/").text());
    }

    @Test
    void twoAppsInOneJvmNeverInterfere() {
        App first = new App();
        App second = new App().debug(true);
        first.get("/", request -> "first " + request.app().debug());
        second.get("/", request -> "second " + request.app().debug());
        first.afterRequest((request, response) -> response.withHeader("X-App", "first"));

        TestResponse a = first.testClient().get("/");
        TestResponse b = second.testClient().get("/");

        assertEquals("first false", a.text());
        assertEquals("second true", b.text());
        assertEquals(Optional.of("first"), a.header("X-App"));
        assertEquals(Optional.empty(), b.header("X-App"));
        assertThrows(IllegalStateException.class, () -> first.get("/late", request -> "x"));
        assertEquals(404, second.testClient().get("/late").status());
    }

    @Test
    void anAppCalledFromInsideAnotherRestoresTheOuterContext() {
        App inner = new App();
        inner.get("/", request -> "inner " + RequestContext.current().app().equals(inner));
        TestClient innerClient = TestClient.of(inner);
        App outer = new App();
        outer.get("/", request -> innerClient.get("/").text() + ", outer " + RequestContext.current().app()
                .equals(outer));

        assertEquals("inner true, outer true", outer.testClient().get("/").text());
    }

    @Test
    void withoutASessionStoreTheSessionIsEmptyAndWritingExplainsTheFix() {
        App app = new App().testing(true);
        app.get("/read", request -> "read " + request.session().contains("user_id"));
        app.get("/write", request -> {
            request.session().put("user_id", 1);
            return "written";
        });
        AppTestClient client = app.testClient();

        assertEquals("read false", client.get("/read").text());
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> client.get("/write"));
        assertEquals("Cannot put \"user_id\" in the session: the session is unavailable because no session store is "
                + "configured. Set a secret key before the first request (app.secretKey(...), or SECRET_KEY in "
                + "app.config()) to keep sessions in signed cookies, or set another store with "
                + "app.sessionStore(store).", error.getMessage());
    }

    @Test
    void aSessionStoreLoadsAndSavesTheSession() {
        Map<String, Map<String, Object>> saved = new ConcurrentHashMap<>();
        App app = new App();
        app.sessionStore(new SessionStore() {
            @Override
            public Session open(Request request) {
                return Session.of(request.cookie("sid").map(saved::get).orElse(Map.of()));
            }

            @Override
            public Response save(Request request, Session session, Response response) {
                if (!session.modified()) {
                    return response;
                }
                saved.put("s1", session.asMap());
                return response.withAddedHeader("Set-Cookie", "sid=s1; Path=/");
            }
        });
        app.post("/login", request -> {
            request.session().put("user_id", 1);
            return "logged in";
        });
        app.get("/me", request -> "user " + request.session().get("user_id", Integer.class).orElse(0));
        AppTestClient client = app.testClient();

        client.post("/login").send();

        assertEquals("user 1", client.get("/me").text());
        assertEquals(Optional.of(1), client.session().get("user_id"));
        assertTrue(client.session().accessed());
        assertFalse(client.session().modified());
    }

    @Test
    void sessionValuesOfTheWrongTypeNameBothTypes() {
        Session session = Session.of(Map.of("user_id", "1"));

        ClassCastException error = assertThrows(ClassCastException.class, () -> session.get("user_id", Integer.class));
        assertEquals("Session value 'user_id' is a java.lang.String (1), not a java.lang.Integer; read it with the "
                + "type it was stored with.", error.getMessage());
    }

    @Test
    void sessionsTrackPermanenceAndChanges() {
        Session session = Session.of(Map.of());
        assertFalse(session.permanent());
        assertFalse(session.modified());

        session.permanent(true);
        session.put("a", 1);
        session.remove("a");

        assertTrue(session.permanent());
        assertTrue(session.modified());
        assertEquals(java.util.Set.of("_permanent"), session.keys());
    }
}
