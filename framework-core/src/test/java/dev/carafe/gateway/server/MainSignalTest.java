package dev.carafe.gateway.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the command line as a child JVM and stops it with SIGTERM while a request is in flight. */
class MainSignalTest {

    private static final Pattern PORT = Pattern.compile("on http://127\\.0\\.0\\.1:(\\d+) ");

    @TempDir
    Path folder;

    /** Waits until the child's output holds a match of the pattern (the output goes to a file: no pipe races). */
    private static Matcher await(Path output, Pattern pattern) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            Matcher m = pattern.matcher(Files.readString(output, StandardCharsets.UTF_8));
            if (m.find()) {
                return m;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the child never printed " + pattern + "; it printed:\n"
                + Files.readString(output, StandardCharsets.UTF_8));
    }

    @Test
    void sigtermLetsTheRequestInFlightFinishThenStops() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path output = folder.resolve("output.txt");
        Process process = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), CommandLineApps.Hello.class.getName() + ":slow", "--bind", "127.0.0.1:0",
                "--graceful-timeout", "5"))
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            int port = Integer.parseInt(await(output, PORT).group(1));
            CompletableFuture<String> response = CompletableFuture.supplyAsync(() -> {
                try {
                    return MainTest.get(port, "/");
                } catch (IOException e) {
                    return "failed: " + e;
                }
            });
            await(output, Pattern.compile(Pattern.quote(CommandLineApps.SLOW_STARTED)));
            process.destroy();
            String answer = response.get(10, TimeUnit.SECONDS);
            assertTrue(answer.endsWith("\r\n\r\nslow"), answer);
            assertTrue(process.waitFor(10, TimeUnit.SECONDS), "the server did not stop after SIGTERM");
            assertEquals(143, process.exitValue(), "a JVM stopped by SIGTERM exits with 128 + 15");
            await(output, Pattern.compile("Carafe gateway server: stopped\\."));
        } finally {
            process.destroyForcibly();
        }
    }
}
