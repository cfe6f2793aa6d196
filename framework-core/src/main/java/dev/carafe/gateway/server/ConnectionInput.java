package dev.carafe.gateway.server;

import java.io.Flushable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;

/**
 * The buffered bytes of one connection, shared by the head parser and the body decoders so that
 * bytes of a pipelined next request are never lost. Every read waits at most until the current
 * deadline (a total deadline for a request head, a per-read timeout for a body), which
 * {@link SocketIo} enforces. Before it waits for bytes it flushes the connection's output, so a
 * response held back while a pipelined request was buffered never waits behind a read.
 */
final class ConnectionInput {

    private final SocketIo in;
    private final Flushable output;
    /** The buffer and its array; a parked connection has an empty one ({@link #use}). */
    private ByteBuffer view;
    private byte[] buffer;
    private int position;
    private int limit;
    /** A total deadline ({@link System#nanoTime()} based), when {@link #totalDeadline} is set. */
    private long deadlineNanos;
    private boolean totalDeadline;
    private long readTimeoutNanos;
    private long consumed;

    /**
     * @param output flushed before every read that may wait
     * @param buffer where bytes are read into; empty for a connection that gets one with each
     *     serve ({@link #use})
     */
    ConnectionInput(SocketIo in, Flushable output, ByteBuffer buffer) {
        this.in = in;
        this.output = output;
        use(buffer);
    }

    /** @return whether a buffer is in use (one with room) */
    boolean hasBuffer() {
        return buffer.length > 0;
    }

    /**
     * Reads into {@code buffer} from now on; whatever the previous buffer held is dropped (a parked
     * connection holds nothing, and an ended one needs nothing more).
     */
    void use(ByteBuffer buffer) {
        view = buffer;
        this.buffer = buffer.array();
        position = 0;
        limit = 0;
    }

    /** Every following read must complete before this total deadline ({@link System#nanoTime()} based). */
    void deadline(long nanos) {
        deadlineNanos = nanos;
        totalDeadline = true;
    }

    /** Every following read may wait at most this long for bytes. */
    void readTimeout(Duration timeout) {
        readTimeoutNanos = Math.max(1, timeout.toNanos());
        totalDeadline = false;
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

    /**
     * Reads and discards everything the client still sends, until it closes its side or the current
     * deadline passes (a closing connection lingers so that its last answer is not reset).
     */
    void discardRest() throws IOException {
        position = limit;
        while (fill()) {
            position = limit;
        }
    }

    private boolean fill() throws IOException {
        output.flush();
        long now = System.nanoTime();
        long deadline;
        if (totalDeadline) {
            if (deadlineNanos - now <= 0) {
                throw new ReadTimeoutException();
            }
            deadline = deadlineNanos;
        } else {
            deadline = now + readTimeoutNanos;
        }
        view.clear();
        return filled(in.read(view, deadline));
    }

    /**
     * Takes what has already arrived, without waiting (for a connection an event loop found
     * readable); only when nothing is buffered.
     *
     * @return the count read, 0 if nothing had arrived, -1 at the end of the stream
     */
    int fillArrived() throws IOException {
        view.clear();
        int count = in.readArrived(view);
        filled(count);
        return count;
    }

    private boolean filled(int count) {
        if (count <= 0) {
            return false;
        }
        position = 0;
        limit = count;
        return true;
    }
}
