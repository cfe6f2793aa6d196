package dev.carafe.gateway.middleware;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/** A body that reads up to a number of bytes of a stream in blocks of 64 KiB; closing closes the stream. */
final class StreamBody implements Iterable<byte[]>, AutoCloseable {

    private static final int BLOCK_SIZE = 64 * 1024;

    private final InputStream in;
    private final long length;

    /** @param length how many bytes to send at most; {@code Long.MAX_VALUE} for the whole stream */
    StreamBody(InputStream in, long length) {
        this.in = in;
        this.length = length;
    }

    @Override
    public Iterator<byte[]> iterator() {
        return new Iterator<>() {
            private long left = length;
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
                    throw new NoSuchElementException("The stream body has no more blocks.");
                }
                byte[] block = next;
                next = null;
                return block;
            }

            private byte[] read() {
                if (left <= 0) {
                    return null;
                }
                try {
                    byte[] block = in.readNBytes((int) Math.min(BLOCK_SIZE, left));
                    left -= block.length;
                    return block.length == 0 ? null : block;
                } catch (IOException e) {
                    throw new UncheckedIOException("Could not read the static resource.", e);
                }
            }
        };
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
