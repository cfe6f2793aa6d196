package dev.carafe.gateway.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carafe.gateway.Application;
import dev.carafe.gateway.Environ;
import dev.carafe.gateway.Header;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Content-Length and chunked request bodies, streamed into gateway.input. */
class RequestBodyTest {

    private final ServerTestSupport support = new ServerTestSupport();
    private final Map<String, Object> seen = new ConcurrentHashMap<>();

    /** Reads the body in small reads and answers with it. */
    private final Application echo = (environ, startResponse) -> {
        seen.putAll(environ);
        InputStream input = (InputStream) environ.get(Environ.GATEWAY_INPUT);
        StringBuilder reads = new StringBuilder();
        byte[] buffer = new byte[3];
        int count;
        while ((count = input.read(buffer)) >= 0) {
            reads.append('[').append(new String(buffer, 0, count, StandardCharsets.ISO_8859_1)).append(']');
        }
        startResponse.start("200 OK", List.of(new Header("Content-Type", "text/plain")));
        return List.of(reads.toString().getBytes(StandardCharsets.ISO_8859_1));
    };

    @AfterEach
    void stopServers() {
        support.close();
    }

    private String exchange(String request) throws IOException {
        GatewayServer server = support.start(echo);
        try (RawClient client = new RawClient(server.port())) {
            return client.send(request).readAll();
        }
    }

    @Test
    void contentLengthBodyEndsAtItsLength() throws IOException {
        String response = exchange("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nConnection: close\r\n\r\n"
                + "hello");
        assertTrue(response.endsWith("[hel][lo]"), response);
        assertEquals("5", seen.get(Environ.CONTENT_LENGTH));
        assertEquals(Boolean.TRUE, seen.get(Environ.GATEWAY_INPUT_TERMINATED));
    }

    @Test
    void chunkedBodyIsDecodedWithoutContentLength() throws IOException {
        String response = exchange("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n"
                + "\r\n4;name=value;q=\"a b\"\r\nWiki\r\n5\r\npedia\r\nE\r\n in\r\n\r\nchunks.\r\n0\r\n"
                + "X-Checksum: 1\r\n\r\n");
        assertTrue(response.endsWith("[Wik][i][ped][ia][ in][\r\n\r][\nch][unk][s.]"), response);
        assertFalse(seen.containsKey(Environ.CONTENT_LENGTH));
        assertFalse(seen.containsKey("HTTP_TRANSFER_ENCODING"));
        assertFalse(seen.containsKey("HTTP_X_CHECKSUM"));
    }

    @Test
    void chunkedBodyIsStreamedAsItArrives() throws Exception {
        GatewayServer server = support.start((environ, startResponse) -> {
            InputStream input = (InputStream) environ.get(Environ.GATEWAY_INPUT);
            byte[] first = input.readNBytes(3);
            startResponse.start("200 OK", List.of());
            return () -> java.util.stream.Stream.<java.util.function.Supplier<byte[]>>of(() -> first,
                    () -> readRest(input)).map(java.util.function.Supplier::get).iterator();
        });
        try (RawClient client = new RawClient(server.port())) {
            client.send("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n");
            String head = client.readUntil("\r\n\r\n");
            assertTrue(head.contains("Transfer-Encoding: chunked"), head);
            assertEquals("3\r\nabc\r\n", client.readUntil("abc\r\n"));
            client.send("2\r\nde\r\n0\r\n\r\n");
            assertEquals("2\r\nde\r\n0\r\n\r\n", client.readUntil("0\r\n\r\n"));
        }
    }

    private static byte[] readRest(InputStream input) {
        try {
            return input.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void badChunkSizesAreRefused() throws IOException {
        for (String size : List.of("0x5", "+5", "-5", " 5", "5_0", "", "g", "5 x", "5 ", "5\t")) {
            String response = exchange("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + size + "\r\nhello\r\n0\r\n\r\n");
            assertTrue(response.startsWith("HTTP/1.1 400 Bad Request"), size + " -> " + response);
            assertTrue(response.contains("\r\nConnection: close\r\n"), response);
        }
    }

    @Test
    void chunkDataNotFollowedByCrlfIsRefused() throws IOException {
        String response = exchange("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "3\r\nabcX\r\n0\r\n\r\n");
        assertTrue(response.startsWith("HTTP/1.1 400 Bad Request"), response);
        assertTrue(response.contains("Chunk data must be followed by CRLF."), response);
    }

    @Test
    void chunkSizeLineEndingInBareLineFeedIsRefused() throws IOException {
        String response = exchange("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\nabc\r\n0\r\n\r\n");
        assertTrue(response.contains("A chunk size line ends with a bare LF"), response);
    }

    @Test
    void malformedChunkExtensionIsRefused() throws IOException {
        String response = exchange("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "3;=x\r\nabc\r\n0\r\n\r\n");
        assertTrue(response.contains("A chunk extension has no name."), response);
    }

    @Test
    void forbiddenTrailerIsRefused() throws IOException {
        String response = exchange("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "3\r\nabc\r\n0\r\nContent-Length: 9\r\n\r\n");
        assertTrue(response.startsWith("HTTP/1.1 400 Bad Request"), response);
        assertTrue(response.contains("The trailer field Content-Length is not allowed in a trailer."), response);
    }

    @Test
    void hugeChunkSizeIsRefusedWithoutOverflow() throws IOException {
        String response = exchange("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "fffffffffffffffffffff\r\nabc\r\n0\r\n\r\n");
        assertTrue(response.startsWith("HTTP/1.1 413 Content Too Large"), response);
    }

    @Test
    void clientClosingInTheMiddleOfTheBodyGetsNoAnswerAndIsNotAnApplicationError() throws IOException {
        GatewayServer server = support.start(echo);
        try (RawClient client = new RawClient(server.port())) {
            client.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc");
            client.socket().shutdownOutput();
            assertEquals("", client.readAll());
        }
        try (RawClient client = new RawClient(server.port())) {
            String response = client.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n"
                    + "Connection: close\r\n\r\nok").readAll();
            assertTrue(response.endsWith("[ok]"), response);
        }
    }

    @Test
    void requestWithoutLengthHasAnEmptyBody() throws IOException {
        String response = exchange("POST / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertTrue(response.startsWith("HTTP/1.1 200 OK"), response);
        assertTrue(response.endsWith("\r\n\r\n"), response);
        assertFalse(seen.containsKey(Environ.CONTENT_LENGTH));
    }

    @Test
    void unreadChunkedBodyIsDrainedBeforeTheNextRequest() throws IOException {
        GatewayServer server = support.start(ServerTestSupport.text("ok"));
        try (RawClient client = new RawClient(server.port())) {
            client.send("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "5\r\nhello\r\n0\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            String all = client.readAll();
            assertEquals(2, all.split("HTTP/1.1 200 OK", -1).length - 1, all);
        }
    }

    @Test
    void unreadBodyLargerThanTheDrainLimitClosesTheConnection() throws IOException {
        GatewayServer server = support.start(ServerTestSupport.text("ok"));
        long length = Exchange.DRAIN_LIMIT * 2;
        try (RawClient client = new RawClient(server.port())) {
            client.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: " + length + "\r\n\r\n");
            client.send("x".repeat((int) length));
            String response = client.readResponse();
            assertTrue(response.startsWith("HTTP/1.1 200 OK"), response);
            assertTrue(client.closedByServer());
        }
    }
}
