package dev.carafe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where the App test client sends a path: the App's own address from its config, as Flask's does. */
class AppTestClientAddressTest {

    private static App app() {
        App app = new App();
        app.get("/where", request -> request.url() + " root=" + request.scriptRoot() + " host=" + request.host());
        app.get("/go", request -> Response.redirect(request.urlFor("where", Map.of())));
        return app;
    }

    @Test
    void withoutServerNameAPathGoesToLocalhostOverHttp() {
        assertEquals("http://localhost/where root= host=localhost", app().testClient().get("/where").text());
    }

    @Test
    void aPathGoesToServerNameOverThePreferredSchemeUnderTheApplicationRoot() {
        App app = app();
        app.config().put("SERVER_NAME", "shop.example:8443").put("PREFERRED_URL_SCHEME", "https")
                .put("APPLICATION_ROOT", "/store");
        AppTestClient client = app.testClient();
        assertEquals("https://shop.example:8443/store/where root=/store host=shop.example:8443",
                client.get("/where").text());
        assertEquals("/store/where", client.get("/go").header("Location").orElseThrow());
        assertEquals("https://shop.example:8443/store/where root=/store host=shop.example:8443",
                client.request("GET", "/go").followRedirects(true).send().text());
    }

    @Test
    void trustedHostsThatNameServerNameAcceptThePlainPathsOfTests() {
        App app = app().serverName("shop.example", "http").trustedHosts("shop.example");
        assertEquals(200, app.testClient().get("/where").status());
    }

    @Test
    void aConfigWhoseAddressIsNotAUrlFailsWhenTheClientIsCreated() {
        App app = app();
        app.config().put("SERVER_NAME", "shop.example:port");
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, app::testClient);
        assertEquals("The test client cannot reach the App at the address its config gives (PREFERRED_URL_SCHEME "
                + "\"http\", SERVER_NAME \"shop.example:port\", APPLICATION_ROOT \"/\"): The base URL "
                + "\"http://shop.example:port/\" has a bad port; expected http:// or https://, a host, an optional port "
                + "and an optional path, as in http://localhost/ or https://example.com:8443/app.",
                failure.getMessage());
    }
}
