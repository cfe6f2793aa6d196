package dev.carafe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carafe.gateway.jdk.JdkServer;
import dev.carafe.gateway.server.GatewayServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** onStart and onStop: run by the servers hosting the App, inside an app context. */
class AppLifecycleTest {

    private final List<String> events = new CopyOnWriteArrayList<>();

    private App recordingApp() {
        App app = new App();
        app.get("/", request -> {
            events.add("request");
            return "ok";
        });
        app.onStart(context -> {
            context.g().put("step", "start");
            events.add("start 1");
        });
        app.onStart(context -> events.add("start 2"));
        app.onStop(context -> {
            context.g().put("step", "stop");
            events.add("stop 1");
        });
        app.onStop(context -> events.add("stop 2"));
        app.teardownAppContext((context, error) -> {
            if (context.g().containsKey("step")) {
                events.add("teardown after " + context.g().get("step"));
            }
        });
        return app;
    }

    private static String get(int port) throws Exception {
        return HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).timeout(Duration.ofSeconds(5))
                        .build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void theGatewayServerRunsStartFunctionsBeforeServingAndStopFunctionsInReverseAfterStopping() throws Exception {
        App app = recordingApp();
        GatewayServer server = app.start("127.0.0.1", 0);
        try {
            assertEquals("ok", get(server.port()));
        } finally {
            server.stop(Duration.ofMillis(200));
        }
        assertEquals(List.of("start 1", "start 2", "teardown after start", "request", "stop 2", "stop 1",
                "teardown after stop"), events);
    }

    @Test
    void theJdkServerRunsThemToo() throws Exception {
        App app = recordingApp();
        try (JdkServer server = JdkServer.start(app, new InetSocketAddress("127.0.0.1", 0))) {
            assertEquals("ok", get(server.port()));
        }
        assertEquals(List.of("start 1", "start 2", "teardown after start", "request", "stop 2", "stop 1",
                "teardown after stop"), events);
    }

    @Test
    void twoServersOfOneAppRunTheStartFunctionsOnceAndTheStopFunctionsWhenTheLastStops() throws Exception {
        App app = recordingApp();
        GatewayServer first = app.start("127.0.0.1", 0);
        GatewayServer second = app.start("127.0.0.1", 0);
        first.stop(Duration.ofMillis(100));
        assertEquals(List.of("start 1", "start 2", "teardown after start"), events);
        second.stop(Duration.ofMillis(100));
        assertEquals(List.of("start 1", "start 2", "teardown after start", "stop 2", "stop 1", "teardown after stop"),
                events);

        events.clear();
        app.start("127.0.0.1", 0).stop(Duration.ofMillis(100));   // started again after a full stop
        assertEquals(List.of("start 1", "start 2", "teardown after start", "stop 2", "stop 1", "teardown after stop"),
                events);
    }

    @Test
    void aFailingStartFunctionStopsTheServerFromStartingAndSaysWhichFunctionFailed() {
        App app = new App();
        SQLException cause = new SQLException("no such table: post");
        app.onStart(context -> events.add("start 1"));
        app.onStart(context -> {
            throw cause;
        });
        app.onStart(context -> events.add("start 3"));
        app.onStop(context -> events.add("stop"));
        app.teardownAppContext((context, error) -> events.add("teardown " + error.map(Throwable::getMessage)
                .orElse("-")));

        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> app.start("127.0.0.1", 0));

        assertEquals("The App's onStart function 2 of 3 failed, so the App cannot serve: java.sql.SQLException: "
                + "no such table: post", failure.getMessage());
        assertSame(cause, failure.getCause());
        assertEquals(List.of("start 1", "teardown " + failure.getMessage()), events);
    }

    @Test
    void aFailingStopFunctionDoesNotKeepTheOthersFromRunning() throws Exception {
        App app = new App();
        app.onStop(context -> events.add("stop 1"));
        app.onStop(context -> {
            throw new IllegalStateException("cannot flush");
        });
        app.start("127.0.0.1", 0).stop(Duration.ofMillis(100));
        assertEquals(List.of("stop 1"), events);
    }

    @Test
    void lifecycleFunctionsAreSetUpBeforeTheAppServes() throws Exception {
        App app = new App();
        app.start("127.0.0.1", 0).stop(Duration.ofMillis(100));
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> app.onStart(context -> { }));
        assertTrue(refused.getMessage().startsWith("The setup method 'onStart' can no longer be called"),
                refused.getMessage());
    }
}
