package dev.carafe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.carafe.gateway.Application;
import dev.carafe.gateway.middleware.ProxyFix;
import dev.carafe.gateway.testing.TestClient;
import dev.carafe.routing.UrlBuildException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UrlForTest {

    private static App blog() {
        App app = new App();
        app.route("/", java.util.Set.of("GET"), "blog.index", request -> "index");
        app.route("/<int:id>/update", java.util.Set.of("GET", "POST"), "blog.update", request -> "update");
        app.endpointAlias("index", "blog.index");
        app.get("/link", request -> request.urlFor("blog.update", Map.of("id", 7, "next", "a b")));
        return app;
    }

    @Test
    void outsideARequestWithoutAServerNameUrlsArePaths() {
        assertEquals("/3/update", blog().urlFor("blog.update", Map.of("id", 3)));
    }

    @Test
    void outsideARequestWithAServerNameUrlsAreAbsolute() {
        App app = blog().serverName("example.com", "https");

        assertEquals("https://example.com/3/update", app.urlFor("blog.update", Map.of("id", 3)));
    }

    @Test
    void insideARequestUrlsAreUnderTheScriptName() {
        App app = blog();

        String link = app.testClient().request("GET", "/link").environ("SCRIPT_NAME", "/blog").send().text();

        assertEquals("/blog/7/update?next=a+b", link);
    }

    @Test
    void appUrlForInsideOneOfItsRequestsUsesTheRequest() {
        App app = new App();
        app.get("/here", request -> request.app().urlFor("here", Map.of()));

        assertEquals("/mount/here", app.testClient().request("GET", "/here").environ("SCRIPT_NAME", "/mount").send()
                .text());
    }

    @Test
    void externalUrlsUseTheProxyFixedHostAndScheme() {
        App app = new App();
        app.get("/feed", request -> request.externalUrlFor("feed", Map.of("page", 2)));
        Application site = ProxyFix.builder().xProto(1).xHost(1).build().wrap(app);

        String url = TestClient.of(site).request("GET", "/feed").header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "news.example.org").send().text();

        assertEquals("https://news.example.org/feed?page=2", url);
    }

    @Test
    void testRequestContextRunsCodeWithARequestAndTheCurrentContext() {
        App app = blog();
        List<String> seen = new ArrayList<>();

        app.testRequestContext("/1/update?x=1", Map.of("SCRIPT_NAME", "/app"), context -> {
            seen.add(context.request().urlFor("index", Map.of()));
            seen.add(RequestContext.current().request().path());
            seen.add(context.endpoint().orElse("(not matched)"));
        });

        assertEquals(List.of("/app/", "/1/update", "blog.update"), seen);
    }

    @Test
    void aMissingValueNamesIt() {
        UrlBuildException error = assertThrows(UrlBuildException.class,
                () -> blog().urlFor("blog.update", Map.of()));
        assertEquals("blog.update", error.endpoint());
    }
}
