package dev.carafe;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A response body that sends an input stream in blocks of up to 8 KiB, each as soon as a
 * {@code read} returns it, so that a slowly produced stream reaches the client as it is written.
 * Closing it closes the stream exactly once, however often {@code close()} is called.
 */
final class InputStreamBody implements Iterable<byte[]>, AutoCloseable {

    private static final int BLOCK_SIZE = 8 * 1024;

    private final InputStream in;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean iterated = new AtomicBoolean();

    InputStreamBody(InputStream in) {
        this.in = in;
    }

    /**
     * @throws IllegalStateException if called twice: the stream can be read once
     * @throws UncheckedIOException from {@code hasNext()} if reading fails
     */
    @Override
    public Iterator<byte[]> iterator() {
        if (!iterated.compareAndSet(false, true)) {
            throw new IllegalStateException("A streamed response body can be iterated once.");
        }
        return new Iterator<>() {
            private byte[] next;
            private boolean done;

            @Override
            public boolean hasNext() {
                if (next == null && !done) {
                    next = read();
                    done = next == null;
                }
                return next != null;
            }

            @Override
            public byte[] next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("The streamed response body has no more blocks.");
                }
                byte[] block = next;
                next = null;
                return block;
            }
        };
    }

    private byte[] read() {
        if (closed.get()) {
            return null;
        }
        byte[] buffer = new byte[BLOCK_SIZE];
        try {
            int n;
            do {
                n = in.read(buffer);
            } while (n == 0);
            if (n < 0) {
                return null;
            }
            return n == buffer.length ? buffer : Arrays.copyOf(buffer, n);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the streamed response body: " + e.getMessage(), e);
        }
    }

    /** Closes the stream the first time; later calls do nothing. */
    @Override
    public void close() throws IOException {
        if (closed.compareAndSet(false, true)) {
            in.close();
        }
    }
}
