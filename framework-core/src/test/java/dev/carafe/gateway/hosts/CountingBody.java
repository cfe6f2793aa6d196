package dev.carafe.gateway.hosts;

import java.util.Iterator;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A closeable body that counts its closes, over any iterator. */
final class CountingBody implements Iterable<byte[]>, AutoCloseable {

    private final Iterator<byte[]> chunks;
    private final AtomicInteger closes = new AtomicInteger();
    private final CountDownLatch closed = new CountDownLatch(1);

    CountingBody(Iterator<byte[]> chunks) {
        this.chunks = chunks;
    }

    @Override
    public Iterator<byte[]> iterator() {
        return chunks;
    }

    @Override
    public void close() {
        closes.incrementAndGet();
        closed.countDown();
    }

    /** Waits for the host to close the body, then tells how often it did. */
    int closesAfterTheFirst() throws InterruptedException {
        if (!closed.await(5, TimeUnit.SECONDS)) {
            throw new AssertionError("The host never closed the body.");
        }
        return closes.get();
    }
}
