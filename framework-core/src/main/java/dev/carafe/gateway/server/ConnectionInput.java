package dev.carafe.gateway.server;

import java.io.Flushable;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * The buffered bytes of one connection, shared by the head parser and the body decoders so that
 * bytes of a pipelined next request are never lost. Every read waits at most until the current
 * deadline (a total deadline for a request head, a per-read timeout for a body). Before it waits
 * for bytes it flushes the connection's output, so a response held back while a pipelined request
 * was buffered never waits behind a read.
 */
final class ConnectionInput {

    private final Socket socket;
    private final InputStream in;
    private final Flushable output;
    private final byte[] buffer = new byte[16 * 1024];
    private int position;
    private int limit;
    private long deadlineNanos;
    private long readTimeoutMillis;
    private long consumed;

    ConnectionInput(Socket socket, InputStream in, Flushable output) {
        this.socket = socket;
        this.in = in;
        this.output = output;
    }

    /** Every following read must complete before this total deadline ({@link System#nanoTime()} based). */
    void deadline(long nanos) {
        deadlineNanos = nanos;
        readTimeoutMillis = 0;
    }

    /** Every following read may wait at most this long for bytes. */
    void readTimeout(Duration timeout) {
        readTimeoutMillis = Math.max(1, timeout.toMillis());
        deadlineNanos = 0;
    }

    /** @return whether bytes are already buffered (a pipelined request, for example) */
    boolean hasBuffered() {
        return position < limit;
    }

    /** @return how many bytes were taken from this input so far */
    long consumed() {
        return consumed;
    }

    /**
     * Reads one byte.
     *
     * @return the byte, or -1 at the end of the stream
     * @throws ReadTimeoutException if the deadline or read timeout passed
     */
    int read() throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        consumed++;
        return buffer[position++] & 0xff;
    }

    /** @return the next byte without taking it, or -1 at the end of the stream */
    int peek() throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position] & 0xff;
    }

    /**
     * Reads up to {@code length} bytes.
     *
     * @return the count read, or -1 at the end of the stream
     */
    int read(byte[] into, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (position == limit && !fill()) {
            return -1;
        }
        int count = Math.min(length, limit - position);
        System.arraycopy(buffer, position, into, offset, count);
        position += count;
        consumed += count;
        return count;
    }

    private boolean fill() throws IOException {
        output.flush();
        int timeout;
        if (deadlineNanos != 0) {
            long remaining = deadlineNanos - System.nanoTime();
            if (remaining <= 0) {
                throw new ReadTimeoutException();
            }
            timeout = (int) Math.max(1, Math.min(Integer.MAX_VALUE, remaining / 1_000_000));
        } else {
            timeout = (int) Math.min(Integer.MAX_VALUE, readTimeoutMillis);
        }
        socket.setSoTimeout(timeout);
        int count;
        try {
            count = in.read(buffer, 0, buffer.length);
        } catch (SocketTimeoutException e) {
            throw new ReadTimeoutException();
        }
        if (count <= 0) {
            return false;
        }
        position = 0;
        limit = count;
        return true;
    }
}
