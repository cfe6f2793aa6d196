package dev.carafe.gateway.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carafe.gateway.Application;
import dev.carafe.gateway.Environ;
import dev.carafe.gateway.Header;
import dev.carafe.gateway.Lifespan;
import dev.carafe.gateway.RecordingLifespan;
import dev.carafe.gateway.StartResponse;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The gateway server calls a Lifespan application's started() before serving and stopping() after its stop. */
class ServerLifespanTest {

    private final ServerTestSupport support = new ServerTestSupport();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final CountDownLatch inFlight = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stopServers() {
        release.countDown();
        support.close();
    }

    /** Records its lifespan and its requests; {@code /slow} waits for {@link #release}. */
    private RecordingLifespan recording() {
        return RecordingLifespan.of(events, (environ, startResponse) -> {
            if ("/slow".equals(environ.get(Environ.PATH_INFO))) {
                inFlight.countDown();
                release.await(5, TimeUnit.SECONDS);
                events.add("slow request done");
            }
            startResponse.start("200 OK", List.of(new Header("Content-Type", "text/plain")));
            return List.of("ok".getBytes(StandardCharsets.UTF_8));
        });
    }

    @Test
    void startedRunsBeforeTheFirstRequestAndStoppingAfterTheRequestInFlightFinished() throws Exception {
        GatewayServer server = support.start(recording());
        assertEquals(List.of("started"), events);
        try (RawClient client = new RawClient(server.port())) {
            client.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n");
            assertTrue(inFlight.await(5, TimeUnit.SECONDS));
            CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> server.stop(Duration.ofSeconds(5)));
            release.countDown();
            assertTrue(client.readAll().endsWith("ok"));
            stopping.get(5, TimeUnit.SECONDS);
        }
        assertEquals(List.of("started", "request", "slow request done", "stopping"), events);
    }

    @Test
    void stoppingRunsOnceHoweverOftenTheServerIsStopped() throws Exception {
        GatewayServer server = support.start(recording());
        server.stop(Duration.ofMillis(100));
        server.close();
        server.stop(Duration.ofMillis(100));
        assertEquals(List.of("started", "stopping"), events);
    }

    @Test
    void aFailingStartStopsTheServerFromStartingAndFreesThePort() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        ServerSettings settings = ServerTestSupport.settings().port(port).build();

        IllegalStateException unchecked = new IllegalStateException("no database");
        assertSame(unchecked, assertThrows(IllegalStateException.class,
                () -> GatewayServer.start(recording().failingToStart(unchecked), settings)));
        IllegalStateException wrapped = assertThrows(IllegalStateException.class,
                () -> GatewayServer.start(recording().failingToStart(new java.io.IOException("disk full")), settings));

        assertEquals("The application failed to start: java.io.IOException: disk full; the server did not start.",
                wrapped.getMessage());
        assertThrows(ConnectException.class, () -> new Socket(InetAddress.getLoopbackAddress(), port).close());
        assertEquals(List.of(), events, "stopping() is not called when started() failed");
        support.start(recording(), settings);   // the port is free again
        assertEquals(List.of("started"), events);
    }

    @Test
    void aFailingStopIsLoggedAndTheServerStillStops() throws Exception {
        Application failingStop = new FailingStop();
        GatewayServer server = support.start(failingStop);
        int port = server.port();
        server.stop(Duration.ofMillis(100));
        assertThrows(ConnectException.class, () -> new Socket(InetAddress.getLoopbackAddress(), port).close());
        server.awaitTermination();
    }

    /** An application whose stopping() throws. */
    static final class FailingStop implements Application, Lifespan {
        @Override
        public Iterable<byte[]> call(Map<String, Object> environ, StartResponse startResponse) {
            return List.of();
        }

        @Override
        public void started() {
        }

        @Override
        public void stopping() {
            throw new IllegalStateException("cannot flush the cache");
        }
    }
}
