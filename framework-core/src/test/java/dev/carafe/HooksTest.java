package dev.carafe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.carafe.gateway.testing.TestResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HooksTest {

    @Test
    void hooksRunInFlasksOrder() {
        List<String> calls = new ArrayList<>();
        App app = new App();
        app.get("/", request -> {
            calls.add("handler");
            return "ok";
        });
        app.beforeRequest(request -> {
            calls.add("before 1");
            return Optional.empty();
        });
        app.beforeRequest(request -> {
            calls.add("before 2");
            return Optional.empty();
        });
        app.afterRequest((request, response) -> {
            calls.add("after 1");
            return response;
        });
        app.afterRequest((request, response) -> {
            calls.add("after 2");
            return response;
        });
        app.teardownRequest((request, error) -> calls.add("teardown request 1"));
        app.teardownRequest((request, error) -> calls.add("teardown request 2"));
        app.teardownAppContext((context, error) -> calls.add("teardown app context"));

        app.testClient().get("/");

        assertEquals(List.of("before 1", "before 2", "handler", "after 2", "after 1", "teardown request 2",
                "teardown request 1", "teardown app context"), calls);
    }

    @Test
    void beforeRequestReturningAValueShortCircuitsTheHandler() {
        List<String> calls = new ArrayList<>();
        App app = new App();
        app.get("/admin", request -> {
            calls.add("handler");
            return "secret";
        });
        app.beforeRequest(request -> Optional.of(Response.redirect("/login")));
        app.beforeRequest(request -> {
            calls.add("second before");
            return Optional.empty();
        });
        app.afterRequest((request, response) -> response.withHeader("X-After", "ran"));

        TestResponse response = app.testClient().get("/admin");

        assertEquals(302, response.status());
        assertEquals(Optional.of("/login"), response.header("Location"));
        assertEquals(Optional.of("ran"), response.header("X-After"));
        assertEquals(List.of(), calls);
    }

    @Test
    void afterThisRequestChangesOnlyThisRequestsResponseBeforeTheAppsAfterFunctions() {
        List<String> calls = new ArrayList<>();
        App app = new App();
        app.afterRequest((request, response) -> {
            calls.add("app after, sees " + response.header("X-Seen").orElse("-"));
            return response;
        });
        app.get("/remember", request -> {
            request.context().afterThisRequest((req, response) -> {
                calls.add("this request");
                return response.withHeader("X-Seen", "1");
            });
            return "remembered";
        });
        app.get("/fail", request -> {
            request.context().afterThisRequest((req, response) -> response.withHeader("X-Seen", "on the error"));
            throw new HttpError.NotFound();
        });
        AppTestClient client = app.testClient();

        TestResponse remembered = client.get("/remember");
        TestResponse other = client.get("/remember-not");
        TestResponse failed = client.get("/fail");

        assertEquals(Optional.of("1"), remembered.header("X-Seen"));
        assertEquals(Optional.empty(), other.header("X-Seen"));
        assertEquals(404, failed.status());
        assertEquals(Optional.of("on the error"), failed.header("X-Seen"));
        assertEquals(List.of("this request", "app after, sees 1", "app after, sees -", "app after, sees on the error"),
                calls);
    }

    @Test
    void beforeRequestRunsForUnknownPathsToo() {
        List<String> seen = new ArrayList<>();
        App app = new App();
        app.beforeRequest(request -> {
            seen.add(request.path() + " " + request.endpoint().orElse("(none)"));
            return Optional.empty();
        });

        assertEquals(404, app.testClient().get("/nowhere").status());
        assertEquals(List.of("/nowhere (none)"), seen);
    }

    @Test
    void afterRequestRunsForErrorResponses() {
        App app = new App();
        app.get("/", request -> {
            throw new HttpError.Forbidden("No.");
        });
        app.afterRequest((request, response) -> response.withHeader("X-Frame-Options", "DENY"));

        TestResponse response = app.testClient().get("/");

        assertEquals(403, response.status());
        assertEquals(Optional.of("DENY"), response.header("X-Frame-Options"));
    }

    @Test
    void teardownRunsAfterAnUnhandledErrorAndReceivesIt() {
        List<String> errors = new ArrayList<>();
        App app = new App();
        app.get("/", request -> {
            throw new IllegalStateException("database down");
        });
        app.teardownRequest((request, error) -> errors.add("request: " + error.map(Throwable::getMessage).orElse("-")));
        app.teardownAppContext((context, error) -> errors.add("app: " + error.map(Throwable::getMessage).orElse("-")));

        assertEquals(500, app.testClient().get("/").status());
        assertEquals(List.of("request: database down", "app: database down"), errors);
    }

    @Test
    void teardownRunsWhenTheExceptionPropagatesInTestingMode() {
        List<String> errors = new ArrayList<>();
        App app = new App().testing(true);
        app.get("/", request -> {
            throw new IllegalStateException("boom");
        });
        app.teardownRequest((request, error) -> errors.add(error.map(Throwable::getMessage).orElse("-")));

        assertThrows(IllegalStateException.class, () -> app.testClient().get("/"));
        assertEquals(List.of("boom"), errors);
    }

    @Test
    void teardownGetsNoErrorWhenAnErrorHandlerAnswered() {
        List<Optional<Throwable>> errors = new ArrayList<>();
        App app = new App();
        app.get("/", request -> {
            throw new HttpError.NotFound("gone");
        });
        app.teardownRequest((request, error) -> errors.add(error));

        assertEquals(404, app.testClient().get("/").status());
        assertEquals(List.of(Optional.empty()), errors);
    }

    @Test
    void aFailingTeardownDoesNotStopTheOthers() {
        List<String> calls = new ArrayList<>();
        App app = new App();
        app.get("/", request -> "ok");
        app.teardownRequest((request, error) -> calls.add("first registered"));
        app.teardownRequest((request, error) -> {
            throw new IllegalStateException("teardown failed");
        });

        assertEquals(200, app.testClient().get("/").status());
        assertEquals(List.of("first registered"), calls);
    }

    @Test
    void appContextClosesWithItsTeardownsInTryWithResources() {
        List<String> closed = new ArrayList<>();
        App app = new App();
        app.teardownAppContext((context, error) -> closed.add(String.valueOf(context.g().get("db"))));

        try (AppContext context = app.appContext()) {
            context.g().put("db", "connection 1");
            assertEquals(app, context.app());
        }

        assertEquals(List.of("connection 1"), closed);
    }

    @Test
    void beforeRequestReturningNullIsAClearError() {
        App app = new App().testing(true);
        app.get("/", request -> "ok");
        app.beforeRequest(request -> null);

        IllegalStateException error = assertThrows(IllegalStateException.class, () -> app.testClient().get("/"));
        assertEquals("A before-request function returned null; return Optional.empty() to continue or "
                + "Optional.of(response) to answer.", error.getMessage());
    }
}
