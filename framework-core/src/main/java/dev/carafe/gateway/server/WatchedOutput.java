package dev.carafe.gateway.server;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.util.Objects;

/**
 * A connection's socket output under the write timeout: every write of up to {@link #PIECE} bytes
 * must complete within the timeout, or the {@link Watchdog} closes the connection. A client that
 * stops reading (its receive window and the server's send buffer full) thus cannot hold a thread
 * for ever, while a client that keeps reading, however slowly, only needs to take {@link #PIECE}
 * bytes per timeout.
 */
final class WatchedOutput extends OutputStream {

    /** The most bytes one write may carry under a single deadline. */
    static final int PIECE = 256 * 1024;

    private final SocketChannel channel;
    private final OutputStream socket;
    private final IoDeadline deadline;
    private final long timeoutNanos;

    /**
     * @param channel the connection, for zero-copy file transfers
     * @param socket the connection's output stream (blocking, untimed)
     */
    WatchedOutput(SocketChannel channel, OutputStream socket, IoDeadline deadline, long timeoutNanos) {
        this.channel = channel;
        this.socket = socket;
        this.deadline = deadline;
        this.timeoutNanos = timeoutNanos;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        int end = offset + length;
        for (int at = offset; at < end; at += PIECE) {
            int from = at;
            int count = Math.min(PIECE, end - at);
            watched(() -> {
                socket.write(bytes, from, count);
                return count;
            });
        }
    }

    /**
     * Sends part of a file straight from the file system cache ({@link FileChannel#transferTo}),
     * at most {@link #PIECE} bytes under one deadline; nothing must be buffered in front of it.
     *
     * @return the bytes sent, 0 when the file ended early
     */
    long transferFrom(FileChannel file, long position, long count) throws IOException {
        return watched(() -> file.transferTo(position, Math.min(count, PIECE), channel));
    }

    /** A blocking write; returns the bytes written. */
    @FunctionalInterface
    private interface Write {
        long run() throws IOException;
    }

    /** Runs a write under the write deadline; a write the watchdog expired fails with {@link WriteTimeoutException}. */
    private long watched(Write write) throws IOException {
        deadline.armWrite(System.nanoTime() + timeoutNanos);
        long written;
        try {
            written = write.run();
        } catch (IOException | RuntimeException e) {
            if (deadline.disarm()) {
                throw new WriteTimeoutException();
            }
            throw e;
        }
        if (deadline.disarm()) {
            throw new WriteTimeoutException();
        }
        return written;
    }

    @Override
    public void flush() throws IOException {
        socket.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
