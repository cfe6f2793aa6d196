package dev.carafe.gateway.middleware;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;

/** A closeable body of text chunks that counts its closes and can fail after a number of chunks. */
final class CountingBody implements Iterable<byte[]>, AutoCloseable {

    final AtomicInteger closes = new AtomicInteger();
    private final List<String> chunks;
    private final int failAfter;

    private CountingBody(List<String> chunks, int failAfter) {
        this.chunks = chunks;
        this.failAfter = failAfter;
    }

    static CountingBody of(String... chunks) {
        return new CountingBody(List.of(chunks), Integer.MAX_VALUE);
    }

    /** Yields the chunks, then throws {@code IllegalStateException("boom in iteration")}. */
    static CountingBody failingAfter(String... chunks) {
        return new CountingBody(List.of(chunks), chunks.length);
    }

    @Override
    public Iterator<byte[]> iterator() {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                if (next >= failAfter) {
                    throw new IllegalStateException("boom in iteration");
                }
                return next < chunks.size();
            }

            @Override
            public byte[] next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return chunks.get(next++).getBytes(StandardCharsets.UTF_8);
            }
        };
    }

    @Override
    public void close() {
        closes.incrementAndGet();
    }
}
