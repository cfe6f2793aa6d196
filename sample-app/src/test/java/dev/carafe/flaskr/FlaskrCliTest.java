package dev.carafe.flaskr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carafe.App;
import dev.carafe.AppContext;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** flaskr's command line, called in-process with captured output. */
class FlaskrCliTest {

    @TempDir
    Path dir;

    @Test
    void initDbCreatesEmptyTablesAndSaysSo() throws Exception {
        App app = app(dir.resolve("flaskr.sqlite"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertEquals(0, app.cli(new String[] {"init-db"}, print(out), System.err));

        assertEquals("Initialized the database.\n", out.toString(StandardCharsets.UTF_8));
        try (AppContext context = app.appContext()) {
            assertEquals(Optional.of(Map.of("n", 0)), Database.of(context).queryOne("SELECT COUNT(*) AS n FROM post"));
        }
    }

    @Test
    void routesListsFlaskrsEndpoints() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertEquals(0, app(dir.resolve("flaskr.sqlite")).cli(new String[] {"routes"}, print(out), System.err));

        String table = out.toString(StandardCharsets.UTF_8);
        for (String line : new String[] {"auth.login +GET, POST +/auth/login", "auth.logout +GET +/auth/logout",
                "auth.register +GET, POST +/auth/register", "blog.create +GET, POST +/create",
                "blog.delete +POST +/<int:id>/delete", "blog.index +GET +/", "blog.update +GET, POST +/<int:id>/update",
                "hello +GET +/hello", "static +GET +/static/<path:filename>"}) {
            assertTrue(Pattern.compile("(?m)^" + line.replace("(", "\\(") + "\\s*$").matcher(table).find(),
                    "no line '" + line + "' in:\n" + table);
        }
    }

    @Test
    void runCreatesTheMissingDatabaseAndServesUntilStopped() throws Exception {
        Path database = dir.resolve("instance/flaskr.sqlite");
        App app = app(database);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExecutorService runner = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> running = runner.submit(() -> app.cli(new String[] {"run", "--port", "0"}, print(out),
                    System.err));
            int port = awaitPort(out);
            assertTrue(Files.exists(database), "the first start created the database");

            HttpResponse<String> index = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, index.statusCode());
            assertTrue(index.body().contains("<title>Posts - Flaskr</title>"), index.body());

            runner.shutdownNow();                        // interrupts run, which stops the server
            assertEquals(0, running.get(20, TimeUnit.SECONDS));
            assertTrue(out.toString(StandardCharsets.UTF_8).endsWith(" * Stopped.\n"), out.toString());
        } finally {
            runner.shutdownNow();
        }
    }

    private static App app(Path database) {
        return Flaskr.createApp(Map.of("TESTING", true, "DATABASE", database.toString()));
    }

    private static PrintStream print(ByteArrayOutputStream out) {
        return new PrintStream(out, true, StandardCharsets.UTF_8);
    }

    /** The port the run command printed, waiting for it as the server starts. */
    static int awaitPort(ByteArrayOutputStream out) throws InterruptedException {
        Pattern serving = Pattern.compile("Serving Carafe app on http://127\\.0\\.0\\.1:(\\d+)/");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = serving.matcher(out.toString(StandardCharsets.UTF_8));
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
            Thread.sleep(20);
        }
        throw new AssertionError("run did not print its address within 30 s: " + out);
    }
}
