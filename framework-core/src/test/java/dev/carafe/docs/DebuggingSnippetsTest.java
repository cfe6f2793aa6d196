package dev.carafe.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carafe.gateway.testing.TestResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** Runs the code of docs/debugging.md. */
class DebuggingSnippetsTest {

    @Test
    void theDebugPageShowsTheSourceLineOfTheSnippet() {
        TestResponse local = DebuggingSnippets.debug().testClient().get("/boom");
        assertTrue(local.text().contains("throw new IllegalStateException(&#34;no such post&#34;);</span>"),
                local.text());
        TestResponse remote = DebuggingSnippets.debug().testClient().request("GET", "/boom")
                .remoteAddr("198.51.100.7").send();
        assertTrue(remote.text().contains("<h1>Internal Server Error</h1>"), remote.text());
    }

    @Test
    void theCommandLogsThroughTheAppsLogger() {
        List<String> messages = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                messages.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger jul = Logger.getLogger("dev.carafe.App");
        jul.addHandler(capture);
        try {
            assertEquals(0, DebuggingSnippets.logging().cli(new String[] {"init-db"}, System.out, System.err));
        } finally {
            jul.removeHandler(capture);
        }
        assertEquals(List.of("Creating the tables."), messages);
    }
}
