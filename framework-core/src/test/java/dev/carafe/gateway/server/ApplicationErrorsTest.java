package dev.carafe.gateway.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carafe.gateway.Application;
import dev.carafe.gateway.Header;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Broken applications get 500 or a closed connection; bodies are closed exactly once; the server goes on. */
class ApplicationErrorsTest {

    private final ServerTestSupport support = new ServerTestSupport();
    private final AtomicInteger closes = new AtomicInteger();
    private final CountDownLatch closed = new CountDownLatch(1);

    @AfterEach
    void stopServers() {
        support.close();
    }

    /** A body of {@code count} chunks that counts its closes and may fail at chunk {@code failAt}. */
    private final class CountingBody implements Iterable<byte[]>, AutoCloseable {
        private final int count;
        private final int failAt;
        private final int chunkSize;

        CountingBody(int count, int failAt, int chunkSize) {
            this.count = count;
            this.failAt = failAt;
            this.chunkSize = chunkSize;
        }

        @Override
        public Iterator<byte[]> iterator() {
            return new Iterator<>() {
                private int index;

                @Override
                public boolean hasNext() {
                    return index < count;
                }

                @Override
                public byte[] next() {
                    if (index++ == failAt) {
                        throw new IllegalStateException("body failed at chunk " + failAt);
                    }
                    return "x".repeat(chunkSize).getBytes(StandardCharsets.US_ASCII);
                }
            };
        }

        @Override
        public void close() {
            closes.incrementAndGet();
            closed.countDown();
        }
    }

    private String exchange(GatewayServer server, String request) throws IOException {
        try (RawClient client = new RawClient(server.port())) {
            return client.send(request).readAll();
        }
    }

    private static final String GET = "GET /boom HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";

    @Test
    void exceptionBeforeHeadersIsAnswered500AndTheServerGoesOn() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        GatewayServer server = support.start((environ, startResponse) -> {
            if (calls.getAndIncrement() == 0) {
                throw new IllegalStateException("application failed");
            }
            startResponse.start("200 OK", List.of());
            return List.of();
        });
        String response = exchange(server, GET);
        assertTrue(response.startsWith("HTTP/1.1 500 Internal Server Error\r\n"), response);
        assertTrue(response.contains("\r\nConnection: close\r\n"), response);
        assertTrue(exchange(server, GET).startsWith("HTTP/1.1 200 OK"));
    }

    @Test
    void failedHeadRequestIsAnswered500WithoutABody() throws IOException {
        GatewayServer server = support.start((environ, startResponse) -> {
            throw new IllegalStateException("application failed");
        });
        String response = exchange(server, "HEAD / HTTP/1.1\r\nHost: x\r\n\r\n");
        assertTrue(response.startsWith("HTTP/1.1 500 Internal Server Error\r\n"), response);
        assertTrue(response.endsWith("\r\nConnection: close\r\n\r\n"), response);
    }

    @Test
    void nullBodyIsAnswered500() throws IOException {
        GatewayServer server = support.start((environ, startResponse) -> {
            startResponse.start("200 OK", List.of());
            return null;
        });
        assertTrue(exchange(server, GET).startsWith("HTTP/1.1 500 "));
    }

    @Test
    void bodyWithoutStartIsAnswered500() throws IOException {
        GatewayServer server = support.start((environ, startResponse) -> List.of("x".getBytes(StandardCharsets.UTF_8)));
        assertTrue(exchange(server, GET).startsWith("HTTP/1.1 500 "));
    }

    @Test
    void hopByHopHeaderFromTheApplicationIsAnswered500() throws IOException {
        List<String> messages = new java.util.concurrent.CopyOnWriteArrayList<>();
        GatewayServer server = support.start(startingWith(new Header("Connection", "close"), messages));
        assertTrue(exchange(server, GET).startsWith("HTTP/1.1 500 "));
        assertEquals(List.of("Header 'Connection' is hop-by-hop and belongs to the server; an application must not"
                + " send Connection, Keep-Alive, Proxy-Authenticate, Proxy-Authorization, Proxy-Connection, TE,"
                + " Trailer, Transfer-Encoding or Upgrade. Remove it from the response headers."), messages);
    }

    @Test
    void headerWithLineBreakIsRejectedAtStart() throws IOException {
        List<String> messages = new java.util.concurrent.CopyOnWriteArrayList<>();
        GatewayServer server = support.start(startingWith(new Header("X-Evil", "a\r\nSet-Cookie: x=1"), messages));
        String response = exchange(server, GET);
        assertTrue(response.startsWith("HTTP/1.1 500 "), response);
        assertTrue(!response.contains("Set-Cookie"), response);
        assertEquals(List.of("Value of header 'X-Evil' contains U+000D at index 1; header values must be Latin-1"
                + " without CR, LF, NUL or other control characters (HTAB is allowed)."), messages);
    }

    @Test
    void secondStartWithoutExcInfoIsRejected() throws IOException {
        List<String> messages = new java.util.concurrent.CopyOnWriteArrayList<>();
        GatewayServer server = support.start((environ, startResponse) -> {
            startResponse.start("200 OK", List.of());
            try {
                startResponse.start("404 Not Found", List.of());
            } catch (IllegalStateException e) {
                messages.add(e.getMessage());
            }
            return List.of();
        });
        assertTrue(exchange(server, GET).startsWith("HTTP/1.1 200 OK"));
        assertEquals(List.of("start was already called for this response; a second call must pass the exception "
                + "being handled as excInfo, and only before the headers are sent."), messages);
    }

    @Test
    void bodyIsClosedOnceAfterCompletion() throws Exception {
        GatewayServer server = support.start(body(new CountingBody(3, -1, 4)));
        String response = exchange(server, GET);
        assertTrue(response.endsWith("\r\n\r\n4\r\nxxxx\r\n4\r\nxxxx\r\n4\r\nxxxx\r\n0\r\n\r\n"), response);
        assertTrue(closed.await(2, TimeUnit.SECONDS));
        assertEquals(1, closes.get());
    }

    @Test
    void failureBeforeHeadersIsAnswered500AndClosesTheBodyOnce() throws Exception {
        GatewayServer server = support.start(body(new CountingBody(3, 0, 4)));
        assertTrue(exchange(server, GET).startsWith("HTTP/1.1 500 "));
        assertTrue(closed.await(2, TimeUnit.SECONDS));
        assertEquals(1, closes.get());
    }

    @Test
    void failureAfterHeadersClosesTheConnectionAndTheBodyOnce() throws Exception {
        GatewayServer server = support.start(body(new CountingBody(3, 1, 4)));
        String response = exchange(server, "GET / HTTP/1.1\r\nHost: x\r\n\r\n");
        assertTrue(response.startsWith("HTTP/1.1 200 OK\r\n"), response);
        assertTrue(response.endsWith("\r\n4\r\nxxxx\r\n"), "no last chunk: " + response);
        assertTrue(closed.await(2, TimeUnit.SECONDS));
        assertEquals(1, closes.get());
        assertTrue(exchange(server, GET).startsWith("HTTP/1.1 "));
    }

    @Test
    void clientDisconnectMidResponseClosesTheBodyOnceAndTheServerGoesOn() throws Exception {
        CountingBody endless = new CountingBody(Integer.MAX_VALUE, -1, 64 * 1024);
        AtomicInteger calls = new AtomicInteger();
        GatewayServer server = support.start((environ, startResponse) -> {
            startResponse.start("200 OK", List.of());
            return calls.getAndIncrement() == 0 ? endless : List.of("fine".getBytes(StandardCharsets.UTF_8));
        });
        try (RawClient client = new RawClient(server.port())) {
            client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
            client.readUntil("\r\n\r\n");
        }
        assertTrue(closed.await(5, TimeUnit.SECONDS));
        assertEquals(1, closes.get());
        assertTrue(exchange(server, GET).endsWith("fine"));
    }

    /** An application that starts with one header and records why start refused it. */
    private static Application startingWith(Header header, List<String> messages) {
        return (environ, startResponse) -> {
            try {
                startResponse.start("200 OK", List.of(header));
            } catch (IllegalArgumentException e) {
                messages.add(e.getMessage());
                throw e;
            }
            return List.of();
        };
    }

    private static Application body(Iterable<byte[]> body) {
        return (environ, startResponse) -> {
            startResponse.start("200 OK", List.of());
            return body;
        };
    }
}
