package dev.carafe.gateway.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carafe.gateway.Application;
import dev.carafe.gateway.Environ;
import dev.carafe.gateway.FileWrapper;
import dev.carafe.gateway.Header;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The code of docs/server.md, compiled and run. */
class ServerDocsSnippetsTest {

    @TempDir
    Path dir;

    @Test
    void runningTheServerFromJava() throws Exception {
        // tag::start[]
        Application hello = (environ, startResponse) -> {
            startResponse.start("200 OK", List.of(new Header("Content-Type", "text/plain; charset=utf-8")));
            return List.of("Hello, World!".getBytes(StandardCharsets.UTF_8));
        };
        ServerSettings settings = ServerSettings.builder()
                .host("127.0.0.1")
                .port(0)                                  // any free port; read it back with port()
                .build();
        GatewayServer server = GatewayServer.start(hello, settings);
        server.stopOnShutdownSignal();                    // SIGTERM / Ctrl-C stop it gracefully
        System.out.println("Listening on http://127.0.0.1:" + server.port());
        // end::start[]
        try (RawClient client = new RawClient(server.port())) {
            String response = client.send("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").readAll();
            assertTrue(response.endsWith("Hello, World!"), response);
        } finally {
            // tag::stop[]
            server.stop(Duration.ofSeconds(10));          // or server.close(): stop(gracefulTimeout)
            server.awaitTermination();                    // returns at once: the server has stopped
            // end::stop[]
        }
    }

    @Test
    void settingsForProduction() {
        // tag::settings[]
        ServerSettings settings = ServerSettings.builder()
                .host("127.0.0.1").port(8001)             // nginx proxies to it
                .maxBodyBytes(50L * 1024 * 1024)          // 50 MiB uploads
                .headerTimeout(Duration.ofSeconds(15))
                .keepAliveTimeout(Duration.ofSeconds(75)) // longer than nginx's upstream keepalive_timeout
                .underscoreHeaders(ServerSettings.UnderscoreHeaders.REFUSE)
                .accessLog("-")                           // standard output
                .environ("myapp.stage", "production")
                .build();
        // end::settings[]
        assertEquals(8001, settings.port());
    }

    @Test
    void sendingAFile() throws Exception {
        Path path = dir.resolve("report.pdf");
        Files.writeString(path, "%PDF");
        // tag::file[]
        Application download = (environ, startResponse) -> {
            startResponse.start("200 OK", List.of(new Header("Content-Type", "application/pdf")));
            FileWrapper files = (FileWrapper) environ.getOrDefault(Environ.GATEWAY_FILE_WRAPPER, FileWrapper.PLAIN);
            return files.wrap(FileChannel.open(path), 0, Files.size(path));   // sent with transferTo
        };
        // end::file[]
        try (ServerTestSupport support = new ServerTestSupport()) {
            GatewayServer server = support.start(download);
            try (RawClient client = new RawClient(server.port())) {
                String response = client.send("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").readAll();
                assertTrue(response.endsWith("\r\nContent-Length: 4\r\nConnection: close\r\n\r\n%PDF"), response);
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
