package dev.carafe.gateway.server;

import dev.carafe.gateway.Application;
import dev.carafe.gateway.Header;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts servers on 127.0.0.1 port 0 and stops all of them after each test. The timeouts are short
 * but leave room for a loaded build machine; the tests of the timeouts themselves set shorter ones.
 */
final class ServerTestSupport implements AutoCloseable {

    private final List<GatewayServer> servers = new ArrayList<>();

    /**
     * Test settings; the thread mode is {@code AUTO} unless the system property
     * {@code carafe.test.threadMode} names another (the build runs the server's tests a second time
     * with {@code PLATFORM} on JDK 21+, where {@code AUTO} means virtual threads).
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

    @Override
    public void close() {
        servers.forEach(s -> s.stop(Duration.ofMillis(200)));
    }
}
