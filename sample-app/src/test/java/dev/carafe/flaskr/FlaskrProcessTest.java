package dev.carafe.flaskr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * flaskr as its users start it: {@code java ... dev.carafe.flaskr.Flaskr COMMAND} in a process of
 * its own (the runnable jar's main class, on the test class path), configured by FLASKR_* variables.
 */
class FlaskrProcessTest {

    @TempDir
    Path dir;

    private Process process;

    @AfterEach
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor();
        }
    }

    @Test
    void initDbPrintsInitializedTheDatabase() throws Exception {
        process = start("init-db");
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "init-db did not finish");
        assertEquals(0, process.exitValue(), stderr());
        assertEquals("Initialized the database.\n", new String(process.getInputStream().readAllBytes(),
                StandardCharsets.UTF_8));
    }

    @Test
    void runServesUntilSigtermStopsIt() throws Exception {
        process = start("run", "--port", "0");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new Thread(() -> copy(process.getInputStream(), out)).start();
        int port = FlaskrCliTest.awaitPort(out);

        HttpResponse<String> hello = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/hello")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals("Hello, World!", hello.body());

        process.destroy();                               // SIGTERM
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the server did not stop after SIGTERM" + stderr());
        assertEquals(143, process.exitValue(), "128 + SIGTERM: the JVM's orderly shutdown, which stops the server"
                + stderr());
        assertTrue(refused(port), "the server stopped listening");
    }

    private static boolean refused(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private String stderr() throws IOException {
        return "\nstderr of the process:\n" + Files.readString(dir.resolve("stderr.txt"));
    }

    private Process start(String... command) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> line = new ArrayList<>(List.of(java.toString(), "-cp",
                System.getProperty("java.class.path"), Flaskr.class.getName()));
        line.addAll(List.of(command));
        ProcessBuilder builder = new ProcessBuilder(line).directory(dir.toFile())
                .redirectError(dir.resolve("stderr.txt").toFile());
        builder.environment().put("FLASKR_DATABASE", dir.resolve("flaskr.sqlite").toString());
        builder.environment().put("FLASKR_SECRET_KEY", "a-test-key-that-is-not-dev");
        return builder.start();
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try {
            in.transferTo(out);
        } catch (IOException e) {
            // the process ended; what it printed is in out
        }
    }
}
