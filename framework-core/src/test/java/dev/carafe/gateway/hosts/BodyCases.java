package dev.carafe.gateway.hosts;

import static dev.carafe.gateway.hosts.HostKit.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carafe.gateway.BodyWriter;
import dev.carafe.gateway.Header;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Streaming, start-response semantics, closing the body, and failures: every host must pass these. */
interface BodyCases extends HostKit {

    @Test
    default void eachChunkReachesTheClientBeforeTheNextIsProduced() throws Exception {
        CountDownLatch firstArrived = new CountDownLatch(1);
        fixture().serve((environ, startResponse) -> {
            startResponse.start("200 OK", List.of());
            return () -> chunks(bytes("first|"), () -> {
                if (!firstArrived.await(5, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the first chunk never reached the client");
                }
                return bytes("second");
            });
        });
        try (RawConnection connection = open("GET", "/", List.of(), new byte[0])) {
            connection.awaitText("first|");
            firstArrived.countDown();
            assertEquals("first|second", connection.response(false).text());
        }
    }

    @Test
    default void writerOutputComesBeforeTheReturnedChunks() throws Exception {
        fixture().serve((environ, startResponse) -> {
            BodyWriter writer = startResponse.start("200 OK", List.of());
            writer.write(bytes("written "));
            writer.write(new byte[0]);
            return List.of(bytes("returned"));
        });
        assertEquals("written returned", get("/").text());
    }

    @Test
    default void startMayBeCalledWhileTheBodyIsIterated() throws Exception {
        fixture().serve((environ, startResponse) -> () -> chunks(null, () -> {
            startResponse.start("202 Accepted", List.of(new Header("X-Lazy", "yes")));
            return bytes("lazy");
        }));
        RawResponse response = get("/");
        assertEquals(202, response.code());
        assertEquals(Optional.of("yes"), response.header("X-Lazy"));
        assertEquals("lazy", response.text());
    }

    @Test
    default void excInfoReplacesHeadersThatWereNotSent() throws Exception {
        fixture().serve((environ, startResponse) -> {
            startResponse.start("200 OK", List.of(new Header("X-First", "1")));
            try {
                throw new IllegalStateException("rendering failed");
            } catch (IllegalStateException e) {
                startResponse.start("503 Service Unavailable", List.of(new Header("X-Second", "2")), e);
                return List.of(bytes("sorry"));
            }
        });
        RawResponse response = get("/");
        assertEquals(503, response.code());
        assertEquals(Optional.of("2"), response.header("X-Second"));
        assertEquals(Optional.empty(), response.header("X-First"));
        assertEquals("sorry", response.text());
    }

    @Test
    default void excInfoIsRethrownOnceTheHeadersWereSent() throws Exception {
        AtomicReference<Throwable> rethrown = new AtomicReference<>();
        RuntimeException failure = new IllegalStateException("late failure");
        fixture().serve((environ, startResponse) -> {
            startResponse.start("200 OK", List.of()).write(bytes("partial"));
            try {
                startResponse.start("500 Internal Server Error", List.of(), failure);
            } catch (Exception e) {
                rethrown.set(e);
                throw e;
            }
            return List.of();
        });
        RawResponse response = get("/");
        assertSame(failure, rethrown.get());
        assertEquals(200, response.code());
        assertFalse(response.complete(), "an aborted response must not look complete");
    }

    @Test
    default void secondStartWithoutExcInfoIsRejected() throws Exception {
        AtomicReference<Exception> rejected = new AtomicReference<>();
        fixture().serve((environ, startResponse) -> {
            startResponse.start("200 OK", List.of());
            try {
                startResponse.start("404 Not Found", List.of());
            } catch (RuntimeException e) {
                rejected.set(e);
                throw e;
            }
            return List.of();
        });
        assertEquals(500, get("/").code());
        assertInstanceOf(IllegalStateException.class, rejected.get());
    }

    @Test
    default void bodyIsClosedExactlyOnceAfterTheLastChunk() throws Exception {
        CountingBody body = new CountingBody(List.of(bytes("a"), bytes("b")).iterator());
        fixture().serve(respondWith(body));
        assertEquals("ab", get("/").text());
        assertEquals(1, body.closesAfterTheFirst());
    }

    @Test
    default void failureBeforeAnyOutputGives500AndClosesTheBodyOnce() throws Exception {
        CountingBody body = new CountingBody(chunks(null, () -> {
            throw new IllegalStateException("boom");
        }));
        fixture().serve(respondWith(body));
        RawResponse response = get("/");
        assertEquals(500, response.code());
        assertTrue(response.complete());
        assertEquals(1, body.closesAfterTheFirst());
    }

    @Test
    default void failureAfterOutputAbortsTheResponseAndClosesTheBodyOnce() throws Exception {
        CountingBody body = new CountingBody(chunks(bytes("partial"), () -> {
            throw new IllegalStateException("boom");
        }));
        fixture().serve(respondWith(body));
        RawResponse response = get("/");
        assertEquals(200, response.code());
        assertFalse(response.complete(), "an aborted response must not look complete");
        assertEquals(1, body.closesAfterTheFirst());
    }

    @Test
    default void clientDisconnectStopsTheBodyAndClosesItOnce() throws Exception {
        byte[] block = new byte[64 * 1024];
        CountingBody body = new CountingBody(new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public byte[] next() {
                return block;
            }
        });
        fixture().serve(respondWith(body));
        try (RawConnection connection = open("GET", "/", List.of(), new byte[0])) {
            connection.awaitText("HTTP/1.1 200");
            connection.abort();
        }
        assertEquals(1, body.closesAfterTheFirst());
    }

    @Test
    default void applicationExceptionBeforeAnyOutputGives500() throws Exception {
        fixture().serve((environ, startResponse) -> {
            throw new IllegalArgumentException("no such thing");
        });
        RawResponse response = get("/");
        assertEquals(500, response.code());
        assertTrue(response.complete());
    }

    private static dev.carafe.gateway.Application respondWith(CountingBody body) {
        return (environ, startResponse) -> {
            startResponse.start("200 OK", List.of());
            return body;
        };
    }

    /** A step that produces the next chunk; it may block or throw. */
    @FunctionalInterface
    interface Step {
        byte[] next() throws Exception;
    }

    /** An iterator of an optional first chunk, then one chunk from {@code then}. */
    static Iterator<byte[]> chunks(byte[] first, Step then) {
        return new Iterator<>() {
            private int index = first == null ? 1 : 0;

            @Override
            public boolean hasNext() {
                return index < 2;
            }

            @Override
            public byte[] next() {
                if (index >= 2) {
                    throw new NoSuchElementException();
                }
                try {
                    return index++ == 0 ? first : then.next();
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        };
    }
}
