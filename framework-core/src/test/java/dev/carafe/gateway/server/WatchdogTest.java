package dev.carafe.gateway.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carafe.gateway.Application;
import dev.carafe.gateway.Environ;
import dev.carafe.gateway.FileBody;
import dev.carafe.gateway.Header;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watchdog enforces the timeouts on untimed reads and writes: each fires on its own wait only
 * (never while the application runs), a body timeout is per read, and a client that stops reading
 * a response is disconnected after the write timeout.
 */
class WatchdogTest {

    private static final Duration SHORT = Duration.ofMillis(200);

    private final ServerTestSupport support = new ServerTestSupport();
    private final CountDownLatch bodyClosed = new CountDownLatch(1);

    @TempDir
    Path files;

    @AfterEach
    void stopServers() {
        support.close();
    }

    /** Answers 200 with the count of body bytes read. */
    private static final Application COUNT_BODY = (environ, startResponse) -> {
        byte[] body = ((InputStream) environ.get(Environ.GATEWAY_INPUT)).readAllBytes();
        startResponse.start("200 OK", List.of(new Header("Content-Type", "text/plain")));
        return List.of(("read " + body.length).getBytes(StandardCharsets.UTF_8));
    };

    @Test
    void noTimeoutFiresWhileTheApplicationRuns() throws IOException {
        GatewayServer server = support.start((environ, startResponse) -> {
            Thread.sleep(SHORT.multipliedBy(3).toMillis());
            return COUNT_BODY.call(environ, startResponse);
        }, ServerTestSupport.settings().headerTimeout(SHORT).keepAliveTimeout(SHORT).bodyTimeout(SHORT)
                .writeTimeout(SHORT).build());
        try (RawClient client = new RawClient(server.port())) {
            String response = client.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc").readResponse();
            assertTrue(response.startsWith("HTTP/1.1 200 OK\r\n") && response.endsWith("read 3"), response);
        }
    }

    @Test
    void bodyTimeoutLimitsEachReadNotTheWholeBody() throws Exception {
        GatewayServer server = support.start(COUNT_BODY, ServerTestSupport.settings()
                .bodyTimeout(Duration.ofMillis(500)).build());
        try (RawClient client = new RawClient(server.port())) {
            client.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\n");
            for (int i = 0; i < 5; i++) {
                Thread.sleep(150);
                client.send("x");
            }
            String response = client.readResponse();
            assertTrue(response.startsWith("HTTP/1.1 200 OK\r\n") && response.endsWith("read 5"), response);
        }
    }

    @Test
    void keepAliveConnectionServesARequestSentWithinTheTimeoutAndClosesAfterIt() throws Exception {
        GatewayServer server = support.start(COUNT_BODY, ServerTestSupport.settings()
                .keepAliveTimeout(Duration.ofMillis(400)).build());
        try (RawClient client = new RawClient(server.port())) {
            assertTrue(client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").readResponse().startsWith("HTTP/1.1 200 OK"));
            Thread.sleep(100);
            assertTrue(client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").readResponse().startsWith("HTTP/1.1 200 OK"));
            long idleSince = System.nanoTime();
            assertEquals("", client.readAll());
            // The server's idle time began a little before the client read the response: a margin.
            assertTrue(System.nanoTime() - idleSince >= TimeUnit.MILLISECONDS.toNanos(300),
                    "closed before the keep-alive timeout");
        }
    }

    @Test
    void headDeadlineCountsTheWholeHeadNotEachRead() throws Exception {
        GatewayServer server = support.start(COUNT_BODY, ServerTestSupport.settings()
                .headerTimeout(Duration.ofMillis(400)).build());
        try (RawClient client = new RawClient(server.port())) {
            client.send("GET / HTTP/1.1\r\n");
            Thread.sleep(100);
            client.send("Host: x\r\n");
            String response = client.readAll();
            assertTrue(response.startsWith("HTTP/1.1 408 Request Timeout\r\n"), response);
            assertTrue(response.endsWith("The request head did not arrive within 400 ms.\n"), response);
        }
    }

    @Test
    void slowHeadThatKeepsComingAfterTheDeadlineStillGets408() throws Exception {
        GatewayServer server = support.start(COUNT_BODY, ServerTestSupport.settings().headerTimeout(SHORT).build());
        try (RawClient client = new RawClient(server.port())) {
            client.send("GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ");
            Thread trickle = new Thread(() -> {
                try {
                    while (true) {
                        client.send("a");
                        Thread.sleep(5);
                    }
                } catch (IOException | InterruptedException e) {
                    // the server closed the connection: done
                }
            });
            trickle.start();
            String response = client.readAll();
            trickle.interrupt();
            trickle.join();
            assertTrue(response.startsWith("HTTP/1.1 408 Request Timeout\r\n"), response);
            assertTrue(response.endsWith("The request head did not arrive within 200 ms.\n"), response);
        }
    }

    @Test
    void clientThatStopsReadingIsDisconnectedAfterTheWriteTimeout() throws Exception {
        GatewayServer server = support.start((environ, startResponse) -> {
            if (!environ.get(Environ.PATH_INFO).equals("/stall")) {
                return COUNT_BODY.call(environ, startResponse);
            }
            startResponse.start("200 OK", List.of(new Header("Content-Type", "application/octet-stream")));
            return new EndlessBody(bodyClosed);
        }, ServerTestSupport.settings().writeTimeout(SHORT).build());
        try (Socket client = stalledClient(server)) {
            assertTrue(bodyClosed.await(10, TimeUnit.SECONDS), "the server still writes to a client that stopped reading");
        }
        assertStillServes(server);
    }

    @Test
    void fileSentToAClientThatStopsReadingIsAbandonedAfterTheWriteTimeout() throws Exception {
        Path big = files.resolve("big.bin");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(256L * 1024 * 1024);
        }
        AtomicReference<FileBody> sent = new AtomicReference<>();
        GatewayServer server = support.start((environ, startResponse) -> {
            if (!environ.get(Environ.PATH_INFO).equals("/stall")) {
                return COUNT_BODY.call(environ, startResponse);
            }
            startResponse.start("200 OK", List.of(new Header("Content-Type", "application/octet-stream")));
            sent.set(FileBody.open(big));
            return sent.get();
        }, ServerTestSupport.settings().writeTimeout(SHORT).build());
        try (Socket client = stalledClient(server)) {
            long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while ((sent.get() == null || sent.get().channel().isOpen()) && System.nanoTime() < giveUp) {
                Thread.sleep(20);
            }
            assertTrue(sent.get() != null && !sent.get().channel().isOpen(),
                    "the server still sends a file to a client that stopped reading");
        }
        assertStillServes(server);
    }

    @Test
    void responseLargerThanOneWritePieceReachesAClientThatReads() throws IOException {
        byte[] body = new byte[3 * SocketIo.PIECE + 17];
        GatewayServer server = support.start((environ, startResponse) -> {
            startResponse.start("200 OK", List.of(new Header("Content-Type", "application/octet-stream")));
            return List.of(body);
        }, ServerTestSupport.settings().writeTimeout(SHORT).build());
        try (RawClient client = new RawClient(server.port())) {
            String response = client.send("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").readAll();
            assertTrue(response.startsWith("HTTP/1.1 200 OK\r\n"), response.substring(0, 40));
            assertTrue(response.contains("\r\nContent-Length: " + body.length + "\r\n"));
            assertEquals(body.length, response.length() - response.indexOf("\r\n\r\n") - 4);
        }
    }

    /** A client with a small receive buffer that asks for {@code /stall} and never reads the response. */
    private static Socket stalledClient(GatewayServer server) throws IOException {
        Socket client = new Socket();
        client.setReceiveBufferSize(4096);
        client.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()));
        client.getOutputStream().write("GET /stall HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        return client;
    }

    private static void assertStillServes(GatewayServer server) throws IOException {
        try (RawClient client = new RawClient(server.port())) {
            String ok = client.send("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").readAll();
            assertTrue(ok.startsWith("HTTP/1.1 200 OK"), ok);
        }
    }

    /** A streamed body that never ends; {@code closed} counts down when the server closes it. */
    private record EndlessBody(CountDownLatch closed) implements Iterable<byte[]>, AutoCloseable {

        @Override
        public Iterator<byte[]> iterator() {
            byte[] chunk = new byte[64 * 1024];
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return closed.getCount() > 0;
                }

                @Override
                public byte[] next() {
                    return chunk;
                }
            };
        }

        @Override
        public void close() {
            closed.countDown();
        }
    }
}
