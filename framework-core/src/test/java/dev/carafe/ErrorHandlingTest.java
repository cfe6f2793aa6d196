package dev.carafe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carafe.gateway.testing.TestResponse;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ErrorHandlingTest {

    @Test
    void abortAnswersWithTheStatusAndTheEscapedDescription() {
        App app = new App();
        app.get("/<int:id>/update", request -> {
            throw HttpError.abort(404, "Post id " + request.viewArgs().get("id") + " doesn't exist.");
        });

        TestResponse response = app.testClient().get("/99/update");

        assertEquals(404, response.status());
        assertEquals("<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n"
                + "<p>Post id 99 doesn&#39;t exist.</p>\n", response.text());
    }

    @Test
    void apiClientsGetProblemJson() {
        App app = new App();
        app.get("/api/posts/<int:id>", request -> {
            throw new HttpError.NotFound("Post id 2 doesn't exist.");
        });

        TestResponse response = app.testClient().request("GET", "/api/posts/2")
                .header("Accept", "application/json").send();

        assertEquals(404, response.status());
        assertEquals(Optional.of("application/problem+json"), response.header("Content-Type"));
        assertEquals("{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,"
                + "\"detail\":\"Post id 2 doesn't exist.\"}", response.text());
    }

    @Test
    void browsersGetHtmlEvenWhenTheyAlsoAcceptAnything() {
        App app = new App();

        TestResponse response = app.testClient().request("GET", "/none")
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8").send();

        assertEquals(Optional.of("text/html; charset=utf-8"), response.header("Content-Type"));
    }

    @Test
    void bothKindsOfErrorPageSayTheyVaryByAcceptSoThatACacheKeepsThemApart() {
        App app = new App().secretKey("dev");
        app.get("/gone", request -> {
            throw new HttpError.NotFound();
        });
        app.post("/login", request -> {
            request.session().put("user_id", 1);
            return "in";
        });
        app.get("/session-gone", request -> {
            request.session().contains("user_id");
            throw new HttpError.NotFound();
        });
        AppTestClient client = app.testClient();

        TestResponse html = client.get("/gone");
        TestResponse json = client.request("GET", "/gone").header("Accept", "application/json").send();
        client.post("/login").send();
        TestResponse withSession = client.get("/session-gone");

        assertEquals(Optional.of("text/html; charset=utf-8"), html.header("Content-Type"));
        assertEquals(Optional.of("Accept"), html.header("Vary"));
        assertEquals(Optional.of("application/problem+json"), json.header("Content-Type"));
        assertEquals(Optional.of("Accept"), json.header("Vary"));
        assertEquals(List.of("Accept, Cookie"), withSession.headers("Vary"));
    }

    // tag::abort-response[]
    /** Helper code deep in a handler's calls: answers an API client itself when nobody is logged in. */
    static String requireUser(Request request) {
        return request.header("X-User").orElseThrow(() -> HttpError.abort(
                Response.json(Map.of("error", "login required")).withStatus(401)));
    }
    // end::abort-response[]

    @Test
    void abortWithAResponseSendsItAsItIsPastTheErrorHandlersButThroughTheAfterFunctions() {
        List<String> handled = new ArrayList<>();
        App app = new App();
        app.get("/api/me", request -> "hello " + requireUser(request));
        app.errorHandler(401, (request, error) -> {
            handled.add("401 handler");
            return Response.text("handled").withStatus(401);
        });
        app.afterRequest((request, response) -> response.withHeader("X-After", "ran"));
        AppTestClient client = app.testClient();

        TestResponse refused = client.get("/api/me");
        TestResponse known = client.request("GET", "/api/me").header("X-User", "ada").send();

        assertEquals(401, refused.status());
        assertEquals("{\"error\":\"login required\"}", refused.text());
        assertEquals(Optional.of("ran"), refused.header("X-After"));
        assertEquals(List.of(), handled);
        assertEquals("hello ada", known.text());
    }

    @Test
    void methodNotAllowedCarriesAllowInProblemJsonToo() {
        App app = new App();
        app.post("/login", request -> "ok");

        TestResponse response = app.testClient().request("GET", "/login")
                .header("Accept", "application/problem+json").send();

        assertEquals(405, response.status());
        assertEquals(Optional.of("POST, OPTIONS"), response.header("Allow"));
        assertTrue(response.text().contains("\"status\":405"), response.text());
    }

    @Test
    void anErrorsHeadersAreSentWithTheDefaultPage() {
        App app = new App();
        app.get("/orders", request -> {
            throw new HttpError.Unauthorized("Log in to see your orders.", "Bearer realm=\"shop\"");
        });

        TestResponse response = app.testClient().get("/orders");

        assertEquals(401, response.status());
        assertEquals(Optional.of("Bearer realm=\"shop\""), response.header("WWW-Authenticate"));
        assertTrue(response.text().contains("<p>Log in to see your orders.</p>"), response.text());
    }

    @Test
    void statusHandlerWinsOverClassHandler() {
        App app = new App();
        app.get("/", request -> {
            throw new HttpError.NotFound();
        });
        app.errorHandler(HttpError.NotFound.class, (request, error) -> Response.text("by class").withStatus(404));
        app.errorHandler(404, (request, error) -> Response.text("by status").withStatus(404));

        assertEquals("by status", app.testClient().get("/").text());
    }

    @Test
    void theClosestClassHandlerWins() {
        App app = new App();
        app.get("/missing-file", request -> {
            throw new FileNotFoundException("notes.txt");
        });
        app.get("/io", request -> {
            throw new IOException("disk");
        });
        app.errorHandler(Exception.class, (request, error) -> Response.text("exception").withStatus(500));
        app.errorHandler(IOException.class, (request, error) -> Response.text("io: " + error.getMessage())
                .withStatus(503));
        app.errorHandler(FileNotFoundException.class, (request, error) -> Response.text("no file").withStatus(404));
        AppTestClient client = app.testClient();

        assertEquals("no file", client.get("/missing-file").text());
        assertEquals("io: disk", client.get("/io").text());
        assertEquals(503, client.get("/io").status());
    }

    @Test
    void aHandlerForTheBaseClassCatchesRoutingErrorsToo() {
        App app = new App();
        app.errorHandler(HttpError.class, (request, error) ->
                Response.text(error.status() + " " + error.title()).withStatus(error.status()));

        TestResponse response = app.testClient().get("/nowhere");

        assertEquals(404, response.status());
        assertEquals("404 Not Found", response.text());
    }

    @Test
    void missingFormKeyIsA400NamingTheKey() {
        App app = new App();
        app.post("/register", request -> request.form().get("password"));

        TestResponse response = app.testClient().post("/register").form("username", "ada")
                .header("Accept", "application/json").send();

        assertEquals(400, response.status());
        assertTrue(response.text().contains("Missing key 'password' in the form"), response.text());
    }

    @Test
    void aBodyAboveTheMaximumContentLengthIsA413() {
        App app = new App().maxContentLength(10);
        app.post("/upload", request -> request.body().length + " bytes");

        TestResponse response = app.testClient().post("/upload").body(new byte[11], "application/octet-stream")
                .send();

        assertEquals(413, response.status());
        assertEquals("10 bytes", app.testClient().post("/upload").body(new byte[10], "application/octet-stream")
                .send().text());
    }

    @Test
    void aFormAboveTheMemoryLimitIsA413() {
        App app = new App().maxFormSize(20, 10);
        app.post("/", request -> request.form().get("text"));

        TestResponse response = app.testClient().post("/").form("text", "x".repeat(30)).send();

        assertEquals(413, response.status());
        assertTrue(response.text().contains("maxFormMemorySize"), response.text());
    }

    @Test
    void jsonWithTheWrongContentTypeIsA415NamingTheExpectedType() {
        App app = new App();
        app.post("/api", request -> request.json(java.util.Map.class).toString());

        TestResponse response = app.testClient().post("/api").body("{}".getBytes(), "text/plain")
                .header("Accept", "application/json").send();

        assertEquals(415, response.status());
        assertTrue(response.text().contains("Expected a JSON body with Content-Type 'application/json', got "
                + "'text/plain'."), response.text());
    }

    @Test
    void malformedJsonIsA400WithTheParsersReason() {
        App app = new App();
        app.post("/api", request -> request.json(java.util.Map.class).toString());

        TestResponse response = app.testClient().post("/api").json("{\"a\": ").header("Accept", "application/json")
                .send();

        assertEquals(400, response.status());
        assertTrue(response.text().contains("line"), response.text());
    }

    @Test
    void anUnhandledExceptionIsA500WithoutDetails() {
        App app = new App();
        app.get("/", request -> {
            throw new IllegalStateException("password=hunter2");
        });

        TestResponse response = app.testClient().get("/");

        assertEquals(500, response.status());
        assertFalse(response.text().contains("hunter2"), response.text());
        assertTrue(response.text().contains("<h1>Internal Server Error</h1>"), response.text());
    }

    @Test
    void debugModeShowsTheExceptionIn500Pages() {
        App app = new App().debug(true);
        app.get("/", request -> {
            throw new IllegalStateException("the <cause>");
        });

        TestResponse response = app.testClient().get("/");

        assertEquals(500, response.status());
        assertTrue(response.text().contains("java.lang.IllegalStateException: the &lt;cause&gt;"), response.text());
    }

    @Test
    void testingModePropagatesTheExceptionToTheTest() {
        App app = new App().testing(true);
        IllegalStateException thrown = new IllegalStateException("boom");
        app.get("/", request -> {
            throw thrown;
        });

        assertSame(thrown, assertThrows(IllegalStateException.class, () -> app.testClient().get("/")));
    }

    @Test
    void testingModeStillAnswersHttpErrors() {
        App app = new App().testing(true);
        app.get("/", request -> {
            throw new HttpError.Forbidden("no");
        });

        assertEquals(403, app.testClient().get("/").status());
    }

    @Test
    void a500HandlerReceivesTheOriginalExceptionAsCause() {
        App app = new App();
        app.get("/", request -> {
            throw new ArithmeticException("/ by zero");
        });
        app.errorHandler(500, (request, error) -> Response.text("sorry: " + error.getCause().getMessage())
                .withStatus(500));

        assertEquals("sorry: / by zero", app.testClient().get("/").text());
    }

    /** A bean Jackson cannot write: its only property fails. */
    public static final class Unwritable {
        public String getValue() {
            throw new IllegalStateException("no value");
        }
    }

    @Test
    void aJsonBodyThatCannotBeWrittenIsAnsweredLikeAnyOtherFailure() {
        App app = new App();
        app.get("/", request -> Response.json(new Unwritable()));
        app.errorHandler(500, (request, error) -> Response.text("could not write: "
                + error.getCause().getClass().getSimpleName()).withStatus(500));

        TestResponse response = app.testClient().get("/");

        assertEquals(500, response.status());
        assertEquals("could not write: IllegalArgumentException", response.text());
    }

    @Test
    void anEmptyOptionalReturnedByAHandlerIsA404ThatErrorHandlersSee() {
        App app = new App();
        app.get("/users/<int:id>", request -> Optional.empty());
        app.errorHandler(404, (request, error) -> Response.text("no user " + request.viewArgs().get("id"))
                .withStatus(404));

        TestResponse response = app.testClient().get("/users/3");

        assertEquals(404, response.status());
        assertEquals("no user 3", response.text());
    }

    @Test
    void aHandlerReturningNullIsAnErrorNamingIt() {
        App app = new App().testing(true);
        app.get("/users/<int:id>", request -> null);

        IllegalStateException error = assertThrows(IllegalStateException.class, () -> app.testClient().get("/users/3"));
        assertTrue(error.getMessage().startsWith("Handler for endpoint 'users.id' (/users/<int:id>) returned null"),
                error.getMessage());
    }

    @Test
    void httpErrorOfPicksTheNestedClass() {
        assertEquals(HttpError.NotFound.class, HttpError.of(404).getClass());
        assertEquals(HttpError.Forbidden.class, HttpError.of(403, "no").getClass());
        assertEquals(418, HttpError.of(418).status());
        assertEquals("I'm a teapot", HttpError.of(418).title());
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> HttpError.of(302));
        assertEquals("An HttpError needs a status from 400 to 599, got 302. For a redirect return "
                + "Response.redirect(location); for a success return a Response.", error.getMessage());
    }

    @Test
    void errorHandlersAreOnlyFor4xxAnd5xx() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new App().errorHandler(302, (request, e) -> "x"));
        assertEquals("Cannot register an error handler for status 302: error handlers are for 4xx and 5xx "
                + "statuses. Use an after-request function to change other responses.", error.getMessage());
    }
}
