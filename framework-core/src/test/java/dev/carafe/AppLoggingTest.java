package dev.carafe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The App logs through System.Logger "dev.carafe.App" (java.util.logging by default), with the request line. */
class AppLoggingTest {

    private final SignedCookies.LogCapture log = new SignedCookies.LogCapture("dev.carafe.App", Level.INFO);

    @AfterEach
    void release() {
        log.close();
    }

    @Test
    void anUnhandledExceptionIsLoggedOnceWithTheRequestLine() {
        App app = new App();
        IllegalStateException failure = new IllegalStateException("boom");
        app.get("/boom", request -> {
            throw failure;
        });

        assertEquals(500, app.testClient().get("/boom?page=2").status());

        assertEquals(1, log.records.size(), log.messages().toString());
        assertEquals(Level.SEVERE, log.records.get(0).getLevel());
        assertEquals("Exception on \"GET /boom?page=2 HTTP/1.1\"; answering 500 Internal Server Error.",
                log.records.get(0).getMessage());
        assertSame(failure, log.records.get(0).getThrown());
    }

    @Test
    void aFailingTeardownFunctionIsLoggedWithTheRequestLine() {
        App app = new App();
        app.get("/", request -> "ok");
        app.teardownRequest((request, error) -> {
            throw new IllegalStateException("cannot close");
        });

        assertEquals(405, app.testClient().request("POST", "/").send().status());
        assertEquals(List.of("A teardown-request function failed on \"POST / HTTP/1.1\"; the others still ran."),
                log.messages());
    }

    @Test
    void theAppsLoggerIsTheOneTheFrameworkWritesTo() {
        App app = new App();
        app.logger().log(System.Logger.Level.INFO, "Initialized the database.");
        assertEquals("dev.carafe.App", app.logger().getName());
        assertEquals(List.of("Initialized the database."), log.messages());
    }
}
