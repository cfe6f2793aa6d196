package dev.carafe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.carafe.gateway.testing.TestResponse;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BlueprintErrorsTest {

    /** An API error body. */
    record Problem(String error, String path) {
    }

    private static Blueprint jsonApi() {
        Blueprint api = new Blueprint("api").urlPrefix("/api");
        api.get("/users", request -> "users");
        api.errorHandler(404, (request, error) -> Response.json(new Problem("no such API resource",
                request.path())).withStatus(404));
        api.errorHandler(405, (request, error) -> Response.json(Map.of("error", "method not allowed"))
                .withStatus(405).withHeader("Allow", error.headers().get(0).value()));
        return api;
    }

    @Test
    void aMissUnderTheBlueprintsPrefixGetsItsNotFoundHandler() {
        App app = new App().register(jsonApi());
        app.get("/", request -> "home");
        app.errorHandler(404, (request, error) -> Response.html("<h1>Lost?</h1>").withStatus(404));

        TestResponse api = app.testClient().get("/api/nothing/here");
        assertEquals(404, api.status());
        assertEquals(Optional.of("application/json"), api.header("Content-Type"));
        assertEquals("{\"error\":\"no such API resource\",\"path\":\"/api/nothing/here\"}", api.text());
        assertEquals("<h1>Lost?</h1>", app.testClient().get("/nothing").text());
        assertEquals("<h1>Lost?</h1>", app.testClient().get("/apis").text());
    }

    @Test
    void aWrongMethodUnderTheBlueprintsPrefixGetsItsMethodNotAllowedHandler() {
        App app = new App().register(jsonApi());

        TestResponse response = app.testClient().post("/api/users").send();
        assertEquals(405, response.status());
        assertEquals("{\"error\":\"method not allowed\"}", response.text());
        assertEquals(Optional.of("GET, HEAD, OPTIONS"), response.header("Allow"));
    }

    @Test
    void theLongestPrefixOwnsTheMiss() {
        Blueprint api = new Blueprint("api").urlPrefix("/api");
        api.errorHandler(404, (request, error) -> Response.text("api 404").withStatus(404));
        Blueprint v1 = new Blueprint("v1").urlPrefix("/v1");
        v1.errorHandler(404, (request, error) -> Response.text("v1 404").withStatus(404));
        Blueprint v2 = new Blueprint("v2").urlPrefix("/v2");
        api.register(v1).register(v2);
        App app = new App().register(api);

        assertEquals("v1 404", app.testClient().get("/api/v1/missing").text());
        assertEquals("api 404", app.testClient().get("/api/v2/missing").text());
        assertEquals("api 404", app.testClient().get("/api/v3").text());
    }

    @Test
    void theBlueprintsHandlerAnswersErrorsOfItsRequestsBeforeTheApps() {
        Blueprint shop = new Blueprint("shop").urlPrefix("/shop");
        shop.get("/cart", request -> {
            throw new IllegalStateException("cart service down");
        });
        shop.errorHandler(IllegalStateException.class, (request, error) ->
                Response.text("shop: " + error.getMessage()).withStatus(503));
        App app = new App().register(shop);
        app.get("/home", request -> {
            throw new IllegalStateException("home broken");
        });
        app.errorHandler(IllegalStateException.class, (request, error) ->
                Response.text("app: " + error.getMessage()).withStatus(500));

        assertEquals("shop: cart service down", app.testClient().get("/shop/cart").text());
        assertEquals("app: home broken", app.testClient().get("/home").text());
    }

    @Test
    void theInnermostBlueprintsHandlerWinsAndOuterOnesStillApply() {
        Blueprint outer = new Blueprint("outer").urlPrefix("/outer");
        outer.errorHandler(409, (request, error) -> Response.text("outer 409").withStatus(409));
        outer.errorHandler(410, (request, error) -> Response.text("outer 410").withStatus(410));
        Blueprint inner = new Blueprint("inner").urlPrefix("/inner");
        inner.errorHandler(409, (request, error) -> Response.text("inner 409").withStatus(409));
        inner.get("/conflict", request -> {
            throw new HttpError.Conflict("taken");
        });
        inner.get("/gone", request -> {
            throw HttpError.of(410);
        });
        outer.register(inner);
        App app = new App().register(outer);

        assertEquals("inner 409", app.testClient().get("/outer/inner/conflict").text());
        assertEquals("outer 410", app.testClient().get("/outer/inner/gone").text());
    }

    @Test
    void anyHandlerOfTheBlueprintWinsOverTheAppsStatusHandler() {
        Blueprint api = new Blueprint("api").urlPrefix("/api");
        api.get("/x", request -> {
            throw new HttpError.NotFound();
        });
        api.errorHandler(HttpError.class, (request, error) -> Response.text("api class").withStatus(error.status()));
        App app = new App().register(api);
        app.errorHandler(404, (request, error) -> Response.text("app 404").withStatus(404));

        assertEquals("api class", app.testClient().get("/api/x").text());
        assertEquals("api class", app.testClient().get("/api/missing").text());
        assertEquals("app 404", app.testClient().get("/missing").text());
    }

    @Test
    void appErrorHandlersFromABlueprintAnswerEveryRequest() {
        Blueprint errors = new Blueprint("errors");
        errors.appErrorHandler(404, (request, error) -> Response.text("app-wide 404").withStatus(404));
        errors.appErrorHandler(ArithmeticException.class, (request, error) ->
                Response.text("app-wide " + error.getMessage()).withStatus(500));
        App app = new App().register(errors);
        app.get("/divide", request -> 1 / (request.args().isEmpty() ? 0 : 1));

        assertEquals("app-wide 404", app.testClient().get("/missing").text());
        assertEquals("app-wide / by zero", app.testClient().get("/divide").text());
    }

    @Test
    void anUnhandledExceptionInABlueprintUsesItsHandlerFor500() {
        Blueprint api = new Blueprint("api").urlPrefix("/api");
        api.get("/boom", request -> {
            throw new IllegalStateException("boom");
        });
        api.errorHandler(500, (request, error) -> Response.json(Map.of("error", error.getCause().getMessage()))
                .withStatus(500));
        App app = new App().register(api);

        TestResponse response = app.testClient().get("/api/boom");
        assertEquals(500, response.status());
        assertEquals("{\"error\":\"boom\"}", response.text());
    }
}
