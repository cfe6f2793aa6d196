package dev.carafe.gateway.middleware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carafe.gateway.Application;
import dev.carafe.gateway.Header;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

class RequestLogTest {

    private final List<String> lines = new ArrayList<>();
    private final RequestLog log = RequestLog.to(lines::add);

    private static Application returning(Iterable<byte[]> body) {
        return (environ, startResponse) -> {
            startResponse.start("200 OK", List.of(new Header("Content-Type", "text/plain")));
            return body;
        };
    }

    private String line() {
        assertEquals(1, lines.size(), "exactly one line per request: " + lines);
        return lines.get(0).replaceFirst(" \\d+ms", " Nms");
    }

    @Test
    void logsOneLineAfterTheBodyWasClosed() throws Exception {
        CountingBody body = CountingBody.of("hello", " world");
        Application app = log.wrap(returning(body));
        Iterable<byte[]> returned = app.call(Exchange.environ("GET", "/shop/items?page=2"), (s, h, e) -> c -> { });
        for (byte[] chunk : returned) {
            assertTrue(lines.isEmpty(), "nothing is logged before the body is closed");
        }
        ((AutoCloseable) returned).close();
        ((AutoCloseable) returned).close();
        assertEquals("10.0.0.1 \"GET /shop/items?page=2\" 200 11 Nms", line());
        assertEquals(1, body.closes.get());
    }

    @Test
    void countsBytesWrittenThroughTheBodyWriter() throws Exception {
        Application app = log.wrap((environ, startResponse) -> {
            startResponse.start("201 Created", List.of()).write("abc".getBytes(StandardCharsets.UTF_8));
            return List.of("de".getBytes(StandardCharsets.UTF_8));
        });
        Exchange.Result result = Exchange.run(app, "POST", "/items");
        assertEquals("abcde", result.text());
        assertEquals("10.0.0.1 \"POST /items\" 201 5 Nms", line());
    }

    @Test
    void logsTheFullPathWithScriptNameEncoded() throws Exception {
        var environ = Exchange.environ("GET", "/a%20b?q=%22x%22");
        environ.put("SCRIPT_NAME", "/app");
        Exchange.run(log.wrap(returning(List.of())), environ);
        assertEquals("10.0.0.1 \"GET /app/a%20b?q=%22x%22\" 200 0 Nms", line());
    }

    @Test
    void rawQuotesAndControlsInTheQueryCannotForgeLogLines() throws Exception {
        Exchange.run(log.wrap(returning(List.of())), "GET", "/?a=\"\n");
        assertEquals("10.0.0.1 \"GET /?a=%22%0A\" 200 0 Nms", line());
    }

    @Test
    void anApplicationThatThrowsIsLoggedAndRethrown() {
        IllegalStateException boom = new IllegalStateException("boom");
        Application app = log.wrap((environ, startResponse) -> {
            throw boom;
        });
        assertSame(boom, assertThrows(IllegalStateException.class, () -> Exchange.run(app, "GET", "/x")));
        assertEquals("10.0.0.1 \"GET /x\" - 0 Nms failed: java.lang.IllegalStateException: boom", line());
    }

    @Test
    void aBodyThatThrowsDuringIterationIsLoggedOnceAndClosedOnce() {
        CountingBody body = CountingBody.failingAfter("abc");
        Application app = log.wrap(returning(body));
        assertThrows(IllegalStateException.class, () -> Exchange.run(app, "GET", "/x"));
        assertEquals("10.0.0.1 \"GET /x\" 200 3 Nms failed: java.lang.IllegalStateException: boom in iteration",
                line());
        assertEquals(1, body.closes.get());
    }

    @Test
    void excInfoIsPassedThroughAndTheReplacedStatusIsLogged() throws Exception {
        IllegalStateException failure = new IllegalStateException("handled");
        List<Throwable> passed = new ArrayList<>();
        Application app = log.wrap((environ, startResponse) -> {
            startResponse.start("200 OK", List.of());
            startResponse.start("500 Internal Server Error", List.of(), failure);
            return List.of();
        });
        Iterable<byte[]> body = app.call(Exchange.environ("GET", "/"), (status, headers, excInfo) -> {
            passed.add(excInfo);
            return chunk -> { };
        });
        ForwardingBody.close(body);
        assertEquals(java.util.Arrays.asList(null, failure), passed);
        assertEquals("10.0.0.1 \"GET /\" 500 0 Nms", line());
    }

    @Test
    void systemLoggerGetsInfoLinesAndErrorsWithTheException() throws Exception {
        List<String> records = new ArrayList<>();
        System.Logger logger = new System.Logger() {
            @Override
            public String getName() {
                return "test";
            }

            @Override
            public boolean isLoggable(Level level) {
                return true;
            }

            @Override
            public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
                records.add(level + " " + msg.replaceFirst(" \\d+ms", " Nms") + " / " + thrown.getMessage());
            }

            @Override
            public void log(Level level, ResourceBundle bundle, String format, Object... params) {
                records.add(level + " " + format.replaceFirst(" \\d+ms", " Nms"));
            }
        };
        Application ok = RequestLog.to(logger).wrap(returning(List.of(new byte[4])));
        Exchange.run(ok, "GET", "/ok");
        Application failing = RequestLog.to(logger).wrap((environ, startResponse) -> {
            throw new IllegalArgumentException("bad");
        });
        assertThrows(IllegalArgumentException.class, () -> Exchange.run(failing, "GET", "/bad"));
        assertEquals(List.of("INFO 10.0.0.1 \"GET /ok\" 200 4 Nms",
                "ERROR 10.0.0.1 \"GET /bad\" - 0 Nms failed: java.lang.IllegalArgumentException: bad / bad"), records);
    }
}
