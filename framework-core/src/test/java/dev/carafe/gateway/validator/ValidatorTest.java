package dev.carafe.gateway.validator;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.carafe.gateway.Application;
import dev.carafe.gateway.BodyWriter;
import dev.carafe.gateway.Environ;
import dev.carafe.gateway.Header;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidatorTest {

    private final Harness harness = new Harness();

    /** A closeable body that counts its closes. */
    private static final class CountingBody implements Iterable<byte[]>, AutoCloseable {
        final List<byte[]> chunks;
        int closes;
        boolean broken;

        CountingBody(String... chunks) {
            this.chunks = new ArrayList<>();
            for (String chunk : chunks) {
                this.chunks.add(chunk.getBytes(UTF_8));
            }
        }

        @Override
        public Iterator<byte[]> iterator() {
            if (broken) {
                throw new IllegalStateException("broken body");
            }
            return chunks.iterator();
        }

        @Override
        public void close() {
            closes++;
        }
    }

    @Test
    void aCorrectApplicationAndEnvironPassWithoutWarnings() throws Exception {
        Application app = (environ, startResponse) -> {
            InputStream input = (InputStream) environ.get(Environ.GATEWAY_INPUT);
            String name = new String(input.readNBytes(Integer.parseInt((String) environ.get(Environ.CONTENT_LENGTH))),
                    UTF_8);
            BodyWriter writer = startResponse.start("200 OK", new ArrayList<>(List.of(
                    new Header("Content-Type", "text/plain; charset=utf-8"), new Header("Content-Length", "14"),
                    new Header("ETag", "W/\"v1\""), new Header("Set-Cookie", "a=1"), new Header("Set-Cookie", "b=2"))));
            writer.write("Hello, ".getBytes(UTF_8));
            return List.of(name.getBytes(UTF_8), "!".getBytes(UTF_8));
        };
        HashMap<String, Object> environ = harness.environ("carafe");
        environ.put(Environ.REQUEST_METHOD, "POST");
        environ.put(Environ.CONTENT_LENGTH, "6");
        environ.put(Environ.CONTENT_TYPE, "text/plain");
        assertEquals("Hello, carafe!", harness.serve(environ, app));
        assertEquals("200 OK", harness.status);
        assertEquals(List.of(), harness.warnings);
        assertEquals("", harness.errors.toString());
    }

    @Test
    void closeIsForwardedExactlyOnce() throws Exception {
        CountingBody body = new CountingBody("a", "b");
        harness.serve((environ, startResponse) -> {
            startResponse.start("200 OK", List.of(new Header("Content-Type", "text/plain")));
            return body;
        });
        assertEquals(1, body.closes);
    }

    @Test
    void closeIsForwardedOnceWhenIterationFails() {
        CountingBody body = new CountingBody();
        body.broken = true;
        Application app = (environ, startResponse) -> {
            startResponse.start("200 OK", List.of(new Header("Content-Type", "text/plain")));
            return body;
        };
        assertEquals("broken body", assertThrows(IllegalStateException.class, () -> harness.serve(app)).getMessage());
        assertEquals(1, body.closes);
        assertEquals(List.of(), harness.warnings);
    }

    @Test
    void excInfoReplacesAnUnsentResponseThroughTheValidator() throws Exception {
        Application app = (environ, startResponse) -> {
            startResponse.start("200 OK", List.of(new Header("Content-Type", "text/plain")));
            try {
                throw new IllegalStateException("database down");
            } catch (IllegalStateException e) {
                startResponse.start("500 Internal Server Error",
                        List.of(new Header("Content-Type", "text/plain"), new Header("Content-Length", "5")), e);
                return List.of("error".getBytes(UTF_8));
            }
        };
        assertEquals("error", harness.serve(app));
        assertEquals("500 Internal Server Error", harness.status);
        assertEquals(List.of(), harness.warnings);
    }

    @Test
    void anErrorHandlerMayPassExcInfoOnTheFirstCall() throws Exception {
        Application failing = (environ, startResponse) -> {
            throw new IllegalStateException("failed before start");
        };
        Application errorPage = (environ, startResponse) -> {
            try {
                return failing.call(environ, startResponse);
            } catch (IllegalStateException e) {
                startResponse.start("500 Internal Server Error", List.of(new Header("Content-Type", "text/plain")), e);
                return List.of("error".getBytes(UTF_8));
            }
        };
        assertEquals("error", harness.serve(errorPage));
        assertEquals("500 Internal Server Error", harness.status);
        assertEquals(List.of(), harness.warnings);
    }

    @Test
    void excInfoIsRethrownThroughTheValidatorOnceHeadersWereSent() {
        IllegalStateException failure = new IllegalStateException("late failure");
        Application app = (environ, startResponse) -> {
            BodyWriter writer = startResponse.start("200 OK", List.of(new Header("Content-Type", "text/plain")));
            writer.write("partial".getBytes(UTF_8));
            startResponse.start("500 Internal Server Error", List.of(new Header("Content-Type", "text/plain")), failure);
            return List.of();
        };
        assertSame(failure, assertThrows(IllegalStateException.class, () -> harness.serve(app)));
    }

    @Test
    void theValidatorYieldsOneChunkPerUpstreamChunk() throws Exception {
        CountingBody body = new CountingBody("a", "", "b", "c");
        assertEquals("abc", harness.serve((environ, startResponse) -> {
            startResponse.start("200 OK", List.of(new Header("Content-Type", "text/plain")));
            return body;
        }));
        assertEquals(4, harness.chunks);
    }

    @Test
    void warningsGoToGatewayErrorsByDefault() throws Exception {
        HashMap<String, Object> environ = harness.environ();
        Iterable<byte[]> body = Validator.create().wrap((env, startResponse) -> {
            startResponse.start("200 OK", List.of());
            return List.of();
        }).call(environ, harness.startResponse());
        body.iterator().hasNext();
        ((AutoCloseable) body).close();
        assertEquals("Gateway rule 22 (Content-Type): the response \"200 OK\" has no Content-Type header; expected one "
                + "on every response except 204 and 304. Add a header such as new Header(\"Content-Type\", "
                + "\"text/plain; charset=utf-8\")." + System.lineSeparator(), harness.errors.toString());
    }
}
