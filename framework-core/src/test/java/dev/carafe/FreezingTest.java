package dev.carafe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FreezingTest {

    @Test
    void addingARouteAfterTheFirstRequestFailsSayingWhy() {
        App app = new App();
        app.get("/", request -> "home");
        app.testClient().get("/");

        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> app.get("/late", request -> "late"));
        assertEquals("The setup method 'get' can no longer be called on this App: it has already handled its "
                + "first request (or built a URL), and changes now would not apply consistently. Register every "
                + "route, hook, error handler and setting before the App serves: before app.run(), the first "
                + "test-client request, or app.urlFor(...).", error.getMessage());
    }

    @Test
    void everySetupMethodIsFrozenNotOnlyRoutes() {
        App app = new App();
        app.get("/", request -> "home");
        app.urlFor("index", Map.of());

        assertThrows(IllegalStateException.class, () -> app.beforeRequest(request -> java.util.Optional.empty()));
        assertThrows(IllegalStateException.class, () -> app.errorHandler(404, (request, error) -> "x"));
        assertThrows(IllegalStateException.class, () -> app.testing(true));
        assertThrows(IllegalStateException.class, () -> app.endpointAlias("home", "index"));
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> app.debug(true));
        assertEquals("The setup method 'debug'", error.getMessage().substring(0, 24));
    }

    @Test
    void setupBeforeTheFirstRequestIsUsedByIt() {
        App app = new App();
        app.get("/", request -> "home");
        app.afterRequest((request, response) -> response.withHeader("X-Set-Up", "yes"));

        assertEquals(java.util.Optional.of("yes"), app.testClient().get("/").header("X-Set-Up"));
    }
}
