package dev.carafe.gateway.server;

import dev.carafe.gateway.Application;
import dev.carafe.gateway.Header;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Starts servers on 127.0.0.1 port 0 and stops all of them after each test. The timeouts are short
 * but leave room for a loaded build machine; the tests of the timeouts themselves set shorter ones.
 */
final class ServerTestSupport implements AutoCloseable {

    private final List<GatewayServer> servers = new ArrayList<>();

    /**
     * Test settings; the thread mode is {@code AUTO} unless the system property
     * {@code carafe.test.threadMode} names another (the build runs the server's tests again with
     * {@code PLATFORM} and with {@code HYBRID} on JDK 21+, where {@code AUTO} means virtual threads).
     */
    static ServerSettings.Builder settings() {
        return ServerSettings.builder().port(0)
                .threadMode(ServerSettings.ThreadMode.valueOf(System.getProperty("carafe.test.threadMode", "AUTO")))
                .headerTimeout(Duration.ofSeconds(2))
                .keepAliveTimeout(Duration.ofSeconds(2))
                .bodyTimeout(Duration.ofSeconds(2))
                .gracefulTimeout(Duration.ofMillis(500));
    }

    GatewayServer start(Application app) throws IOException {
        return start(app, settings().build());
    }

    GatewayServer start(Application app, ServerSettings settings) throws IOException {
        GatewayServer server = GatewayServer.start(app, settings);
        servers.add(server);
        return server;
    }

    /** An application answering 200 with a fixed text. */
    static Application text(String body) {
        return (environ, startResponse) -> {
            startResponse.start("200 OK", List.of(new Header("Content-Type", "text/plain")));
            return List.of(body.getBytes(StandardCharsets.UTF_8));
        };
    }

    /**
     * Sends {@code each} requests for {@code path}, one after the other, on each of {@code clients}
     * connections at once, and checks that every one is answered 200.
     */
    static void load(GatewayServer server, String path, int clients, int each) throws Exception {
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        for (int c = 0; c < clients; c++) {
            Thread thread = new Thread(() -> {
                try (RawClient client = new RawClient(server.port())) {
                    client.timeout(10_000);
                    for (int i = 0; i < each; i++) {
                        String response = client.send("GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
                        if (!response.startsWith("HTTP/1.1 200 ")) {
                            throw new AssertionError("GET " + path + " was answered " + response);
                        }
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join(30_000);
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " of " + clients + " clients failed: " + failures);
        }
    }

    @Override
    public void close() {
        servers.forEach(s -> s.stop(Duration.ofMillis(200)));
    }
}
