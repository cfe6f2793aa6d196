package dev.carafe.gateway.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carafe.gateway.Application;
import dev.carafe.gateway.BodyWriter;
import dev.carafe.gateway.Header;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How the server frames what the application returns. */
class ResponseFramingTest {

    private final ServerTestSupport support = new ServerTestSupport();

    @AfterEach
    void stopServers() {
        support.close();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A body the server cannot measure in advance. */
    private static Iterable<byte[]> stream(String... chunks) {
        return () -> java.util.Arrays.stream(chunks).map(ResponseFramingTest::bytes).iterator();
    }

    private static Application app(String status, List<Header> headers, Iterable<byte[]> body) {
        return (environ, startResponse) -> {
            startResponse.start(status, new ArrayList<>(headers));
            return body;
        };
    }

    private String exchange(Application app, String request) throws IOException {
        GatewayServer server = support.start(app);
        try (RawClient client = new RawClient(server.port())) {
            return client.send(request).readAll();
        }
    }

    private static final String GET = "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";

    @Test
    void headResponseKeepsHeadersButSendsNoBody() throws IOException {
        String response = exchange(app("200 OK", List.of(), List.of(bytes("hello"))),
                "HEAD / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertTrue(response.contains("\r\nContent-Length: 5\r\n"), response);
        assertTrue(response.endsWith("\r\n\r\n"), response);
    }

    @Test
    void headOfAStreamedBodyIsNotChunked() throws IOException {
        GatewayServer server = support.start(app("200 OK", List.of(), stream("a", "b")));
        try (RawClient client = new RawClient(server.port())) {
            String response = client.send("HEAD / HTTP/1.1\r\nHost: x\r\n\r\n").readResponse(true);
            assertFalse(response.contains("Transfer-Encoding"), response);
            String next = client.send(GET).readAll();
            assertTrue(next.startsWith("HTTP/1.1 200 OK"), "the connection survives a HEAD: " + next);
        }
    }

    @Test
    void anInformationalStatusFromTheApplicationIsAServerErrorNotAnInterimResponse() throws IOException {
        GatewayServer server = support.start(app("100 Continue", List.of(), List.of(bytes("x"))));
        for (String version : List.of("HTTP/1.1", "HTTP/1.0")) {
            try (RawClient client = new RawClient(server.port())) {
                String response = client.send("GET / " + version + "\r\nHost: x\r\nConnection: close\r\n\r\n")
                        .readAll();
                assertTrue(response.startsWith("HTTP/1.1 500 "), version + ": " + response);
                assertFalse(response.contains("100 Continue"), version + ": " + response);
            }
        }
    }

    @Test
    void aStatusFrom600UpFromTheApplicationIsAServerError() throws IOException {
        String response = exchange(app("600 Custom", List.of(new Header("Content-Type", "text/plain")),
                List.of(bytes("x"))), GET);
        assertTrue(response.startsWith("HTTP/1.1 500 "), response);
        assertFalse(response.contains("600"), response);
    }

    @Test
    void noContentDropsBodyAndContentLength() throws IOException {
        String response = exchange(app("204 No Content", List.of(new Header("Content-Length", "5")),
                List.of(bytes("hello"))), GET);
        assertFalse(response.contains("Content-Length"), response);
        assertFalse(response.contains("Transfer-Encoding"), response);
        assertTrue(response.endsWith("\r\n\r\n"), response);
    }

    @Test
    void notModifiedKeepsTheApplicationsContentLengthButSendsNoBody() throws IOException {
        String response = exchange(app("304 Not Modified", List.of(new Header("Content-Length", "5")),
                stream("hello")), GET);
        assertTrue(response.contains("\r\nContent-Length: 5\r\n"), response);
        assertFalse(response.contains("Transfer-Encoding"), response);
        assertTrue(response.endsWith("\r\n\r\n"), response);
    }

    @Test
    void tooLongBodyIsTruncatedToContentLengthAndTheConnectionClosed() throws IOException {
        GatewayServer server = support.start(app("200 OK", List.of(new Header("Content-Length", "3")),
                stream("ab", "cdef", "gh")));
        try (RawClient client = new RawClient(server.port())) {
            String response = client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").readAll();
            assertTrue(response.endsWith("\r\n\r\nabc"), response);
        }
    }

    @Test
    void tooShortBodyClosesTheConnection() throws IOException {
        GatewayServer server = support.start(app("200 OK", List.of(new Header("Content-Length", "10")),
                stream("abc")));
        try (RawClient client = new RawClient(server.port())) {
            String response = client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").readAll();
            assertTrue(response.endsWith("\r\n\r\nabc"), response);
        }
    }

    @Test
    void contentLengthIsComputedForABodyHeldInMemory() throws IOException {
        String response = exchange(app("200 OK", List.of(), List.of(bytes("ab"), bytes("cde"))), GET);
        assertTrue(response.contains("\r\nContent-Length: 5\r\n"), response);
        assertTrue(response.endsWith("\r\n\r\nabcde"), response);
    }

    @Test
    void emptyBodyGetsContentLengthZero() throws IOException {
        String response = exchange(app("200 OK", List.of(), stream()), GET);
        assertTrue(response.contains("\r\nContent-Length: 0\r\n"), response);
    }

    @Test
    void dateAndServerAreAddedUnlessTheApplicationGaveThem() throws IOException {
        String response = exchange(app("200 OK", List.of(new Header("Server", "Mine")), List.of()), GET);
        assertTrue(response.contains("\r\nServer: Mine\r\n"), response);
        assertFalse(response.contains("Server: Carafe"), response);
        assertTrue(response.matches("(?s).*\r\nDate: [A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT"
                + "\r\n.*"), response);
    }

    @Test
    void serverHeaderCanBeTurnedOff() throws IOException {
        GatewayServer server = support.start(app("200 OK", List.of(), List.of()),
                ServerTestSupport.settings().serverHeader(java.util.Optional.empty()).build());
        try (RawClient client = new RawClient(server.port())) {
            assertFalse(client.send(GET).readAll().contains("Server:"));
        }
    }

    @Test
    void writerOutputIsSentBeforeTheBodyChunks() throws IOException {
        Application app = (environ, startResponse) -> {
            BodyWriter write = startResponse.start("200 OK", List.of());
            write.write(bytes("first,"));
            return List.of(bytes("then"));
        };
        String response = exchange(app, GET);
        assertTrue(response.contains("\r\nTransfer-Encoding: chunked\r\n"), response);
        assertTrue(response.endsWith("\r\n\r\n6\r\nfirst,\r\n4\r\nthen\r\n0\r\n\r\n"), response);
    }

    @Test
    void headersWaitForTheFirstNonEmptyChunk() throws IOException {
        Application app = (environ, startResponse) -> {
            startResponse.start("200 OK", List.of());
            return () -> new Iterator<>() {
                private int step;

                @Override
                public boolean hasNext() {
                    return step < 2;
                }

                @Override
                public byte[] next() {
                    if (step++ == 0) {
                        return new byte[0];
                    }
                    try {
                        startResponse.start("404 Not Found", List.of(), new IllegalStateException("changed my mind"));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return bytes("gone");
                }
            };
        };
        String response = exchange(app, GET);
        assertTrue(response.startsWith("HTTP/1.1 404 Not Found\r\n"), response);
    }

    @Test
    void excInfoAfterTheHeadersWereSentIsRethrown() throws IOException {
        List<Throwable> rethrown = new ArrayList<>();
        Application app = (environ, startResponse) -> {
            BodyWriter write = startResponse.start("200 OK", List.of(new Header("Content-Length", "2")));
            write.write(bytes("ok"));
            IllegalStateException failure = new IllegalStateException("late");
            try {
                startResponse.start("500 Internal Server Error", List.of(), failure);
            } catch (IllegalStateException e) {
                rethrown.add(e);
            }
            return List.of();
        };
        String response = exchange(app, GET);
        assertTrue(response.startsWith("HTTP/1.1 200 OK\r\n"), response);
        assertEquals(1, rethrown.size());
        assertEquals("late", rethrown.get(0).getMessage());
    }

    @Test
    void statusWithoutReasonIsSentWithASpace() throws IOException {
        String response = exchange(app("299", List.of(), List.of()), GET);
        assertTrue(response.startsWith("HTTP/1.1 299 \r\n"), response);
    }
}
