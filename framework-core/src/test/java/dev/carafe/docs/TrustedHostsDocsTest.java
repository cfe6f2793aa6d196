package dev.carafe.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.carafe.App;
import dev.carafe.AppTestClient;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The examples of TRUSTED_HOSTS in docs/config.md, docs/request-response.md and docs/testing.md. */
class TrustedHostsDocsTest {

    @Test
    void trustedHosts() {
        // tag::trusted-hosts[]
        App app = new App()
                .trustedHosts("example.com", ".example.org")   // example.org and every *.example.org
                .get("/reset/<token>", request -> request.externalUrlFor("reset.token",
                        Map.of("token", request.viewArgs().get("token"))));
        // Host: example.com        -> 200 http://example.com/reset/abc
        // Host: shop.example.org   -> 200 http://shop.example.org/reset/abc
        // Host: evil.com           -> 400 "The host 'evil.com' is not in TRUSTED_HOSTS.", the handler not called
        // end::trusted-hosts[]

        AppTestClient client = app.testClient();
        assertEquals("http://example.com/reset/abc",
                client.request("GET", "/reset/abc").header("Host", "example.com").send().text());
        assertEquals("http://shop.example.org/reset/abc",
                client.request("GET", "/reset/abc").header("Host", "shop.example.org").send().text());
        assertEquals(400, client.request("GET", "/reset/abc").header("Host", "evil.com").send().status());
    }

    @Test
    void testingAnAppThatTrustsItsProductionHost() {
        App app = new App().trustedHosts("example.com").get("/", request -> "Home");
        // tag::testing[]
        AppTestClient client = app.testClient();
        assertEquals("Home", client.get("https://example.com/").text());            // an absolute URL sets the host
        assertEquals("Home", client.request("GET", "/").header("Host", "example.com").send().text());
        assertEquals(400, client.get("/").status());                                // Host: localhost is not trusted
        // end::testing[]
    }

    @Test
    void testingAnAppWhoseServerNameIsTrusted() {
        // tag::testing-server-name[]
        App app = new App().serverName("example.com", "https").trustedHosts("example.com")
                .get("/", request -> "Home");
        AppTestClient client = app.testClient();                  // requests go to https://example.com
        assertEquals("Home", client.get("/").text());
        // end::testing-server-name[]
    }
}
