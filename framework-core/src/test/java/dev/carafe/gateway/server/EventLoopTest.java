package dev.carafe.gateway.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carafe.gateway.Application;
import dev.carafe.gateway.Environ;
import dev.carafe.gateway.Header;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The platform-thread model: connections waiting for a request are parked on event loops, and the
 * loop's thread runs the requests that arrive, giving the loop to another thread when the
 * application blocks or waits for its socket.
 */
class EventLoopTest {

    private final ServerTestSupport support = new ServerTestSupport();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        support.close();
    }

    /** Answers /block once {@link #release} opens, /echo with the request body, anything else at once. */
    private Application app() {
        return (environ, startResponse) -> {
            String path = (String) environ.get(Environ.PATH_INFO);
            byte[] body;
            if (path.equals("/block")) {
                assertTrue(release.await(10, TimeUnit.SECONDS), "the test never released the blocked request");
                body = "released".getBytes(StandardCharsets.US_ASCII);
            } else if (path.equals("/slow")) {
                Thread.sleep(20);
                body = "slow".getBytes(StandardCharsets.US_ASCII);
            } else if (path.equals("/echo")) {
                body = ((InputStream) environ.get(Environ.GATEWAY_INPUT)).readAllBytes();
            } else {
                body = ("fast " + Thread.currentThread().getName()).getBytes(StandardCharsets.US_ASCII);
            }
            startResponse.start("200 OK", List.of(new Header("Content-Type", "text/plain")));
            return List.of(body);
        };
    }

    private GatewayServer start(int platformThreads, int ioThreads) throws Exception {
        return support.start(app(), ServerTestSupport.settings().threadMode(ServerSettings.ThreadMode.PLATFORM)
                .platformThreads(platformThreads).ioThreads(ioThreads).build());
    }

    @Test
    void aBlockedApplicationDoesNotStallTheOtherConnectionsOfItsLoop() throws Exception {
        GatewayServer server = start(4, 1);
        try (RawClient blocked = new RawClient(server.port()); RawClient other = new RawClient(server.port())) {
            blocked.send("GET /block HTTP/1.1\r\nHost: x\r\n\r\n");
            other.timeout(5000);
            assertTrue(fast(other).contains("fast carafe-worker-"), "served by a pool thread");
            assertTrue(fast(other).contains("fast "));
            release.countDown();
            blocked.timeout(5000);
            assertTrue(blocked.readResponse().endsWith("released"));
            assertTrue(fast(blocked).contains("fast "),
                    "the connection that blocked is served again after its request");
        }
    }

    @Test
    void aBlockedApplicationOnAServerThatWasIdleDoesNotStallItsLoopEither() throws Exception {
        GatewayServer server = start(4, 1);
        // Idle for longer than the loop monitor's hundred idle looks (about 1 s): it falls asleep,
        // and the blocked request's loop must wake it.
        Thread.sleep(1_200);
        try (RawClient blocked = new RawClient(server.port()); RawClient other = new RawClient(server.port())) {
            blocked.send("GET /block HTTP/1.1\r\nHost: x\r\n\r\n");
            // Well below the monitor's second of sleep: only a monitor woken by the loop answers in time.
            other.timeout(600);
            assertTrue(fast(other).contains("fast "));
            release.countDown();
            blocked.timeout(5000);
            assertTrue(blocked.readResponse().endsWith("released"));
        }
    }

    @Test
    void aSlowRequestNowAndThenIsServedInPlaceLikeAnyOther() throws Exception {
        GatewayServer server = start(8, 1);
        try (RawClient client = new RawClient(server.port())) {
            client.timeout(5000);
            assertTrue(client.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n").readResponse().endsWith("slow"));
            for (int i = 0; i < 5; i++) {
                assertTrue(fast(client).contains("fast "));
            }
            assertEquals(0, server.handedOverServes(), "one take-away does not make the loop hand requests over");
        }
    }

    @Test
    void aLoopWhoseApplicationBlocksOnEveryRequestHandsItsRequestsToPoolThreadsUntilItStops() throws Exception {
        GatewayServer server = start(16, 1);
        // 8 clients send 12 slow requests each: far more take-aways than HandOver.ENTER_TAKE_AWAYS
        // within a window, so the loop starts handing requests over.
        ServerTestSupport.load(server, "/slow", 8, 12);
        long handed = server.handedOverServes();
        assertTrue(handed > 0, "requests that block are handed to pool threads");
        try (RawClient client = new RawClient(server.port())) {
            client.timeout(5000);
            assertTrue(client.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n").readResponse().endsWith("slow"));
            // (The slow clients' closes may be handed over too, hence more than one.)
            assertTrue(server.handedOverServes() > handed, "a request that blocks now is handed over at once");
        }
        // The window with the slow serves goes on for another (over a quarter were slow); the one
        // after it has none, so the loop returns to serving in place.
        Thread.sleep(2 * TimeUnit.NANOSECONDS.toMillis(HandOver.WINDOW_NANOS) + 300);
        long before = server.handedOverServes();
        try (RawClient client = new RawClient(server.port())) {
            client.timeout(5000);
            for (int i = 0; i < 5; i++) {
                assertTrue(fast(client).contains("fast "));
            }
        }
        assertEquals(before, server.handedOverServes(), "fast requests are served in place again");
    }

    @Test
    void aRequestBodyStillArrivingDoesNotStallTheOtherConnectionsOfItsLoop() throws Exception {
        GatewayServer server = start(4, 1);
        try (RawClient slow = new RawClient(server.port()); RawClient other = new RawClient(server.port())) {
            slow.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nhello");
            other.timeout(5000);
            assertTrue(fast(other).contains("fast "));
            slow.timeout(5000);
            assertTrue(slow.send("world").readResponse().endsWith("helloworld"));
        }
    }

    @Test
    void connectionsWaitingForARequestHoldNoThread() throws Exception {
        GatewayServer server = start(2, 1);
        List<RawClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 40; i++) {
                RawClient client = new RawClient(server.port());
                clients.add(client);
                client.timeout(5000);
                assertTrue(fast(client).contains("fast "));
            }
            for (RawClient client : clients) {
                assertTrue(fast(client).contains("fast "),
                        "40 open connections are served by a pool of 2 threads");
            }
            long workers = workerThreads(server.port());
            assertTrue(workers >= 1 && workers <= 2, "at most platformThreads pool threads, found " + workers);
        } finally {
            for (RawClient client : clients) {
                client.close();
            }
        }
    }

    @Test
    void withOnePlatformThreadRequestsAreServedOneAtATime() throws Exception {
        GatewayServer server = start(1, 4);
        try (RawClient blocked = new RawClient(server.port()); RawClient other = new RawClient(server.port())) {
            blocked.send("GET /block HTTP/1.1\r\nHost: x\r\n\r\n");
            Thread.sleep(100);
            other.send("GET /fast HTTP/1.1\r\nHost: x\r\n\r\n");
            other.timeout(300);
            assertThrows(SocketTimeoutException.class, () -> other.readUntil("\r\n"));
            release.countDown();
            blocked.timeout(5000);
            other.timeout(5000);
            assertTrue(blocked.readResponse().endsWith("released"));
            assertTrue(other.readResponse().contains("fast "));
        }
    }

    @Test
    void theStartLogNamesTheEventLoopsAndThePool() {
        ServerSettings settings = ServerTestSupport.settings().threadMode(ServerSettings.ThreadMode.PLATFORM)
                .platformThreads(8).ioThreads(3).build();
        ConnectionThreads threads = ConnectionThreads.choose(settings, 8080);
        try {
            assertEquals(3, threads.loops());
            assertTrue(threads.description().startsWith("3 event loops and a pool of up to 8 platform threads (JDK "),
                    threads.description());
        } finally {
            threads.executor().shutdownNow();
        }
        ConnectionThreads capped = ConnectionThreads.choose(settings.toBuilder().platformThreads(2).build(), 8080);
        try {
            assertEquals(2, capped.loops(), "no more loops than pool threads");
        } finally {
            capped.executor().shutdownNow();
        }
    }

    @Test
    void pipelinedRequestsOnAParkedConnectionAreAnsweredInOrder() throws Exception {
        GatewayServer server = start(4, 1);
        try (RawClient client = new RawClient(server.port())) {
            client.timeout(5000);
            client.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\none"
                    + "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\ntwo"
                    + "GET /fast HTTP/1.1\r\nHost: x\r\n\r\n");
            assertTrue(client.readResponse().endsWith("one"));
            assertTrue(client.readResponse().endsWith("two"));
            assertTrue(client.readResponse().contains("fast "));
        }
    }

    @Test
    void theResponseLeavesWhenTheApplicationIgnoredABodyThatWasAlreadyBuffered() throws Exception {
        GatewayServer server = start(4, 1);
        try (RawClient client = new RawClient(server.port())) {
            client.timeout(5000);
            assertTrue(client.send("POST /fast HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello")
                    .readResponse().contains("fast "));
            client.send("POST /fast HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\n");
            Thread.sleep(50);
            assertTrue(client.send("hello").readResponse().contains("fast "));
        }
    }

    /** Sends {@code GET /fast} and reads its response. */
    private static String fast(RawClient client) throws Exception {
        return client.send("GET /fast HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
    }

    private static long workerThreads(int port) {
        Map<Thread, StackTraceElement[]> all = Thread.getAllStackTraces();
        return all.keySet().stream().filter(t -> t.getName().startsWith("carafe-worker-" + port + "-")).count();
    }
}
