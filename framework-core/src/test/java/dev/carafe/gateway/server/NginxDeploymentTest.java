package dev.carafe.gateway.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.carafe.gateway.Application;
import dev.carafe.gateway.Environ;
import dev.carafe.gateway.Header;
import dev.carafe.gateway.middleware.ProxyFix;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the nginx configuration of docs/deployment.md, as written there, in front of two of our
 * servers. nginx must be installed; .ci/run installs it, and in CI (environment variable
 * {@code CI} set) a missing nginx fails the test instead of skipping it.
 */
class NginxDeploymentTest {

    private static final Path DOC = Path.of("..", "docs", "deployment.md");

    private final ServerTestSupport servers = new ServerTestSupport();
    private Process nginx;
    private HttpClient client;

    @TempDir
    Path dir;

    @BeforeEach
    void requireNginx() {
        boolean installed = nginxBinary() != null;
        if (!installed && System.getenv("CI") != null) {
            fail("nginx is not installed, and CI must run this test: install it (apt-get install nginx-light), as"
                    + " .ci/run does");
        }
        Assumptions.assumeTrue(installed, "nginx is not installed (apt-get install nginx-light); .ci/run installs it");
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    @AfterEach
    void stopEverything() throws InterruptedException {
        if (nginx != null) {
            nginx.destroy();
            nginx.waitFor();
        }
        servers.close();
    }

    @Test
    void theDocumentedConfigurationBalancesOverBothServersAndForwardsClientSchemeAndHost() throws Exception {
        GatewayServer first = servers.start(behindNginx("first"));
        GatewayServer second = servers.start(behindNginx("second"));
        int port = startNginx(first.port(), second.port());

        Set<String> backends = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            String body = get(port, "/where");
            backends.add(body.substring(0, body.indexOf(' ')));
            assertEquals(" remote=127.0.0.1 scheme=http host=127.0.0.1 path=/where", body.substring(body.indexOf(' ')));
        }
        assertEquals(Set.of("first", "second"), backends);
    }

    @Test
    void aClientCannotPoseAsAnotherAddressThroughXForwardedFor() throws Exception {
        GatewayServer only = servers.start(behindNginx("only"));
        int port = startNginx(only.port(), only.port());

        HttpRequest spoofed = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/who"))
                .header("X-Forwarded-For", "203.0.113.9").build();
        String body = client.send(spoofed, HttpResponse.BodyHandlers.ofString()).body();

        assertEquals("only remote=127.0.0.1 scheme=http host=127.0.0.1 path=/who", body);
    }

    @Test
    void requestsKeepBeingServedWhileOneServerIsStopped() throws Exception {
        GatewayServer first = servers.start(behindNginx("first"));
        GatewayServer second = servers.start(behindNginx("second"));
        int port = startNginx(first.port(), second.port());
        get(port, "/warm");

        first.stop(Duration.ofMillis(200));

        for (int i = 0; i < 4; i++) {
            assertTrue(get(port, "/after").startsWith("second "), "every request reaches the running server");
        }
    }

    private Application behindNginx(String name) {
        Application site = (environ, startResponse) -> {
            String text = name + " remote=" + environ.get(Environ.REMOTE_ADDR)
                    + " scheme=" + environ.get(Environ.GATEWAY_URL_SCHEME)
                    + " host=" + environ.get("HTTP_HOST") + " path=" + environ.get(Environ.PATH_INFO);
            startResponse.start("200 OK", List.of(new Header("Content-Type", "text/plain; charset=utf-8")));
            return List.of(text.getBytes(StandardCharsets.UTF_8));
        };
        // tag::proxyfix[]
        Application behindNginx = ProxyFix.builder().xFor(1).xProto(1).xHost(1).build().wrap(site);
        // end::proxyfix[]
        return behindNginx;
    }

    private String get(int port, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response::body);
        return response.body();
    }

    /** Starts nginx with the documentation's block, its ports replaced by ours; returns nginx's port. */
    private int startNginx(int firstPort, int secondPort) throws IOException, InterruptedException {
        int port = freePort();
        Path staticDir = Files.createDirectories(dir.resolve("static"));
        String block = documentedBlock()
                .replace("127.0.0.1:8001", "127.0.0.1:" + firstPort)
                .replace("127.0.0.1:8002", "127.0.0.1:" + secondPort)
                .replace("listen 8080;", "listen 127.0.0.1:" + port + ";")
                .replace("/srv/site/static/", staticDir + "/");
        String temp = dir.resolve("temp").toString();
        Files.createDirectories(Path.of(temp));
        String conf = "daemon off;\nmaster_process off;\npid " + dir.resolve("nginx.pid") + ";\n"
                + "error_log " + dir.resolve("error.log") + " warn;\n"
                + "events { worker_connections 64; }\n"
                + "http {\n access_log off;\n"
                + " client_body_temp_path " + temp + "/body;\n proxy_temp_path " + temp + "/proxy;\n"
                + " fastcgi_temp_path " + temp + "/fastcgi;\n uwsgi_temp_path " + temp + "/uwsgi;\n"
                + " scgi_temp_path " + temp + "/scgi;\n"
                + block + "\n}\n";
        Path confFile = Files.writeString(dir.resolve("nginx.conf"), conf);
        nginx = new ProcessBuilder(nginxBinary(), "-p", dir.toString(), "-e", dir.resolve("error.log").toString(),
                "-c", confFile.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()).start();
        Instant deadline = Instant.now().plusSeconds(10);
        while (Instant.now().isBefore(deadline)) {
            if (!nginx.isAlive()) {
                fail("nginx exited with " + nginx.exitValue() + ": " + Files.readString(dir.resolve("nginx.out"))
                        + "\nconfiguration:\n" + conf);
            }
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return port;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("nginx did not listen on port " + port + " within 10 s");
    }

    /** The first {@code nginx} code block of docs/deployment.md. */
    private static String documentedBlock() throws IOException {
        Matcher block = Pattern.compile("```nginx\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(DOC));
        assertTrue(block.find(), "docs/deployment.md has an nginx block");
        return block.group(1);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String nginxBinary() {
        for (String candidate : List.of("/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/local/nginx/sbin/nginx")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        return null;
    }
}
