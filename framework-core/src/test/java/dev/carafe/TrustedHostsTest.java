package dev.carafe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carafe.gateway.middleware.ProxyFix;
import dev.carafe.gateway.testing.TestClient;
import dev.carafe.gateway.testing.TestResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** TRUSTED_HOSTS through the App: which hosts reach handlers, and what the others get. */
class TrustedHostsTest {

    private final AtomicInteger calls = new AtomicInteger();
    private final SignedCookies.LogCapture log = new SignedCookies.LogCapture("dev.carafe.App", Level.INFO);

    @AfterEach
    void release() {
        log.close();
    }

    private App app(String... trusted) {
        App app = new App();
        app.get("/post/<int:id>", request -> {
            calls.incrementAndGet();
            return request.externalUrlFor("post.id", Map.of("id", request.viewArgs().get("id")));
        });
        return trusted.length == 0 ? app : app.trustedHosts(trusted);
    }

    private static TestResponse withHost(App app, String host) {
        return app.testClient().request("GET", "/post/2").header("Host", host).send();
    }

    @Test
    void withoutTheSettingAnyHostIsAccepted() {
        App app = app();
        assertEquals("http://evil.com/post/2", withHost(app, "evil.com").text());
        assertEquals("http://localhost/post/2", app.testClient().get("/post/2").text());
    }

    @Test
    void anExactNameIsAcceptedAndAnotherHostGets400WithoutCallingTheHandler() {
        App app = app("example.com");

        assertEquals("http://example.com/post/2", withHost(app, "example.com").text());
        assertEquals(1, calls.get());

        TestResponse refused = withHost(app, "evil.com");
        assertEquals(400, refused.status());
        assertTrue(refused.text().contains("<p>The host &#39;evil.com&#39; is not in TRUSTED_HOSTS.</p>"),
                refused.text());
        assertEquals(1, calls.get());
        assertEquals(400, withHost(app, "www.example.com").status());
        assertEquals(400, app.testClient().get("/post/2").status());          // localhost is not trusted either
    }

    @Test
    void aLeadingDotAcceptsTheDomainAndEverySubdomainButNoOtherNameEndingTheSame() {
        App app = app(".example.com");

        assertEquals(200, withHost(app, "example.com").status());
        assertEquals(200, withHost(app, "a.b.example.com").status());
        assertEquals(400, withHost(app, "badexample.com").status());
        assertEquals(400, withHost(app, "example.com.evil.net").status());
        assertEquals(2, calls.get());
    }

    @Test
    void thePortIsIgnoredOnBothSides() {
        App app = app("example.com:8443", "[::1]");

        assertEquals("http://example.com:8080/post/2", withHost(app, "example.com:8080").text());
        assertEquals(200, withHost(app, "example.com").status());
        assertEquals(200, withHost(app, "[::1]:5000").status());
        assertEquals(400, withHost(app, "[::2]:5000").status());
    }

    @Test
    void namesCompareCaseInsensitively() {
        App app = app("Example.COM");
        assertEquals(200, withHost(app, "EXAMPLE.com").status());
        assertEquals(200, withHost(app, "example.com").status());
    }

    @Test
    void theConfigKeyWorksAsTheMethodDoes() {
        App app = app();
        app.config().put("TRUSTED_HOSTS", List.of("example.com", ".example.org"));

        assertEquals(200, withHost(app, "example.com").status());
        assertEquals(200, withHost(app, "shop.example.org").status());
        assertEquals(400, withHost(app, "evil.com").status());
    }

    @Test
    void theConfigKeyReadsACommaSeparatedEnvironmentVariable() {
        App app = app();
        app.config().fromPrefixedEnv("SITE", Map.of("SITE_TRUSTED_HOSTS", "example.com, .example.org"));

        assertEquals(200, withHost(app, "a.example.org").status());
        assertEquals(400, withHost(app, "evil.com").status());
    }

    @Test
    void externalUrlsCanNoLongerBePoisonedThroughTheHost() {
        App app = app("example.com").serverName("example.com", "https");

        assertEquals("https://example.com/post/2", app.testClient().get("https://example.com/post/2").text());
        TestResponse poisoned = withHost(app, "evil.com");
        assertEquals(400, poisoned.status());
        assertFalse(poisoned.text().contains("evil.com/post/2"), poisoned.text());
    }

    @Test
    void theRefusalGoesThroughTheAppsErrorHandlersAndContentNegotiation() {
        App app = app("example.com");
        TestResponse json = app.testClient().request("GET", "/post/2").header("Host", "evil.com")
                .header("Accept", "application/json").send();
        assertEquals(400, json.status());
        assertEquals("{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                + "\"detail\":\"The host 'evil.com' is not in TRUSTED_HOSTS.\"}", json.text());

        app = app("example.com");
        app.errorHandler(400, (request, error) -> Response.text("refused: " + error.description().orElseThrow())
                .withStatus(400));
        assertEquals("refused: The host 'evil.com' is not in TRUSTED_HOSTS.", withHost(app, "evil.com").text());
    }

    @Test
    void aRefusedRequestSkipsTheBeforeFunctionsButGetsTheAfterFunctions() {
        App app = app("example.com");
        app.beforeRequest(request -> {
            calls.incrementAndGet();
            return Optional.empty();
        });
        app.afterRequest((request, response) -> response.withHeader("X-After", "ran"));

        TestResponse refused = withHost(app, "evil.com");

        assertEquals(400, refused.status());
        assertEquals(Optional.of("ran"), refused.header("X-After"));
        assertEquals(0, calls.get());
    }

    @Test
    void theRefusalIsLoggedWithTheRequestLineAndTheTrustedHosts() {
        withHost(app("example.com", ".Example.org"), "evil.com");

        assertEquals(List.of("Refused the host 'evil.com' of \"GET /post/2 HTTP/1.1\": it is not in TRUSTED_HOSTS "
                + "[example.com, .example.org]; answering 400 Bad Request."), log.messages());
    }

    @Test
    void behindProxyFixTheForwardedHostIsChecked() {
        App app = app("example.com");
        TestClient client = TestClient.of(ProxyFix.builder().xHost(1).build().wrap(app));

        assertEquals("http://example.com/post/2", client.request("GET", "/post/2")
                .header("X-Forwarded-Host", "example.com").send().text());
        assertEquals(400, client.request("GET", "/post/2").header("Host", "example.com")
                .header("X-Forwarded-Host", "evil.com").send().status());
    }

    @Test
    void testsReachAnAppTrustingItsProductionHostThroughAbsoluteUrls() {
        AppTestClient client = app(".example.com").testClient();

        assertEquals("https://www.example.com/post/2", client.get("https://www.example.com/post/2").text());
        assertEquals(400, client.get("/post/2").status());
    }
}
