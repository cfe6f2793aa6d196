package dev.carafe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.carafe.gateway.Header;
import dev.carafe.gateway.testing.TestClient;
import dev.carafe.gateway.testing.TestResponse;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StreamingResponseTest {

    /** Counts close() calls and the read() calls that returned data. */
    static final class CountingStream extends FilterInputStream {
        final AtomicInteger closes = new AtomicInteger();

        CountingStream(byte[] bytes) {
            super(new ByteArrayInputStream(bytes));
        }

        @Override
        public void close() throws IOException {
            closes.incrementAndGet();
            super.close();
        }
    }

    /** An iterable body that records its closes and how many chunks were taken. */
    static final class CountingChunks implements Iterable<byte[]>, AutoCloseable {
        final List<byte[]> chunks;
        final AtomicInteger closes = new AtomicInteger();
        final AtomicInteger taken = new AtomicInteger();

        CountingChunks(String... parts) {
            chunks = new ArrayList<>();
            for (String part : parts) {
                chunks.add(part.getBytes(StandardCharsets.UTF_8));
            }
        }

        @Override
        public Iterator<byte[]> iterator() {
            Iterator<byte[]> inner = chunks.iterator();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return inner.hasNext();
                }

                @Override
                public byte[] next() {
                    taken.incrementAndGet();
                    return inner.next();
                }
            };
        }

        @Override
        public void close() {
            closes.incrementAndGet();
        }
    }

    @Test
    void aStreamIsSentWithoutALengthAndClosedOnce() {
        byte[] data = "x".repeat(20_000).getBytes(StandardCharsets.UTF_8);
        CountingStream in = new CountingStream(data);
        TestResponse sent = TestClient.of(Response.stream(in, "text/plain")).get("/");
        assertEquals("", sent.errors());
        assertEquals(List.of(new Header("Content-Type", "text/plain")), sent.headers());
        assertEquals(20_000, sent.body().length);
        assertEquals(1, in.closes.get());
    }

    @Test
    void aStreamIsReadInBlocksAsTheyComeAndNotWaitedOnToFill() throws Exception {
        InputStream trickle = new InputStream() {
            private int calls;

            @Override
            public int read() {
                throw new AssertionError("single-byte reads are not used");
            }

            @Override
            public int read(byte[] b, int off, int len) {
                calls++;
                if (calls > 3) {
                    return -1;
                }
                b[off] = (byte) ('0' + calls);
                return 1;
            }
        };
        InputStreamBody body = new InputStreamBody(trickle);
        List<String> blocks = new ArrayList<>();
        body.forEach(block -> blocks.add(new String(block, StandardCharsets.US_ASCII)));
        assertEquals(List.of("1", "2", "3"), blocks);
    }

    @Test
    void closingTheStreamBodyTwiceClosesTheStreamOnce() throws Exception {
        CountingStream in = new CountingStream(new byte[10]);
        InputStreamBody body = new InputStreamBody(in);
        body.close();
        body.close();
        assertEquals(1, in.closes.get());
        assertEquals(false, body.iterator().hasNext(), "a closed body yields nothing");
    }

    @Test
    void headClosesTheStreamWithoutReadingIt() throws Exception {
        CountingStream in = new CountingStream(new byte[] {1, 2, 3});
        TestResponse sent = TestClient.of(Response.stream(in, "application/octet-stream")).request("HEAD", "/").send();
        assertEquals(0, sent.body().length);
        assertEquals(1, in.closes.get());
        assertEquals(3, in.available(), "nothing was read");
    }

    @Test
    void aStreamResponseCanBeSentOnce() {
        TestClient client = TestClient.of(Response.stream(new ByteArrayInputStream(new byte[] {1}), "text/plain"));
        client.get("/");
        assertEquals("This Response streams an InputStream and was already sent once; a stream can be read only once."
                + " Create the Response for each request, for example inside the handler.",
                assertThrows(IllegalStateException.class, () -> client.get("/")).getMessage());
    }

    @Test
    void aLengthSetByHandOnAStreamIsKept() {
        TestResponse sent = TestClient.of(Response.stream(new ByteArrayInputStream(new byte[] {1, 2}), "text/plain")
                .withHeader("Content-Length", "2")).get("/");
        assertEquals(Optional.of("2"), sent.header("Content-Length"));
        assertEquals("", sent.errors());
    }

    @Test
    void chunksAreForwardedAsTheyComeAndClosedOnce() {
        CountingChunks chunks = new CountingChunks("a", "bc", "", "def");
        TestResponse sent = TestClient.of(Response.chunks(chunks, "text/plain; charset=utf-8")).get("/");
        assertEquals("abcdef", sent.text());
        assertEquals(Optional.empty(), sent.header("Content-Length"));
        assertEquals(4, chunks.taken.get());
        assertEquals(1, chunks.closes.get());
    }

    @Test
    void headClosesChunksWithoutIteratingThem() {
        CountingChunks chunks = new CountingChunks("a", "b");
        TestClient.of(Response.chunks(chunks, "text/plain")).request("HEAD", "/").send();
        assertEquals(0, chunks.taken.get());
        assertEquals(1, chunks.closes.get());
    }

    @Test
    void aBodilessStatusClosesTheStreamAndSendsNoBody() {
        CountingStream in = new CountingStream(new byte[] {1});
        TestResponse sent = TestClient.of(Response.stream(in, "text/plain").withStatus(204)).get("/");
        assertEquals(List.of(), sent.headers());
        assertEquals(1, in.closes.get());
    }

    @Test
    void aFailingStartClosesTheStream() {
        CountingStream in = new CountingStream(new byte[] {1});
        Response response = Response.stream(in, "text/plain");
        assertThrows(IllegalStateException.class, () -> response.call(new java.util.HashMap<>(), (status, headers, exc) -> {
            throw new IllegalStateException("start failed");
        }));
        assertEquals(1, in.closes.get());
    }
}
