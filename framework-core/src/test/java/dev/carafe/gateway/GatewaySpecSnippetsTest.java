package dev.carafe.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The examples in docs/gateway.md do what the page says, run by the page's own server loop. */
class GatewaySpecSnippetsTest {

    /** A connection that records what a server would send, deferring headers as §4.3 requires. */
    static final class RecordingConnection implements GatewaySpecSnippets.Connection {
        String status;
        List<Header> headers;
        boolean headersSent;
        final List<String> sent = new ArrayList<>();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();

        @Override
        public BodyWriter startResponse(String newStatus, List<Header> newHeaders, Throwable excInfo)
                throws Exception {
            if (status != null && excInfo == null) {
                throw new IllegalStateException("start called twice without excInfo");
            }
            if (excInfo != null && headersSent) {
                throw (Exception) excInfo;
            }
            status = newStatus;
            headers = newHeaders;
            return this::send;
        }

        @Override
        public void send(byte[] chunk) {
            if (chunk.length == 0) {
                return;
            }
            finish();
            sent.add(new String(chunk, StandardCharsets.UTF_8));
            body.writeBytes(chunk);
        }

        @Override
        public void finish() {
            if (!headersSent) {
                headersSent = true;
                sent.add("HEADERS " + status);
            }
        }
    }

    private static Map<String, Object> environ(String path, byte[] body) {
        Map<String, Object> environ = new HashMap<>();
        environ.put(Environ.REQUEST_METHOD, "POST");
        environ.put(Environ.PATH_INFO, Environ.decodePath(path));
        environ.put(Environ.GATEWAY_INPUT, new ByteArrayInputStream(body));
        environ.put(Environ.GATEWAY_ERRORS, new PrintWriter(new StringWriter()));
        return environ;
    }

    @Test
    void helloAnswersWithItsLengthAndText() throws Exception {
        RecordingConnection c = new RecordingConnection();
        GatewaySpecSnippets.serve(GatewaySpecSnippets.HELLO, environ("/", new byte[0]), c);
        assertEquals("200 OK", c.status);
        assertEquals(List.of("HEADERS 200 OK", "Hello, World!\n"), c.sent);
        assertTrue(c.headers.contains(new Header("Content-Length", "14")));
    }

    @Test
    void echoReadsTheWholeBodyAndDecodesThePathAsUtf8() throws Exception {
        RecordingConnection c = new RecordingConnection();
        GatewaySpecSnippets.serve(GatewaySpecSnippets.ECHO, environ("/caf%C3%A9", new byte[5]), c);
        assertEquals("/café received 5 bytes\n", c.body.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theCountdownStreamsOneChunkPerLineAndIsClosed() throws Exception {
        RecordingConnection c = new RecordingConnection();
        GatewaySpecSnippets.Countdown app = new GatewaySpecSnippets.Countdown();
        GatewaySpecSnippets.serve(app, environ("/", new byte[0]), c);
        assertEquals(List.of("HEADERS 200 OK", "3\n", "2\n", "1\n", "0\n"), c.sent);
    }

    @Test
    void theErrorPageReplacesAnUnsentStatusAndRethrowsOnceSent() throws Exception {
        Application failsBeforeSending = (environ, startResponse) -> {
            startResponse.start("200 OK", List.of(new Header("Content-Type", "text/plain")));
            throw new IllegalStateException("database down");
        };
        RecordingConnection c = new RecordingConnection();
        GatewaySpecSnippets.serve(GatewaySpecSnippets.errorPage(failsBeforeSending), environ("/", new byte[0]), c);
        assertEquals(List.of("HEADERS 500 Internal Server Error", "<h1>Internal Server Error</h1>"), c.sent);

        IllegalStateException failure = new IllegalStateException("late");
        RecordingConnection sentAlready = new RecordingConnection();
        sentAlready.startResponse("200 OK", List.of(), null);
        sentAlready.send(new byte[] {'x'});
        Exception rethrown = assertThrows(Exception.class,
                () -> sentAlready.startResponse("500 Internal Server Error", List.of(), failure));
        assertSame(failure, rethrown);
    }

    @Test
    void theShoutMiddlewareTransformsChunksAndWritesDropsContentLengthAndForwardsClose() throws Exception {
        GatewaySpecSnippets.Countdown.Body[] inner = new GatewaySpecSnippets.Countdown.Body[1];
        Application app = (environ, startResponse) -> {
            BodyWriter write = startResponse.start("200 OK", List.of(
                    new Header("Content-Type", "text/plain"), new Header("Content-Length", "99")));
            write.write("hi ".getBytes(StandardCharsets.UTF_8));
            inner[0] = new GatewaySpecSnippets.Countdown.Body(1);
            return inner[0];
        };
        RecordingConnection c = new RecordingConnection();
        GatewaySpecSnippets.serve(GatewaySpecSnippets.SHOUT.wrap(app), environ("/", new byte[0]), c);
        assertEquals(List.of("HEADERS 200 OK", "HI ", "1\n", "0\n"), c.sent);
        assertEquals(List.of(new Header("Content-Type", "text/plain")), c.headers);
        assertTrue(!inner[0].iterator().hasNext(), "the wrapped body was closed");
    }
}
