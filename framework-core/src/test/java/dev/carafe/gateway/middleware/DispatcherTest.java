package dev.carafe.gateway.middleware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.carafe.gateway.Application;
import dev.carafe.gateway.Environ;
import dev.carafe.gateway.Header;
import dev.carafe.gateway.Middleware;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DispatcherTest {

    /** Answers "name SCRIPT_NAME|PATH_INFO". */
    private static Application echo(String name) {
        return (environ, startResponse) -> {
            startResponse.start("200 OK", List.of(new Header("Content-Type", "text/plain")));
            String text = name + " " + environ.get(Environ.SCRIPT_NAME) + "|" + environ.get(Environ.PATH_INFO);
            return List.of(text.getBytes(StandardCharsets.ISO_8859_1));
        };
    }

    private final Dispatcher site = Dispatcher.builder()
            .mount("/api", echo("api"))
            .mount("/admin/tools", echo("tools"))
            .mount("/admin", echo("admin"))
            .build(echo("default"));

    private String get(Application app, String target) throws Exception {
        return Exchange.run(app, "GET", target).text();
    }

    @Test
    void prefixMovesFromPathInfoToScriptName() throws Exception {
        assertEquals("api /api|/users/7", get(site, "/api/users/7"));
    }

    @Test
    void pathEqualToThePrefixLeavesAnEmptyPathInfo() throws Exception {
        assertEquals("api /api|", get(site, "/api"));
        assertEquals("api /api|/", get(site, "/api/"));
    }

    @Test
    void prefixesMatchOnlyOnSegmentBoundaries() throws Exception {
        assertEquals("default |/apix", get(site, "/apix"));
        assertEquals("default |/administrator", get(site, "/administrator"));
    }

    @Test
    void longestPrefixWinsWhateverTheMountOrder() throws Exception {
        assertEquals("tools /admin/tools|/x", get(site, "/admin/tools/x"));
        assertEquals("admin /admin|/toolsx", get(site, "/admin/toolsx"));
    }

    @Test
    void everythingElseGoesToTheDefaultUnchanged() throws Exception {
        assertEquals("default |/", get(site, "/"));
        assertEquals("default |/about", get(site, "/about"));
    }

    @Test
    void prefixIsAppendedToAnExistingScriptName() throws Exception {
        Map<String, Object> environ = Exchange.environ("GET", "/api/v1");
        environ.put(Environ.SCRIPT_NAME, "/site");
        assertEquals("api /site/api|/v1", Exchange.run(site, environ).text());
    }

    @Test
    void nestedDispatchersRewriteStepByStep() throws Exception {
        Dispatcher inner = Dispatcher.builder().mount("/v2", echo("v2")).build(echo("inner"));
        Dispatcher outer = Dispatcher.builder().mount("/api", inner).build(echo("outer"));
        assertEquals("v2 /api/v2|/items", get(outer, "/api/v2/items"));
        assertEquals("inner /api|/v3", get(outer, "/api/v3"));
        assertEquals("v2 /api/v2|", get(outer, "/api/v2"));
    }

    @Test
    void prefixesMatchTheDecodedUtf8Path() throws Exception {
        Dispatcher app = Dispatcher.builder().mount("/café", echo("cafe")).build(echo("default"));
        Map<String, Object> environ = Exchange.environ("GET", "/caf%C3%A9/menu");
        Exchange.run(app, environ);
        assertEquals("/caf\u00c3\u00a9", environ.get(Environ.SCRIPT_NAME), "UTF-8 bytes, one char per byte");
        assertEquals("/menu", environ.get(Environ.PATH_INFO));
    }

    @Test
    void builderBuildIsAMiddlewareForChain() throws Exception {
        Application app = Middleware.chain(echo("main"), Dispatcher.builder().mount("/api", echo("api"))::build);
        assertEquals("api /api|/x", get(app, "/api/x"));
        assertEquals("main |/x", get(app, "/x"));
    }

    @Test
    void theMountedBodyIsReturnedAsItIsSoCloseIsForwardedOnce() throws Exception {
        CountingBody body = CountingBody.of("a", "b");
        Application api = (environ, startResponse) -> {
            startResponse.start("200 OK", List.of());
            return body;
        };
        Dispatcher app = Dispatcher.builder().mount("/api", api).build(echo("default"));
        Iterable<byte[]> returned = app.call(Exchange.environ("GET", "/api"), (s, h, e) -> chunk -> { });
        assertSame(body, returned);
        Exchange.run(app, "GET", "/api/x");
        assertEquals(1, body.closes.get());
    }

    @Test
    void prefixWithoutLeadingSlashIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Dispatcher.builder().mount("api", echo("api")));
        assertEquals("Mount prefix 'api' must start with '/', for example '/api'.", e.getMessage());
    }

    @Test
    void prefixWithTrailingSlashIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Dispatcher.builder().mount("/api/", echo("api")));
        assertEquals("Mount prefix '/api/' must not end with '/'; use '/api'.", e.getMessage());
    }

    @Test
    void rootPrefixIsRejectedInFavourOfTheDefault() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Dispatcher.builder().mount("/", echo("root")));
        assertEquals("Mount prefix '/' would catch every path; pass that application to build(...) as the"
                + " default instead.", e.getMessage());
    }

    @Test
    void duplicatePrefixIsRejected() {
        Dispatcher.Builder builder = Dispatcher.builder().mount("/api", echo("a"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> builder.mount("/api", echo("b")));
        assertEquals("Mount prefix '/api' is already mounted; each prefix can be mounted once. Remove one of the"
                + " two mount(\"/api\", ...) calls.", e.getMessage());
    }

    @Test
    void emptyAndDotSegmentsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Dispatcher.builder().mount("/a//b", echo("a")));
        assertEquals("Mount prefix '/a//b' has an empty, '.' or '..' segment; write the path in its normal form,"
                + " for example '/static/css'.", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Dispatcher.builder().mount("/a/../b", echo("a")));
    }

    @Test
    void queryCharactersAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Dispatcher.builder().mount("/a?b", echo("a")));
        assertEquals("Mount prefix '/a?b' contains the character U+003F at index 2; a prefix is a plain path"
                + " without query, fragment, backslash or control characters.", e.getMessage());
    }
}
