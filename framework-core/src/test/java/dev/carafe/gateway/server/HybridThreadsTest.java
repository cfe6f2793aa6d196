package dev.carafe.gateway.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.carafe.gateway.Application;
import dev.carafe.gateway.Environ;
import dev.carafe.gateway.Header;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code threadMode HYBRID} (JDK 21+): the event loops serve quick requests in place on platform
 * threads, and a loop whose application blocks hands its requests to virtual threads, so blocking
 * requests are not capped by the platform pool.
 */
class HybridThreadsTest {

    private static final int POOL = 4;
    private final ServerTestSupport support = new ServerTestSupport();
    private final CountDownLatch release = new CountDownLatch(1);
    private CountDownLatch gathered;

    @BeforeEach
    void needsVirtualThreads() {
        assumeTrue(ConnectionThreads.virtualThreadsAvailable(), "HYBRID needs JDK 21 or later");
    }

    @AfterEach
    void stop() {
        release.countDown();
        support.close();
    }

    /**
     * /slow sleeps 20 ms; /gather counts itself in {@link #gathered} and waits for {@link #release};
     * /echo answers the request body. Each answer ends with the kind of thread that ran it.
     */
    private Application app() {
        return (environ, startResponse) -> {
            String path = (String) environ.get(Environ.PATH_INFO);
            String body = "";
            if (path.equals("/slow")) {
                Thread.sleep(20);
            } else if (path.equals("/gather")) {
                gathered.countDown();
                assertTrue(release.await(10, TimeUnit.SECONDS), "the test never released the gathered requests");
            } else if (path.equals("/echo")) {
                body = new String(((InputStream) environ.get(Environ.GATEWAY_INPUT)).readAllBytes(),
                        StandardCharsets.US_ASCII) + " ";
            }
            startResponse.start("200 OK", List.of(new Header("Content-Type", "text/plain")));
            return List.of((body + (isVirtual() ? "virtual" : "platform")).getBytes(StandardCharsets.US_ASCII));
        };
    }

    private GatewayServer start() throws Exception {
        return support.start(app(), ServerTestSupport.settings().threadMode(ServerSettings.ThreadMode.HYBRID)
                .platformThreads(POOL).ioThreads(1).build());
    }

    @Test
    void quickRequestsAreServedInPlaceOnTheLoopsPlatformThreads() throws Exception {
        GatewayServer server = start();
        try (RawClient client = new RawClient(server.port())) {
            client.timeout(5000);
            for (int i = 0; i < 5; i++) {
                assertTrue(get(client, "/quick").endsWith("platform"));
            }
        }
        assertEquals(0, server.handedOverServes());
    }

    @Test
    void aLoopWhoseApplicationBlocksHandsItsRequestsToVirtualThreadsBeyondThePlatformPool() throws Exception {
        GatewayServer server = start();
        blockingLoad(server);
        assertTrue(server.handedOverServes() > 0, "requests that block are handed over");
        // Twice the platform pool's threads in the application at once: only virtual threads can.
        int count = 2 * POOL;
        gathered = new CountDownLatch(count);
        List<RawClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                RawClient client = new RawClient(server.port());
                clients.add(client);
                client.send("GET /gather HTTP/1.1\r\nHost: x\r\n\r\n");
            }
            assertTrue(gathered.await(5, TimeUnit.SECONDS), (count - gathered.getCount()) + " of " + count
                    + " requests reached the application at once; a pool of " + POOL + " cannot hold them all");
            release.countDown();
            for (RawClient client : clients) {
                client.timeout(5000);
                assertTrue(client.readResponse().endsWith("virtual"));
            }
        } finally {
            for (RawClient client : clients) {
                client.close();
            }
        }
    }

    @Test
    void aHandedOverRequestWaitsForItsBodyOnItsVirtualThread() throws Exception {
        GatewayServer server = start();
        blockingLoad(server);
        try (RawClient client = new RawClient(server.port())) {
            client.timeout(5000);
            client.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nhello");
            Thread.sleep(50);
            assertEquals("helloworld virtual", body(client.send("world").readResponse()));
            assertTrue(get(client, "/slow").endsWith("virtual"), "the connection is parked and served again");
        }
    }

    @Test
    void aHandedOverRequestWhoseBodyStallsGets408AfterTheBodyTimeout() throws Exception {
        GatewayServer server = start();
        blockingLoad(server);
        try (RawClient client = new RawClient(server.port())) {
            client.timeout(10_000);
            long sent = System.nanoTime();
            client.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nhello");
            String response = client.readAll();
            long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent);
            assertTrue(response.startsWith("HTTP/1.1 408 "), response);
            assertTrue(waited >= 1500, "answered after the 2 s body timeout, not before: " + waited + " ms");
        }
        assertTrue(server.handedOverServes() > 0);
    }

    @Test
    void requestsBlockedInPlaceBeyondThePlatformPoolDoNotLeaveTheLoopWithoutAnOwner() throws Exception {
        GatewayServer server = start();
        int count = POOL + 1;
        gathered = new CountDownLatch(count);
        List<RawClient> blocked = new ArrayList<>();
        try (RawClient quick = new RawClient(server.port())) {
            for (int i = 0; i < count; i++) {
                RawClient client = new RawClient(server.port());
                blocked.add(client);
                client.send("GET /gather HTTP/1.1\r\nHost: x\r\n\r\n");
                // One at a time: each is served in place and taken away from its thread (2 ms).
                Thread.sleep(20);
            }
            assertTrue(gathered.await(5, TimeUnit.SECONDS), (count - gathered.getCount()) + " of " + count
                    + " requests reached the application");
            quick.timeout(5000);
            assertTrue(get(quick, "/quick").startsWith("HTTP/1.1 200"),
                    "with every pool thread blocked, the loop still serves");
            assertEquals(0, server.handedOverServes(), "no hand-over: the requests blocked in place");
            release.countDown();
            for (RawClient client : blocked) {
                client.timeout(5000);
                assertTrue(client.readResponse().startsWith("HTTP/1.1 200"));
            }
        } finally {
            for (RawClient client : blocked) {
                client.close();
            }
        }
    }

    /** 8 clients send 12 requests of 20 ms each: enough take-aways within a window to start handing over. */
    private static void blockingLoad(GatewayServer server) throws Exception {
        ServerTestSupport.load(server, "/slow", 8, 12);
    }

    private static String get(RawClient client, String path) throws Exception {
        return client.send("GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
    }

    private static String body(String response) {
        return response.substring(response.indexOf("\r\n\r\n") + 4);
    }

    private static boolean isVirtual() throws ReflectiveOperationException {
        return (Boolean) Thread.class.getMethod("isVirtual").invoke(Thread.currentThread());
    }
}
