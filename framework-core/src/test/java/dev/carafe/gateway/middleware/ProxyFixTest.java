package dev.carafe.gateway.middleware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.carafe.gateway.Application;
import dev.carafe.gateway.Environ;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How ProxyFix applies the headers of a trusted proxy: hop counts, each header, Forwarded. */
class ProxyFixTest {

    /** Runs the environ through the middleware and returns the environ the application saw. */
    private static Map<String, Object> seen(ProxyFix fix, String... headers) throws Exception {
        return seen(fix, Exchange.environ("GET", "/path", headers));
    }

    private static Map<String, Object> seen(ProxyFix fix, Map<String, Object> environ) throws Exception {
        Map<String, Object> captured = new HashMap<>();
        Application app = (env, startResponse) -> {
            captured.putAll(env);
            startResponse.start("204 No Content", List.of());
            return List.of();
        };
        Exchange.run(fix.wrap(app), environ);
        return captured;
    }

    /**
     * The trust counts' defaults, with the proxy these tests send from, 10.0.0.1 ({@link Exchange}'s
     * {@code REMOTE_ADDR}), named as trusted: by default only loopback peers are ({@link ProxyFixTrustTest}).
     */
    private static ProxyFix.Builder behindProxy() {
        return ProxyFix.builder().trustedProxies("10.0.0.1");
    }

    private static final ProxyFix DEFAULTS = behindProxy().build();

    @Test
    void defaultsTrustOneHopOfForAndProtoOnly() throws Exception {
        Map<String, Object> environ = seen(DEFAULTS, "X-Forwarded-For", "203.0.113.9",
                "X-Forwarded-Proto", "https", "X-Forwarded-Host", "evil.example", "X-Forwarded-Port", "9999",
                "X-Forwarded-Prefix", "/evil", "Host", "app.internal");
        assertEquals("203.0.113.9", environ.get(Environ.REMOTE_ADDR));
        assertEquals("https", environ.get(Environ.GATEWAY_URL_SCHEME));
        assertEquals("on", environ.get(Environ.HTTPS));
        assertEquals("app.internal", environ.get("HTTP_HOST"));
        assertEquals("localhost", environ.get(Environ.SERVER_NAME));
        assertEquals("80", environ.get(Environ.SERVER_PORT));
        assertEquals("", environ.get(Environ.SCRIPT_NAME));
    }

    @Test
    void oneTrustedHopTakesTheRightmostValueAndIgnoresSpoofedOnes() throws Exception {
        Map<String, Object> environ = seen(DEFAULTS, "X-Forwarded-For", "6.6.6.6, 203.0.113.9",
                "X-Forwarded-Proto", "http, https");
        assertEquals("203.0.113.9", environ.get(Environ.REMOTE_ADDR));
        assertEquals("https", environ.get(Environ.GATEWAY_URL_SCHEME));
    }

    @Test
    void twoTrustedHopsTakeTheSecondValueFromTheRight() throws Exception {
        ProxyFix fix = behindProxy().xFor(2).xProto(2).build();
        Map<String, Object> environ = seen(fix, "X-Forwarded-For", "6.6.6.6, 203.0.113.9, 10.0.0.2",
                "X-Forwarded-Proto", "https,http");
        assertEquals("203.0.113.9", environ.get(Environ.REMOTE_ADDR), "6.6.6.6 was sent by the client itself");
        assertEquals("https", environ.get(Environ.GATEWAY_URL_SCHEME));
    }

    @Test
    void headerWithFewerValuesThanTrustedHopsIsIgnored() throws Exception {
        ProxyFix fix = behindProxy().xFor(2).build();
        Map<String, Object> environ = seen(fix, "X-Forwarded-For", "203.0.113.9");
        assertEquals("10.0.0.1", environ.get(Environ.REMOTE_ADDR));
    }

    @Test
    void forwardedHostSetsHostServerNameAndPort() throws Exception {
        ProxyFix fix = behindProxy().xHost(1).build();
        Map<String, Object> environ = seen(fix, "X-Forwarded-Host", "example.com:8443", "X-Forwarded-Proto", "https");
        assertEquals("example.com:8443", environ.get("HTTP_HOST"));
        assertEquals("example.com", environ.get(Environ.SERVER_NAME));
        assertEquals("8443", environ.get(Environ.SERVER_PORT));
        assertEquals("https://example.com:8443/path", Environ.requestUrl(environ));
    }

    @Test
    void forwardedHostWithoutPortTakesTheSchemesDefaultPort() throws Exception {
        ProxyFix fix = behindProxy().xHost(1).build();
        Map<String, Object> environ = seen(fix, "X-Forwarded-Host", "[2001:db8::1]", "X-Forwarded-Proto", "https");
        assertEquals("[2001:db8::1]", environ.get("HTTP_HOST"));
        assertEquals("[2001:db8::1]", environ.get(Environ.SERVER_NAME));
        assertEquals("443", environ.get(Environ.SERVER_PORT));
    }

    @Test
    void forwardedPortReplacesThePortOfHostAndServerPort() throws Exception {
        ProxyFix fix = behindProxy().xHost(1).xPort(1).build();
        Map<String, Object> environ = seen(fix, "X-Forwarded-Host", "example.com:8000", "X-Forwarded-Port", "8443");
        assertEquals("example.com:8443", environ.get("HTTP_HOST"));
        assertEquals("8443", environ.get(Environ.SERVER_PORT));
        Map<String, Object> portOnly = seen(behindProxy().xPort(1).build(),
                "Host", "example.com", "X-Forwarded-Port", "8080");
        assertEquals("example.com:8080", portOnly.get("HTTP_HOST"));
    }

    @Test
    void forwardedPrefixIsDecodedAndPutInFrontOfScriptName() throws Exception {
        ProxyFix fix = behindProxy().xPrefix(1).build();
        Map<String, Object> environ = seen(fix, "X-Forwarded-Prefix", "/my%20app/");
        assertEquals("/my app", environ.get(Environ.SCRIPT_NAME));
        assertEquals("/path", environ.get(Environ.PATH_INFO));
    }

    @Test
    void badValuesAreIgnoredNeverFatal() throws Exception {
        ProxyFix fix = behindProxy().xHost(1).xPort(1).xPrefix(1).build();
        Map<String, Object> environ = seen(fix, "X-Forwarded-For", "<script>", "X-Forwarded-Proto", "gopher",
                "X-Forwarded-Host", "bad host/x", "X-Forwarded-Port", "eighty", "X-Forwarded-Prefix", "relative",
                "Host", "app.internal");
        assertEquals("10.0.0.1", environ.get(Environ.REMOTE_ADDR));
        assertEquals("http", environ.get(Environ.GATEWAY_URL_SCHEME));
        assertEquals("app.internal", environ.get("HTTP_HOST"));
        assertEquals("80", environ.get(Environ.SERVER_PORT));
        assertEquals("", environ.get(Environ.SCRIPT_NAME));
        assertEquals("80", seen(fix, "X-Forwarded-Port", "70000").get(Environ.SERVER_PORT));
        assertEquals("localhost", seen(fix, "X-Forwarded-Host", "example.com:http").get(Environ.SERVER_NAME));
        assertEquals("", seen(fix, "X-Forwarded-Prefix", "/a/../b").get(Environ.SCRIPT_NAME));
    }

    @Test
    void protoHttpRemovesHttps() throws Exception {
        Map<String, Object> environ = Exchange.environ("GET", "/", "X-Forwarded-Proto", "HTTP");
        environ.put(Environ.HTTPS, "on");
        environ.put(Environ.GATEWAY_URL_SCHEME, "https");
        Map<String, Object> captured = seen(DEFAULTS, environ);
        assertEquals("http", captured.get(Environ.GATEWAY_URL_SCHEME));
        assertFalse(captured.containsKey(Environ.HTTPS));
    }

    @Test
    void originalValuesAreKeptUnderTheOriginalKey() throws Exception {
        Map<String, Object> environ = seen(DEFAULTS, "X-Forwarded-For", "203.0.113.9", "Host", "app.internal");
        assertEquals(Map.of(Environ.REMOTE_ADDR, "10.0.0.1", Environ.GATEWAY_URL_SCHEME, "http",
                "HTTP_HOST", "app.internal", Environ.SERVER_NAME, "localhost", Environ.SERVER_PORT, "80",
                Environ.SCRIPT_NAME, ""), environ.get(ProxyFix.ORIGINAL));
    }

    @Test
    void forwardedHeaderIsReadWhenTrusted() throws Exception {
        ProxyFix fix = behindProxy().forwarded(1).build();
        Map<String, Object> environ = seen(fix, "Forwarded",
                "for=6.6.6.6;proto=http, for=\"[2001:db8:cafe::17]:4711\";proto=https;host=\"example.com:8443\"",
                "X-Forwarded-For", "7.7.7.7");
        assertEquals("2001:db8:cafe::17", environ.get(Environ.REMOTE_ADDR), "X-Forwarded-* is ignored");
        assertEquals("https", environ.get(Environ.GATEWAY_URL_SCHEME));
        assertEquals("example.com:8443", environ.get("HTTP_HOST"));
        assertEquals("8443", environ.get(Environ.SERVER_PORT));
    }

    @Test
    void forwardedHeaderWithTwoHopsTakesTheSecondElementFromTheRight() throws Exception {
        ProxyFix fix = behindProxy().forwarded(2).build();
        Map<String, Object> environ = seen(fix, "Forwarded",
                "for=6.6.6.6, For=\"192.0.2.60:8080\";Proto=HTTPS;by=203.0.113.43, for=10.0.0.2");
        assertEquals("192.0.2.60", environ.get(Environ.REMOTE_ADDR));
        assertEquals("https", environ.get(Environ.GATEWAY_URL_SCHEME));
        assertEquals("10.0.0.1", seen(fix, "Forwarded", "for=192.0.2.60").get(Environ.REMOTE_ADDR));
    }

    @Test
    void obfuscatedAndUnknownForwardedNodesLeaveTheAddressAlone() throws Exception {
        ProxyFix fix = behindProxy().forwarded(1).build();
        assertEquals("10.0.0.1", seen(fix, "Forwarded", "for=_hidden;proto=https").get(Environ.REMOTE_ADDR));
        assertEquals("https", seen(fix, "Forwarded", "for=_hidden;proto=https").get(Environ.GATEWAY_URL_SCHEME));
        assertEquals("10.0.0.1", seen(fix, "Forwarded", "for=unknown").get(Environ.REMOTE_ADDR));
    }

    @Test
    void malformedForwardedHeaderIsIgnored() throws Exception {
        ProxyFix fix = behindProxy().forwarded(1).build();
        for (String bad : List.of("for=\"1.2.3.4", "for=1.2.3.4;for=5.6.7.8", "for", "=x", "for=a b", "for=\"a\\",
                "for=1.2.3.4:80")) {
            assertEquals("10.0.0.1", seen(fix, "Forwarded", bad).get(Environ.REMOTE_ADDR), bad);
        }
    }

    @Test
    void forwardedParserHandlesQuotedCommasEscapesAndEmptyElements() {
        assertEquals(List.of(Map.of("for", "a,b\"c"), Map.of(), Map.of("host", "x", "proto", "http")),
                Forwarded.parse("for=\"a,b\\\"c\" ,, host=x ; proto=http").orElseThrow());
    }

    @Test
    void theWrappedBodyIsReturnedAsItIs() throws Exception {
        CountingBody body = CountingBody.of("x");
        Application app = (environ, startResponse) -> {
            startResponse.start("200 OK", List.of());
            return body;
        };
        assertSame(body, DEFAULTS.wrap(app).call(Exchange.environ("GET", "/"), (s, h, e) -> chunk -> { }));
    }

    @Test
    void negativeTrustCountIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ProxyFix.builder().xFor(-1));
        assertEquals("The trust count for X-Forwarded-For must be 0 (ignore the header) or the number of proxies"
                + " that set it, got -1.", e.getMessage());
    }
}
