package dev.carafe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.carafe.gateway.testing.TestResponse;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** PROVIDE_AUTOMATIC_OPTIONS: the App answers OPTIONS itself unless it is turned off (Flask 3.1). */
class AutomaticOptionsTest {

    private static App app(boolean automatic) {
        App app = new App();
        app.config().put("PROVIDE_AUTOMATIC_OPTIONS", automatic);
        app.get("/page", request -> "page");
        app.route("/cors", Set.of("GET", "OPTIONS"), request -> request.method() + " by the handler");
        return app;
    }

    @Test
    void byDefaultOptionsIsAnsweredWithTheAllowedMethods() {
        TestResponse response = app(true).testClient().request("OPTIONS", "/page").send();

        assertEquals(200, response.status());
        assertEquals(Optional.of("GET, HEAD, OPTIONS"), response.header("Allow"));
    }

    @Test
    void turnedOffOptionsIsA405UnlessTheRuleListsItAndAllowLeavesItOut() {
        AppTestClient client = app(false).testClient();

        TestResponse options = client.request("OPTIONS", "/page").send();
        TestResponse post = client.request("POST", "/page").send();
        TestResponse handled = client.request("OPTIONS", "/cors").send();

        assertEquals(405, options.status());
        assertEquals(Optional.of("GET, HEAD"), options.header("Allow"));
        assertEquals(Optional.of("GET, HEAD"), post.header("Allow"));
        assertEquals("OPTIONS by the handler", handled.text());
    }
}
