package dev.carafe.gateway.testing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.carafe.gateway.Application;
import dev.carafe.gateway.BodyWriter;
import dev.carafe.gateway.Header;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** The test client plays the server's part: headers at the first byte, excInfo, write() order, close exactly once. */
class TestClientServerRoleTest {

    /** Yields an empty chunk, then replaces its response with excInfo from inside the iteration, then yields. */
    private static Application replacingAfter(byte[] firstChunk) {
        return (environ, startResponse) -> {
            startResponse.start("200 OK", List.of(new Header("Content-Type", "text/plain")));
            return () -> new Iterator<>() {
                private int next;

                @Override
                public boolean hasNext() {
                    return next < 2;
                }

                @Override
                public byte[] next() {
                    if (next++ == 0) {
                        return firstChunk;
                    }
                    try {
                        startResponse.start("503 Service Unavailable", List.of(new Header("Content-Type", "text/plain")),
                                new IllegalStateException("overloaded"));
                    } catch (Exception e) {
                        throw Sneaky.<RuntimeException>rethrow(e);
                    }
                    return "busy".getBytes(UTF_8);
                }
            };
        };
    }

    @Test
    void headersAreSentWithTheFirstNonEmptyChunkSoExcInfoCanStillReplaceThem() {
        TestResponse response = TestClient.of(replacingAfter(new byte[0])).get("/");
        assertEquals(503, response.status());
        assertEquals("busy", response.text());
    }

    @Test
    void excInfoIsRethrownAfterANonEmptyChunkWasSent() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> TestClient.of(replacingAfter("a".getBytes(UTF_8))).get("/"));
        assertEquals("overloaded", e.getMessage());
    }

    @Test
    void excInfoIsRethrownOnceTheHeadersWereSent() {
        IOException failure = new IOException("disk gone");
        Application app = (environ, startResponse) -> {
            BodyWriter writer = startResponse.start("200 OK", List.of(new Header("Content-Type", "text/plain")));
            writer.write("partial".getBytes(UTF_8));
            startResponse.start("500 Internal Server Error", List.of(new Header("Content-Type", "text/plain")), failure);
            return List.of();
        };
        assertSame(failure, assertThrows(IOException.class, () -> TestClient.of(app).get("/")));
    }

    @Test
    void writeOutputComesBeforeBodyChunks() {
        Application app = (environ, startResponse) -> {
            BodyWriter writer = startResponse.start("200 OK", List.of(new Header("Content-Type", "text/plain")));
            writer.write("first ".getBytes(UTF_8));
            return List.of("second".getBytes(UTF_8));
        };
        assertEquals("first second", TestClient.of(app).get("/").text());
    }

    /** A body whose iteration fails after one chunk and which counts its closes. */
    private static final class FailingBody implements Iterable<byte[]>, AutoCloseable {
        int closes;

        @Override
        public Iterator<byte[]> iterator() {
            return new Iterator<>() {
                private boolean first = true;

                @Override
                public boolean hasNext() {
                    return true;
                }

                @Override
                public byte[] next() {
                    if (!first) {
                        throw new NoSuchElementException("the database cursor broke");
                    }
                    first = false;
                    return "row".getBytes(UTF_8);
                }
            };
        }

        @Override
        public void close() {
            closes++;
        }
    }

    @Test
    void theBodyIsClosedExactlyOnceEvenWhenIterationThrows() {
        for (boolean validated : List.of(true, false)) {
            FailingBody body = new FailingBody();
            Application app = (environ, startResponse) -> {
                startResponse.start("200 OK", List.of(new Header("Content-Type", "text/plain")));
                return body;
            };
            TestClient client = TestClient.builder(app).validator(validated).build();
            NoSuchElementException e = assertThrows(NoSuchElementException.class, () -> client.get("/"));
            assertEquals("the database cursor broke", e.getMessage());
            assertEquals(1, body.closes);
        }
    }
}
