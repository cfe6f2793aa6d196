package dev.carafe.flaskr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    void runServesUntilSigtermStopsItAndReportsTheStop() throws Exception {
        // Standard output goes to a file: a pipe read by a thread of this JVM may lose the last
        // bytes a process writes as it exits.
        Path stdout = dir.resolve("stdout.txt");
        process = start(stdout, "run", "--port", "0");
        int port = awaitPort(stdout);

        HttpResponse<String> hello = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/hello")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals("Hello, World!", hello.body());

        process.destroy();                               // SIGTERM
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the server did not stop after SIGTERM" + stderr());
        assertEquals(143, process.exitValue(), "128 + SIGTERM: the JVM's orderly shutdown, which stops the server"
                + stderr());
        assertTrue(refused(port), "the server stopped listening");
        String printed = Files.readString(stdout);
        assertTrue(printed.endsWith(" * Stopped.\n"), "the last line reports the stop, although the JVM was "
                + "shutting down: " + printed + stderr());
    }

    /** The port the run command printed to {@code stdout}, waiting for it as the server starts. */
    private static int awaitPort(Path stdout) throws IOException, InterruptedException {
        Pattern serving = Pattern.compile("Serving Carafe app on http://127\\.0\\.0\\.1:(\\d+)/");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = serving.matcher(Files.exists(stdout) ? Files.readString(stdout) : "");
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
            Thread.sleep(20);
        }
        throw new AssertionError("run did not print its address within 30 s: " + Files.readString(stdout));
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
        return start(null, command);
    }

    /** Starts flaskr with {@code command}; its standard output goes to {@code stdout} unless null (a pipe). */
    private Process start(Path stdout, String... command) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> line = new ArrayList<>(List.of(java.toString(), "-cp",
                System.getProperty("java.class.path"), Flaskr.class.getName()));
        line.addAll(List.of(command));
        ProcessBuilder builder = new ProcessBuilder(line).directory(dir.toFile())
                .redirectError(dir.resolve("stderr.txt").toFile());
        if (stdout != null) {
            builder.redirectOutput(stdout.toFile());
        }
        builder.environment().put("FLASKR_DATABASE", dir.resolve("flaskr.sqlite").toString());
        builder.environment().put("FLASKR_SECRET_KEY", "a-test-key-that-is-not-dev");
        return builder.start();
    }
}
