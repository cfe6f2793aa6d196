package dev.carafe.gateway.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carafe.gateway.Environ;
import dev.carafe.gateway.Header;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every request-smuggling class of gateway.md §4.2 is refused, and the application never runs. */
class SmugglingTest {

    private final ServerTestSupport support = new ServerTestSupport();
    private final AtomicInteger calls = new AtomicInteger();

    @AfterEach
    void stopServers() {
        support.close();
    }

    private String send(String request) throws IOException {
        return send(request, ServerTestSupport.settings().build());
    }

    private String send(String request, ServerSettings settings) throws IOException {
        GatewayServer server = support.start((environ, startResponse) -> {
            calls.incrementAndGet();
            byte[] body = ((InputStream) environ.get(Environ.GATEWAY_INPUT)).readAllBytes();
            startResponse.start("200 OK", List.of(new Header("Content-Type", "text/plain")));
            return List.of(("read " + body.length).getBytes(StandardCharsets.UTF_8));
        }, settings);
        try (RawClient client = new RawClient(server.port())) {
            return client.send(request).readAll();
        }
    }

    private void assertRefused(int status, String detail, String request) throws IOException {
        String response = send(request);
        assertTrue(response.startsWith("HTTP/1.1 " + status + " "), response);
        assertTrue(response.contains("\r\nConnection: close\r\n"), response);
        assertTrue(response.contains(detail), response);
        assertEquals(0, calls.get(), "the application must not run");
    }

    @Test
    void contentLengthWithTransferEncodingIsRefused() throws IOException {
        assertRefused(400, "A request must not have both Content-Length and Transfer-Encoding.",
                "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + "0\r\n\r\nGET /smuggled HTTP/1.1\r\nHost: x\r\n\r\n");
    }

    @Test
    void transferEncodingOnHttp10IsRefused() throws IOException {
        assertRefused(400, "Transfer-Encoding is not allowed in an HTTP/1.0 request.",
                "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n");
    }

    @Test
    void duplicateContentLengthIsRefusedEvenWhenEqual() throws IOException {
        assertRefused(400, "The request has 2 Content-Length fields; exactly one is allowed.",
                "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 3\r\n\r\nabc");
    }

    @Test
    void contentLengthWithSignOrListOrHexIsRefused() throws IOException {
        for (String value : List.of("+3", "-3", "3, 3", "0x3", "3 3", "")) {
            calls.set(0);
            assertRefused(400, "Content-Length", "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: " + value
                    + "\r\n\r\nabc");
        }
    }

    @Test
    void obsFoldIsRefused() throws IOException {
        assertRefused(400, "Obsolete line folding",
                "GET / HTTP/1.1\r\nHost: x\r\nX-Long: a\r\n b\r\n\r\n");
    }

    @Test
    void bareLineFeedIsRefused() throws IOException {
        assertRefused(400, "ends with a bare LF", "GET / HTTP/1.1\r\nHost: x\nX: y\r\n\r\n");
    }

    @Test
    void bareCarriageReturnIsRefused() throws IOException {
        assertRefused(400, "contains a bare CR", "GET / HTTP/1.1\r\nHost: x\r\nX: a\rb\r\n\r\n");
    }

    @Test
    void whitespaceBeforeColonIsRefused() throws IOException {
        assertRefused(400, "followed by whitespace before its colon",
                "POST / HTTP/1.1\r\nHost: x\r\nContent-Length : 3\r\n\r\nabc");
    }

    @Test
    void controlCharacterInValueIsRefused() throws IOException {
        assertRefused(400, "contains a control character (0x0)", "GET / HTTP/1.1\r\nHost: x\r\nX: a\0b\r\n\r\n");
        calls.set(0);
        assertRefused(400, "contains a control character (0xb)", "GET / HTTP/1.1\r\nHost: x\r\nX: \u000bb\r\n\r\n");
    }

    @Test
    void transferEncodingNotEndingInChunkedIsRefused() throws IOException {
        assertRefused(400, "Transfer-Encoding must end with chunked.",
                "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked, gzip\r\n\r\n");
    }

    @Test
    void obfuscatedTransferEncodingIsRefused() throws IOException {
        for (String value : List.of("xchunked", "chunked ;", ",chunked", "\u000bchunked", "chunked\u000c")) {
            calls.set(0);
            String response = send("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: " + value + "\r\n\r\n0\r\n\r\n");
            assertTrue(response.startsWith("HTTP/1.1 400 "), value + " -> " + response);
            assertEquals(0, calls.get());
        }
    }

    @Test
    void chunkedTwiceIsRefused() throws IOException {
        assertRefused(400, "Transfer-Encoding applies chunked more than once.",
                "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked, chunked\r\n\r\n0\r\n\r\n");
    }

    @Test
    void unknownTransferCodingIsNotImplemented() throws IOException {
        assertRefused(501, "The transfer coding gzip is not supported; only chunked is.",
                "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n");
    }

    @Test
    void underscoreHeaderNamesAreDroppedByDefault() throws IOException {
        String response = send("POST / HTTP/1.1\r\nHost: x\r\nTransfer_Encoding: chunked\r\nContent-Length: 3\r\n"
                + "Connection: close\r\n\r\nabc");
        assertTrue(response.startsWith("HTTP/1.1 200 OK"), response);
        assertTrue(response.endsWith("read 3"), response);
    }

    @Test
    void underscoreHeaderNamesAreRefusedWhenConfigured() throws IOException {
        String response = send("GET / HTTP/1.1\r\nHost: x\r\nX_Forwarded_For: 1.2.3.4\r\n\r\n",
                ServerTestSupport.settings().underscoreHeaders(ServerSettings.UnderscoreHeaders.REFUSE).build());
        assertTrue(response.startsWith("HTTP/1.1 400 Bad Request"), response);
        assertTrue(response.contains("Header field names with an underscore are refused (X_Forwarded_For)"), response);
        assertEquals(0, calls.get());
    }

    @Test
    void missingHostOnHttp11IsRefused() throws IOException {
        assertRefused(400, "An HTTP/1.1 request must have a Host field.", "GET / HTTP/1.1\r\n\r\n");
    }

    @Test
    void duplicateHostIsRefused() throws IOException {
        assertRefused(400, "The request has 2 Host fields; exactly one is allowed.",
                "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n");
    }

    @Test
    void invalidHostIsRefused() throws IOException {
        assertRefused(400, "The Host field is not a valid host and port: the host has a character",
                "GET / HTTP/1.1\r\nHost: a b/c\r\n\r\n");
        assertRefused(400, "The Host field is not a valid host and port: the port must be decimal digits",
                "GET / HTTP/1.1\r\nHost: x:abc\r\n\r\n");
    }

    @Test
    void anAbsoluteTargetWhoseAuthorityIsNotAHostAndPortIsRefusedLikeABadHost() throws IOException {
        assertRefused(400, "The authority of the absolute request target is not a valid host and port: an IP "
                + "literal opened with [ must be closed with ]", "GET http://[::1/ HTTP/1.1\r\nHost: x\r\n\r\n");
        assertRefused(400, "The authority of the absolute request target is not a valid host and port: the port",
                "GET http://x:99999999/ HTTP/1.1\r\nHost: x\r\n\r\n");
    }

    @Test
    void missingHostIsAcceptedWhenNotRequired() throws IOException {
        String response = send("GET / HTTP/1.1\r\nConnection: close\r\n\r\n",
                ServerTestSupport.settings().requireHost(false).build());
        assertTrue(response.startsWith("HTTP/1.1 200 OK"), response);
    }

    @Test
    void invalidMethodTokenIsRefused() throws IOException {
        assertRefused(400, "The method must be a token", "G(T / HTTP/1.1\r\nHost: x\r\n\r\n");
    }

    @Test
    void malformedRequestLinesAreRefused() throws IOException {
        for (String line : List.of("GET  / HTTP/1.1", "GET / HTTP/1.1 ", "GET /", "GET / http/1.1", "GET / HTTP/11",
                "GET a HTTP/1.1", "GET /a\u0001b HTTP/1.1", "GET /a\u007fb HTTP/1.1", "GET * HTTP/1.1")) {
            calls.set(0);
            String response = send(line + "\r\nHost: x\r\n\r\n");
            assertTrue(response.startsWith("HTTP/1.1 400 "), line + " -> " + response);
            assertEquals(0, calls.get());
        }
    }

    @Test
    void duplicateContentTypeIsRefused() throws IOException {
        assertRefused(400, "The request has 2 Content-Type fields; exactly one is allowed.",
                "POST / HTTP/1.1\r\nHost: x\r\nContent-Type: a/b\r\nContent-Type: c/d\r\n\r\n");
    }

    @Test
    void identityBeforeChunkedIsNotImplemented() throws IOException {
        assertRefused(501, "The transfer coding identity is not supported; only chunked is.",
                "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: identity, chunked\r\n\r\n0\r\n\r\n");
    }

    @Test
    void anyTokenMethodReachesTheApplication() throws IOException {
        String response = send("PURGE / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertTrue(response.startsWith("HTTP/1.1 200 OK"), response);
        assertEquals(1, calls.get());
    }

    @Test
    void unsupportedVersionIsAnswered505() throws IOException {
        assertRefused(505, "This server speaks HTTP/1.1 and HTTP/1.0 only.", "GET / HTTP/2.0\r\nHost: x\r\n\r\n");
    }

    @Test
    void connectIsNotImplemented() throws IOException {
        assertRefused(501, "CONNECT is not supported", "CONNECT example.com:443 HTTP/1.1\r\nHost: example.com\r\n\r\n");
    }

    @Test
    void unknownExpectationIsAnswered417() throws IOException {
        assertRefused(417, "The only expectation this server meets is 100-continue.",
                "GET / HTTP/1.1\r\nHost: x\r\nExpect: magic\r\n\r\n");
    }

    @Test
    void unreadBodyOfAGetIsDiscardedSoItCannotBecomeARequest() throws IOException {
        GatewayServer server = support.start((environ, startResponse) -> {
            calls.incrementAndGet();
            startResponse.start("200 OK", List.of());
            return List.of(((String) environ.get(Environ.PATH_INFO)).getBytes(StandardCharsets.ISO_8859_1));
        });
        String smuggled = "GET /smuggled HTTP/1.1\r\nHost: x\r\n\r\n";
        try (RawClient client = new RawClient(server.port())) {
            client.send("GET /first HTTP/1.1\r\nHost: x\r\nContent-Length: " + smuggled.length() + "\r\n\r\n"
                    + smuggled + "GET /second HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            String all = client.readAll();
            assertTrue(all.contains("/first"), all);
            assertTrue(all.contains("/second"), all);
            assertTrue(!all.contains("/smuggled"), all);
            assertEquals(2, calls.get());
        }
    }
}
