package dev.carafe.gateway.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.carafe.gateway.Application;
import dev.carafe.gateway.BodyWriter;
import dev.carafe.gateway.Environ;
import dev.carafe.gateway.Header;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Hosting.respond in process, against a recording exchange: the parts a real socket cannot show. */
class HostingTest {

    private final RecordingExchange exchange = new RecordingExchange();

    private static Map<String, Object> environ(String method) {
        Map<String, Object> environ = new HashMap<>();
        environ.put(Environ.REQUEST_METHOD, method);
        environ.put(Environ.REQUEST_URI, "/thing");
        return environ;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void nullBodyIsLoggedAndAnswered500() throws Exception {
        Hosting.respond((environ, startResponse) -> {
            startResponse.start("200 OK", List.of());
            return null;
        }, environ("GET"), exchange);
        assertEquals(new ResponseHead(500, "Internal Server Error", List.of(new Header("Content-Type",
                "text/plain; charset=utf-8")), OptionalLong.of(22), true), exchange.head());
        assertEquals("Internal Server Error\n", exchange.body.toString(StandardCharsets.UTF_8));
        assertEquals(List.of("The application failed while handling GET /thing; answering 500 Internal Server Error."),
                exchange.logged);
        assertEquals("The application returned null instead of a body; return an empty list for no body.",
                exchange.errors.get(0).getMessage());
    }

    @Test
    void informationalStatusIsRefusedAsAnApplicationsResponse() throws Exception {
        Hosting.respond((environ, startResponse) -> {
            startResponse.start("101 Switching Protocols", List.of());
            return List.of();
        }, environ("GET"), exchange);
        assertEquals(500, exchange.head().code());
        assertEquals("Status \"101 Switching Protocols\" is informational (1xx); an application's response needs a"
                + " final status from 200 to 599, for example \"200 OK\". The server sends 100 Continue itself when"
                + " the application reads the body.", exchange.errors.get(0).getMessage());
    }

    @Test
    void aStatusFrom600UpIsRefusedAsNotHttp() throws Exception {
        Hosting.respond((environ, startResponse) -> {
            startResponse.start("999 Message here", List.of());
            return List.of();
        }, environ("GET"), exchange);
        assertEquals(500, exchange.head().code());
        assertEquals("Status \"999 Message here\" is not an HTTP status (RFC 9110 allows 100 to 599); an application's"
                + " response needs a final status from 200 to 599, for example \"500 Internal Server Error\".",
                exchange.errors.get(0).getMessage());
    }

    @Test
    void nullStatusIsRefusedWithWhatToPass() throws Exception {
        Hosting.respond((environ, startResponse) -> {
            startResponse.start(null, List.of());
            return List.of();
        }, environ("GET"), exchange);
        assertEquals(500, exchange.head().code());
        assertEquals("The status is null; pass a status line such as \"200 OK\".", exchange.errors.get(0).getMessage());
    }

    @Test
    void nullChunkIsAContractViolation() throws Exception {
        java.util.List<byte[]> body = new java.util.ArrayList<>();
        body.add(null);
        Hosting.respond((environ, startResponse) -> {
            startResponse.start("200 OK", List.of());
            return body;
        }, environ("GET"), exchange);
        assertEquals(GatewayResponse.NULL_CHUNK, exchange.errors.get(0).getMessage());
    }

    @Test
    void bytesBeforeStartAreRejected() throws Exception {
        Hosting.respond((environ, startResponse) -> List.of(bytes("too early")), environ("GET"), exchange);
        assertEquals(500, exchange.head().code());
        assertEquals("The application produced body bytes before calling start(); call"
                + " startResponse.start(status, headers) before the first chunk.", exchange.errors.get(0).getMessage());
    }

    @Test
    void bodyEndingWithoutStartIsRejected() throws Exception {
        Hosting.respond((environ, startResponse) -> List.of(), environ("GET"), exchange);
        assertEquals("The application's body ended without a call to start(); call"
                + " startResponse.start(status, headers) before returning the body.",
                exchange.errors.get(0).getMessage());
    }

    @Test
    void writingAfterTheBodyWasClosedIsRejected() throws Exception {
        AtomicReference<BodyWriter> writer = new AtomicReference<>();
        Hosting.respond((environ, startResponse) -> {
            writer.set(startResponse.start("200 OK", List.of()));
            return List.of();
        }, environ("GET"), exchange);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> writer.get().write(bytes("late")));
        assertEquals(GatewayResponse.WRITE_AFTER_CLOSE, e.getMessage());
    }

    @Test
    void firstStartThatWasRejectedCannotBeRetriedWithoutExcInfo() throws Exception {
        AtomicReference<Exception> retry = new AtomicReference<>();
        Hosting.respond((environ, startResponse) -> {
            try {
                startResponse.start("200 OK", List.of(new Header("Upgrade", "h2c")));
            } catch (IllegalArgumentException rejected) {
                try {
                    startResponse.start("200 OK", List.of());
                } catch (IllegalStateException e) {
                    retry.set(e);
                }
                startResponse.start("502 Bad Gateway", List.of(), rejected);
            }
            return List.of(bytes("fallback"));
        }, environ("GET"), exchange);
        assertEquals(GatewayResponse.SECOND_START, retry.get().getMessage());
        assertEquals(502, exchange.head().code());
        assertEquals("fallback", exchange.body.toString(StandardCharsets.UTF_8));
    }

    @Test
    void noContentResponseLosesItsContentLength() throws Exception {
        Hosting.respond((environ, startResponse) -> {
            startResponse.start("204 No Content", List.of(new Header("Content-Length", "0"), new Header("X-A", "1")));
            return List.of();
        }, environ("GET"), exchange);
        assertEquals(new ResponseHead(204, "No Content", List.of(new Header("X-A", "1")), OptionalLong.empty(), false),
                exchange.head());
    }

    @Test
    void headRequestStopsIteratingOnceTheHeadWasCommitted() throws Exception {
        AtomicInteger produced = new AtomicInteger();
        AtomicInteger closes = new AtomicInteger();
        Hosting.respond((environ, startResponse) -> {
            startResponse.start("200 OK", List.of(new Header("Content-Length", "3000")));
            return new ClosingBody(produced, closes);
        }, environ("HEAD"), exchange);
        assertEquals(OptionalLong.of(3000), exchange.head().contentLength());
        assertEquals(false, exchange.head().bodyAllowed());
        assertEquals(1, produced.get());
        assertEquals(1, closes.get());
        assertEquals(0, exchange.body.size());
    }

    @Test
    void bodyShorterThanItsContentLengthAbortsTheExchange() {
        Application shortBody = (environ, startResponse) -> {
            startResponse.start("200 OK", List.of(new Header("Content-Length", "5")));
            return List.of(bytes("abc"));
        };
        IOException aborted = assertThrows(IOException.class,
                () -> Hosting.respond(shortBody, environ("GET"), exchange));
        assertEquals("The response to GET /thing was aborted after it was committed.", aborted.getMessage());
        assertEquals("The response declared Content-Length: 5 but the application sent only 3 bytes; the connection"
                + " is closed so the client sees a truncated response. Fix the Content-Length header or the body.",
                exchange.errors.get(0).getMessage());
    }

    @Test
    void clientDisconnectHandsTheHostsOwnExceptionBackAndLogsNothing() throws Exception {
        IOException gone = new IOException("Broken pipe");
        RecordingExchange closedByClient = new RecordingExchange(gone);
        AtomicInteger closes = new AtomicInteger();
        IOException thrown = assertThrows(IOException.class, () -> Hosting.respond((environ, startResponse) -> {
            startResponse.start("200 OK", List.of());
            return new ClosingBody(new AtomicInteger(), closes);
        }, environ("GET"), closedByClient));
        assertSame(gone, thrown);
        assertEquals(1, closes.get());
        assertEquals(List.of(), closedByClient.logged);
    }

    @Test
    void writerReportsADisconnectAsAnIOException() {
        IOException gone = new IOException("Connection reset");
        AtomicReference<IOException> seenByApp = new AtomicReference<>();
        assertThrows(IOException.class, () -> Hosting.respond((environ, startResponse) -> {
            try {
                startResponse.start("200 OK", List.of()).write(bytes("x"));
            } catch (IOException e) {
                seenByApp.set(e);
                throw e;
            }
            return List.of();
        }, environ("GET"), new RecordingExchange(gone)));
        assertSame(gone, seenByApp.get().getCause());
    }

    @Test
    void failureInCloseAfterTheBodyWasSentIsLoggedAndAbortsTheExchange() {
        assertThrows(IOException.class, () -> Hosting.respond((environ, startResponse) -> {
            startResponse.start("200 OK", List.of());
            return new ClosingBody(new AtomicInteger(), new AtomicInteger()) {
                @Override
                public Iterator<byte[]> iterator() {
                    return List.of(bytes("done")).iterator();
                }

                @Override
                public void close() {
                    throw new IllegalStateException("close failed");
                }
            };
        }, environ("GET"), exchange));
        assertEquals(List.of("The application failed while sending the response to GET /thing; the connection is"
                + " dropped, so the client sees an incomplete response."), exchange.logged);
        assertEquals("close failed", exchange.errors.get(0).getMessage());
    }

    /** Endless "x" chunks that count what they produce and how often they are closed. */
    private static class ClosingBody implements Iterable<byte[]>, AutoCloseable {
        private final AtomicInteger produced;
        private final AtomicInteger closes;

        ClosingBody(AtomicInteger produced, AtomicInteger closes) {
            this.produced = produced;
            this.closes = closes;
        }

        @Override
        public Iterator<byte[]> iterator() {
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return true;
                }

                @Override
                public byte[] next() {
                    produced.incrementAndGet();
                    return new byte[] {'x'};
                }
            };
        }

        @Override
        public void close() {
            closes.incrementAndGet();
        }
    }
}
