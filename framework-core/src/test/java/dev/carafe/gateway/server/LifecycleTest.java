package dev.carafe.gateway.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carafe.gateway.Environ;
import dev.carafe.gateway.Header;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Starting, graceful stopping, thread modes. */
class LifecycleTest {

    private final ServerTestSupport support = new ServerTestSupport();

    @AfterEach
    void stopServers() {
        support.close();
    }

    @Test
    void gracefulStopLetsTheRequestInFlightFinishClosesIdleConnectionsAndRefusesNewOnes() throws Exception {
        CountDownLatch inFlight = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        GatewayServer server = support.start((environ, startResponse) -> {
            if ("/slow".equals(environ.get(Environ.PATH_INFO))) {
                inFlight.countDown();
                release.await(5, TimeUnit.SECONDS);
            }
            startResponse.start("200 OK", List.of(new Header("Content-Type", "text/plain")));
            return List.of("done".getBytes(StandardCharsets.UTF_8));
        }, ServerTestSupport.settings().keepAliveTimeout(Duration.ofSeconds(10)).build());
        try (RawClient idle = new RawClient(server.port()); RawClient busy = new RawClient(server.port())) {
            assertTrue(idle.send("GET /fast HTTP/1.1\r\nHost: x\r\n\r\n").readResponse().endsWith("done"));
            busy.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n");
            assertTrue(inFlight.await(5, TimeUnit.SECONDS));

            CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> server.stop(Duration.ofSeconds(5)));
            assertTrue(idle.closedByServer(), "the idle keep-alive connection is closed at once");
            assertThrows(ConnectException.class, () -> new Socket(InetAddress.getLoopbackAddress(), server.port()).close());
            assertFalse(stopping.isDone());

            release.countDown();
            String response = busy.readAll();
            assertTrue(response.startsWith("HTTP/1.1 200 OK"), response);
            assertTrue(response.contains("\r\nConnection: close\r\n"), response);
            assertTrue(response.endsWith("done"), response);
            stopping.get(5, TimeUnit.SECONDS);
        }
        server.awaitTermination();
    }

    @Test
    void stopForceClosesRequestsThatOutliveTheGrace() throws Exception {
        CountDownLatch inFlight = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        GatewayServer server = support.start((environ, startResponse) -> {
            inFlight.countDown();
            release.await(5, TimeUnit.SECONDS);
            startResponse.start("200 OK", List.of());
            return List.of();
        });
        try (RawClient client = new RawClient(server.port())) {
            client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
            assertTrue(inFlight.await(5, TimeUnit.SECONDS));
            long started = System.nanoTime();
            server.stop(Duration.ofMillis(100));
            assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(3));
            assertEquals("", client.readAll());
        } finally {
            release.countDown();
        }
    }

    @Test
    void closeStopsAndAwaitTerminationReturns() throws Exception {
        GatewayServer server = GatewayServer.start(ServerTestSupport.text("x"), ServerTestSupport.settings().build());
        CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> {
            try {
                server.awaitTermination();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.close();
        waiting.get(5, TimeUnit.SECONDS);
        server.close();
    }

    @Test
    void stopOnShutdownSignalRegistersAHookThatStopRemoves() throws IOException {
        GatewayServer server = support.start(ServerTestSupport.text("x"));
        server.stopOnShutdownSignal();
        server.stopOnShutdownSignal();
        server.stop(Duration.ZERO);
        try (RawClient ignored = new RawClient(server.port())) {
            throw new AssertionError("the server should refuse connections after stop");
        } catch (ConnectException expected) {
            assertTrue(expected.getMessage() != null);
        }
    }

    @Test
    void portInUseFailsWithTheAddress() throws IOException {
        GatewayServer first = support.start(ServerTestSupport.text("x"));
        IOException failure = assertThrows(IOException.class, () -> GatewayServer.start(ServerTestSupport.text("y"),
                ServerTestSupport.settings().port(first.port()).build()));
        assertTrue(failure.getMessage().startsWith("Cannot listen on 127.0.0.1:" + first.port() + ": "),
                failure.getMessage());
    }

    /**
     * What the application sees when served with these settings.
     *
     * @param virtual whether it ran on a virtual thread
     * @param multithread the environ's {@code gateway.multithread}
     */
    private record Served(boolean virtual, Object multithread) {
    }

    private Served serve(ServerSettings settings) throws Exception {
        CompletableFuture<Served> served = new CompletableFuture<>();
        GatewayServer server = support.start((environ, startResponse) -> {
            served.complete(new Served(isVirtual(Thread.currentThread()), environ.get(Environ.GATEWAY_MULTITHREAD)));
            startResponse.start("200 OK", List.of());
            return List.of();
        }, settings);
        try (RawClient client = new RawClient(server.port())) {
            client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
        }
        return served.get(5, TimeUnit.SECONDS);
    }

    @Test
    void autoThreadModePicksVirtualThreadsOnJdk21AndPlatformThreadsBefore() throws Exception {
        assertEquals(new Served(Runtime.version().feature() >= 21, Boolean.TRUE),
                serve(ServerTestSupport.settings().threadMode(ServerSettings.ThreadMode.AUTO).build()));
    }

    @Test
    void platformThreadModeUsesPlatformThreadsAndOneThreadMeansSingleThreaded() throws Exception {
        assertEquals(new Served(false, Boolean.TRUE), serve(ServerTestSupport.settings()
                .threadMode(ServerSettings.ThreadMode.PLATFORM).build()));
        assertEquals(new Served(false, Boolean.FALSE), serve(ServerTestSupport.settings()
                .threadMode(ServerSettings.ThreadMode.PLATFORM).platformThreads(1).build()));
    }

    @Test
    void virtualThreadModeNeedsJdk21() throws Exception {
        ServerSettings settings = ServerTestSupport.settings().threadMode(ServerSettings.ThreadMode.VIRTUAL).build();
        int feature = Runtime.version().feature();
        if (feature >= 21) {
            assertEquals(new Served(true, Boolean.TRUE), serve(settings));
        } else {
            IllegalStateException failure = assertThrows(IllegalStateException.class,
                    () -> GatewayServer.start(ServerTestSupport.text("x"), settings));
            assertEquals("threadMode VIRTUAL needs JDK 21 or later, but this JVM is JDK " + feature
                    + "; use threadMode AUTO or PLATFORM, or run on JDK 21+.", failure.getMessage());
        }
    }

    @Test
    void hybridThreadModeNeedsJdk21AndServesAQuickRequestOnAPlatformThread() throws Exception {
        ServerSettings settings = ServerTestSupport.settings().threadMode(ServerSettings.ThreadMode.HYBRID).build();
        int feature = Runtime.version().feature();
        if (feature >= 21) {
            assertEquals(new Served(false, Boolean.TRUE), serve(settings));
            assertEquals(new Served(false, Boolean.TRUE), serve(settings.toBuilder().platformThreads(1).build()),
                    "one platform thread, but requests that block run at once on virtual threads");
        } else {
            IllegalStateException failure = assertThrows(IllegalStateException.class,
                    () -> GatewayServer.start(ServerTestSupport.text("x"), settings));
            assertEquals("threadMode HYBRID needs JDK 21 or later, but this JVM is JDK " + feature
                    + "; use threadMode AUTO or PLATFORM, or run on JDK 21+.", failure.getMessage());
        }
    }

    @Test
    void connectionsBeyondTheCapWaitUntilOneCloses() throws Exception {
        GatewayServer server = support.start(ServerTestSupport.text("ok"),
                ServerTestSupport.settings().maxConnections(1).keepAliveTimeout(Duration.ofSeconds(5)).build());
        try (RawClient first = new RawClient(server.port()); RawClient second = new RawClient(server.port())) {
            assertTrue(first.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").readResponse().endsWith("ok"));
            second.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
            second.timeout(300);
            assertThrows(java.net.SocketTimeoutException.class, () -> second.readUntil("\r\n"));
            first.close();
            second.timeout(5000);
            assertTrue(second.readResponse().endsWith("ok"));
        }
    }

    private static boolean isVirtual(Thread thread) throws ReflectiveOperationException {
        if (Runtime.version().feature() < 21) {
            return false;
        }
        return (Boolean) Thread.class.getMethod("isVirtual").invoke(thread);
    }
}
