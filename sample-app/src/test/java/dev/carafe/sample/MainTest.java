package dev.carafe.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void withoutACommandItPrintsTheUsageAndFails() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = run(List.of(), new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
        assertEquals(2, status);
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("Error: no command given.\nUsage: COMMAND [ARGS]..."));
    }

    @Test
    void aBadPortIsRefusedWithTheValue() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = run(List.of("run", "--port", "http"), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err));
        assertEquals(2, status);
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("Error: invalid value for '--port': 'http' is not "
                + "a port number from 0 to 65535.\n"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void runServesHelloOverARealSocket() throws Exception {
        PipedOutput out = new PipedOutput();
        ExecutorService runner = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> running = runner.submit(() -> run(List.of("run", "--port", "0"), out.stream(),
                    System.err));
            int port = out.awaitPort();
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode());
            assertEquals("Hello, World!", response.body());
            assertTrue(!running.isDone());
            runner.shutdownNow();                 // interrupts run, which stops the server
            assertTrue(runner.awaitTermination(20, java.util.concurrent.TimeUnit.SECONDS));
            assertEquals(0, running.get());
            assertTrue(refused(port), "the server stopped listening");
        } finally {
            runner.shutdownNow();
        }
    }

    /** What Main.main runs, with captured output. */
    private static int run(List<String> args, PrintStream out, PrintStream err) {
        return SampleApp.create().cli(args.toArray(String[]::new), out, err);
    }

    private static boolean refused(int port) {
        try (java.net.Socket ignored = new java.net.Socket("127.0.0.1", port)) {
            return false;
        } catch (java.io.IOException e) {
            return true;
        }
    }

    /** Captures what run() prints, so the test can read the bound port. */
    static final class PipedOutput {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        PrintStream stream() {
            return stream;
        }

        int awaitPort() throws InterruptedException {
            Pattern port = Pattern.compile("http://[^:]+:(\\d+)/");
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < deadline) {
                Matcher m = port.matcher(bytes.toString(StandardCharsets.UTF_8));
                if (m.find()) {
                    return Integer.parseInt(m.group(1));
                }
                Thread.sleep(20);
            }
            throw new AssertionError("The sample app did not print its address within 20 s: " + bytes);
        }
    }
}
