package dev.carafe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The App logs through System.Logger "dev.carafe.App" (java.util.logging by default), with the request line. */
class AppLoggingTest {

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Logger julLogger = Logger.getLogger("dev.carafe.App");
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void capture() {
        julLogger.addHandler(capture);
    }

    @AfterEach
    void release() {
        julLogger.removeHandler(capture);
    }

    @Test
    void anUnhandledExceptionIsLoggedOnceWithTheRequestLine() {
        App app = new App();
        IllegalStateException failure = new IllegalStateException("boom");
        app.get("/boom", request -> {
            throw failure;
        });

        assertEquals(500, app.testClient().get("/boom?page=2").status());

        assertEquals(1, records.size(), records.toString());
        assertEquals(Level.SEVERE, records.get(0).getLevel());
        assertEquals("Exception on \"GET /boom?page=2 HTTP/1.1\"; answering 500 Internal Server Error.",
                records.get(0).getMessage());
        assertSame(failure, records.get(0).getThrown());
    }

    @Test
    void aFailingTeardownFunctionIsLoggedWithTheRequestLine() {
        App app = new App();
        app.get("/", request -> "ok");
        app.teardownRequest((request, error) -> {
            throw new IllegalStateException("cannot close");
        });

        assertEquals(405, app.testClient().request("POST", "/").send().status());
        assertEquals(1, records.size(), records.toString());
        assertEquals("A teardown-request function failed on \"POST / HTTP/1.1\"; the others still ran.",
                records.get(0).getMessage());
    }

    @Test
    void theAppsLoggerIsTheOneTheFrameworkWritesTo() {
        App app = new App();
        app.logger().log(System.Logger.Level.INFO, "Initialized the database.");
        assertEquals("dev.carafe.App", app.logger().getName());
        assertEquals(List.of("Initialized the database."), records.stream().map(LogRecord::getMessage).toList());
    }
}
