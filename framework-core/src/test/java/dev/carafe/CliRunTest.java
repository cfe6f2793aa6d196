package dev.carafe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The run command: serves over a real socket until stopped, with the lifecycle functions around it. */
class CliRunTest {

    private static final Pattern ADDRESS = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/");

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
    private final ExecutorService runner = Executors.newSingleThreadExecutor();
    private final List<String> events = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopRunner() throws InterruptedException {
        runner.shutdownNow();
        assertTrue(runner.awaitTermination(10, TimeUnit.SECONDS));
    }

    private String out() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    private int awaitPort() throws InterruptedException {
        for (int i = 0; i < 500; i++) {
            Matcher m = ADDRESS.matcher(out());
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
            Thread.sleep(10);
        }
        throw new AssertionError("run did not print its address: " + out() + errBytes);
    }

    @Test
    void runServesUntilInterruptedWithTheLifecycleFunctionsAroundIt() throws Exception {
        App app = new App();
        app.get("/", request -> "debug " + request.context().app().debug());
        app.onStart(context -> events.add("start"));
        app.onStop(context -> events.add("stop"));

        Future<Integer> running = runner.submit(() -> app.cli(new String[] {"run", "--port", "0", "--debug"}, out,
                err));
        int port = awaitPort();
        HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).timeout(Duration.ofSeconds(5))
                        .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals("debug true", response.body());
        assertEquals(List.of("start"), events);
        runner.shutdownNow();                       // interrupts run, which stops the server gracefully

        assertEquals(0, running.get(10, TimeUnit.SECONDS));
        assertEquals(List.of("start", "stop"), events);
        assertEquals(" * Serving Carafe app on http://127.0.0.1:" + port + "/ (Ctrl-C to stop)\n"
                + " * Debug mode: on. Error pages show the stack trace and source lines to clients on this machine; "
                + "never use it in production.\n * Stopped.\n", out());
    }

    @Test
    void runOnAPortInUseFailsWith1() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int status = new App().cli(new String[] {"run", "--port", String.valueOf(taken.getLocalPort())}, out, err);
            assertEquals(1, status);
            assertTrue(errBytes.toString(StandardCharsets.UTF_8).startsWith("Error: Cannot listen on 127.0.0.1:"
                    + taken.getLocalPort() + ": "), errBytes.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void runFailsWith1WhenAStartFunctionFails() {
        App app = new App();
        app.onStart(context -> {
            throw new IllegalStateException("DATABASE is not set");
        });
        assertEquals(1, app.cli(new String[] {"run", "--port", "0"}, out, err));
        assertEquals("Error: The App's onStart function 1 of 1 failed, so the App cannot serve: "
                + "java.lang.IllegalStateException: DATABASE is not set\n", errBytes.toString(StandardCharsets.UTF_8));
        assertEquals("", out());
    }

    @Test
    void badRunOptionsAreUsageErrors() {
        App app = new App();
        assertEquals(2, app.cli(new String[] {"run", "--port", "http"}, out, err));
        assertEquals(2, app.cli(new String[] {"run", "--port", "70000"}, out, err));
        assertEquals(2, app.cli(new String[] {"run", "--reload"}, out, err));
        String errors = errBytes.toString(StandardCharsets.UTF_8);
        assertTrue(errors.startsWith("""
                Error: invalid value for '--port': 'http' is not a port number from 0 to 65535.
                Usage: run [--host HOST] [--port PORT] [--debug]
                """), errors);
        assertTrue(errors.contains("Error: invalid value for '--port': '70000' is not a port number from 0 to 65535.\n"),
                errors);
        assertTrue(errors.contains("Error: no such option '--reload' for command 'run'.\n"), errors);
    }
}
