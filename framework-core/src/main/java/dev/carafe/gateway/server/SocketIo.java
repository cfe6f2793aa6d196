package dev.carafe.gateway.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.FileChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;

/**
 * The socket of one connection as the thread serving it reads and writes it, in one of two modes.
 *
 * <ul>
 *   <li><b>Blocking</b> (a thread per connection, virtual threads): the channel blocks. A read or a
 *       write that may wait is armed on the connection's {@link IoDeadline}, which the
 *       {@link Watchdog} expires; reads and writes themselves are untimed.
 *   <li><b>Non-blocking</b> (connections parked on {@link EventLoop}s, platform threads): the channel
 *       never blocks. When it has nothing to give or cannot take more, the thread first tells its
 *       event loop to go on without it ({@code beforeWait}), then waits on a selector of its own
 *       (opened at the first wait of a serve, closed when the connection is parked again or closed)
 *       with the time left as the timeout. A serve on a virtual thread (a request an event loop
 *       handed over) instead turns the channel blocking at its first wait ({@code toBlocking}),
 *       since a virtual thread waiting in a selector holds its carrier thread, and a blocking
 *       channel lets it unmount; the channel turns non-blocking again when the connection is
 *       parked ({@link #endWaits()}).
 * </ul>
 */
final class SocketIo {

    /** The most bytes one write may carry under a single write deadline. */
    static final int PIECE = 256 * 1024;

    private final SocketChannel channel;
    private final IoDeadline deadline;
    private final Runnable beforeWait;
    /** Non-blocking mode: makes the channel blocking for the rest of the serve, if the serving thread should wait so. */
    private final BlockingSwitch toBlocking;
    /**
     * Whether reads and writes block now: always in blocking mode, after a switch in non-blocking
     * mode. Volatile: the watchdog reads it to end a timed-out wait.
     */
    private volatile boolean blocking;
    /** Non-blocking mode: whether the channel is blocking for the rest of this serve ({@code toBlocking}). */
    private boolean switched;
    /** The non-blocking mode's own selector, opened at a serve's first wait; read by {@link #close()} from other threads. */
    private volatile Selector waits;
    private SelectionKey waitKey;
    /** The blocking read and write, made once so that a request's read and write allocate nothing. */
    private final Blocking reads;
    private final Blocking writes;

    private SocketIo(SocketChannel channel, IoDeadline deadline, Runnable beforeWait, BlockingSwitch toBlocking,
            boolean blocking) {
        this.channel = channel;
        this.deadline = deadline;
        this.beforeWait = beforeWait;
        this.toBlocking = toBlocking;
        this.blocking = blocking;
        this.reads = channel::read;
        this.writes = this::writeAll;
    }

    /** A socket in blocking mode whose waits the watchdog ends through {@code deadline}. */
    static SocketIo blocking(SocketChannel channel, IoDeadline deadline) {
        return new SocketIo(channel, deadline, () -> { }, () -> false, true);
    }

    /**
     * A socket in non-blocking mode (the channel must already be configured so); its waits time
     * themselves, so the deadline is not armed here.
     *
     * @param beforeWait run before every wait, to let the event loop go on without this thread
     * @param toBlocking asked at a serve's first wait whether the channel became blocking for the
     *     rest of the serve (a virtual thread's serve), which the waits then use
     */
    static SocketIo nonBlocking(SocketChannel channel, IoDeadline deadline, Runnable beforeWait,
            BlockingSwitch toBlocking) {
        return new SocketIo(channel, deadline, beforeWait, toBlocking, false);
    }

    /** Turns a non-blocking connection's channel blocking for the rest of a serve, when its thread should wait so. */
    @FunctionalInterface
    interface BlockingSwitch {
        /** @return whether the channel is blocking now (false: wait in a selector as usual) */
        boolean tryBlocking() throws IOException;
    }

    /** @return whether reads and writes block now (the watchdog then ends a timed-out wait) */
    boolean blocking() {
        return blocking;
    }

    /**
     * Reads what the client sent, waiting for bytes until {@code deadlineNanos}.
     *
     * @return the count read, -1 at the end of the stream; never 0 unless {@code into} is full
     * @throws ReadTimeoutException if nothing arrived by the deadline
     */
    int read(ByteBuffer into, long deadlineNanos) throws IOException {
        while (true) {
            if (blocking) {
                return (int) watched(deadlineNanos, false, reads, into);
            }
            int count = channel.read(into);
            if (count != 0 || !into.hasRemaining()) {
                return count;
            }
            if (!await(SelectionKey.OP_READ, deadlineNanos)) {
                throw new ReadTimeoutException();
            }
        }
    }

    /**
     * Reads what has arrived without waiting (non-blocking mode only).
     *
     * @return the count read, 0 if nothing has arrived, -1 at the end of the stream
     */
    int readArrived(ByteBuffer into) throws IOException {
        return channel.read(into);
    }

    /**
     * Writes all of {@code bytes[offset, offset + length)}; each piece of up to {@link #PIECE} bytes
     * must be taken by the client within {@code timeoutNanos}.
     *
     * @throws WriteTimeoutException if the client did not take a piece in time
     */
    void write(byte[] bytes, int offset, int length, long timeoutNanos) throws IOException {
        int end = offset + length;
        for (int at = offset; at < end; at += PIECE) {
            ByteBuffer piece = ByteBuffer.wrap(bytes, at, Math.min(PIECE, end - at));
            long pieceDeadline = System.nanoTime() + timeoutNanos;
            if (blocking) {
                watched(pieceDeadline, true, writes, piece);
                continue;
            }
            while (piece.hasRemaining()) {
                if (blocking) {
                    watched(pieceDeadline, true, writes, piece);
                } else if (channel.write(piece) == 0 && !await(SelectionKey.OP_WRITE, pieceDeadline)) {
                    throw new WriteTimeoutException();
                }
            }
        }
    }

    /**
     * Sends part of a file straight from the file system cache ({@link FileChannel#transferTo}), at
     * most {@link #PIECE} bytes, which the client must take within {@code timeoutNanos}.
     *
     * @return the bytes sent, 0 when the file ended early
     */
    long transferFrom(FileChannel file, long position, long count, long timeoutNanos) throws IOException {
        long pieceDeadline = System.nanoTime() + timeoutNanos;
        long piece = Math.min(count, PIECE);
        while (true) {
            if (blocking) {
                // The transfer needs no buffer; it is the one operation made per call (file bodies only).
                return watched(pieceDeadline, true, unused -> file.transferTo(position, piece, channel), null);
            }
            long sent = file.transferTo(position, piece, channel);
            if (sent > 0 || position >= file.size()) {
                return sent;
            }
            if (!await(SelectionKey.OP_WRITE, pieceDeadline)) {
                throw new WriteTimeoutException();
            }
        }
    }

    /**
     * Closes the channel and the selector a thread may wait on (waking it, so that it sees the
     * channel closed). Safe from any thread, and more than once.
     */
    void close() throws IOException {
        try {
            channel.close();
        } finally {
            Selector selector = waits;
            if (selector != null) {
                selector.close();
            }
        }
    }

    /**
     * Closes the non-blocking mode's selector, if a wait opened one: called when the connection is
     * parked again, so that an idle connection holds no file descriptor beyond its socket. A later
     * wait opens a new one. Only the thread serving the connection calls it.
     */
    void endWaits() throws IOException {
        if (switched) {
            switched = false;
            blocking = false;
            channel.configureBlocking(false);
        }
        Selector selector = waits;
        if (selector != null) {
            waits = null;
            waitKey = null;
            selector.close();
        }
    }

    /** @return whether a selector for waits is open (see {@link #endWaits()}) */
    boolean waiting() {
        return waits != null;
    }

    /** A blocking read or write of a buffer; returns its count. */
    @FunctionalInterface
    private interface Blocking {
        long run(ByteBuffer buffer) throws IOException;
    }

    /**
     * Blocking mode: runs a read or write under the connection's deadline, which the watchdog
     * expires; one it expired fails with {@link ReadTimeoutException} or {@link WriteTimeoutException}.
     */
    private long watched(long deadlineNanos, boolean write, Blocking operation, ByteBuffer buffer) throws IOException {
        if (write) {
            deadline.armWrite(deadlineNanos);
        } else {
            deadline.armRead(deadlineNanos);
        }
        long count;
        try {
            count = operation.run(buffer);
        } catch (IOException | RuntimeException e) {
            if (deadline.disarm()) {
                throw timedOut(write);
            }
            throw e;
        }
        if (deadline.disarm()) {
            throw timedOut(write);
        }
        return count;
    }

    private static IOException timedOut(boolean write) {
        return write ? new WriteTimeoutException() : new ReadTimeoutException();
    }

    /** Blocking mode: writes the whole piece (a blocking channel may still return after part of it). */
    private long writeAll(ByteBuffer piece) throws IOException {
        long written = 0;
        while (piece.hasRemaining()) {
            written += channel.write(piece);
        }
        return written;
    }

    /**
     * Waits until the channel is ready for {@code ops} or the deadline passes; or, at a serve's
     * first wait, turns the channel blocking if the serving thread should wait so, and returns at
     * once for the caller to wait in a blocking read or write.
     *
     * @return false if the deadline passed first
     */
    private boolean await(int ops, long deadlineNanos) throws IOException {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
            return false;
        }
        beforeWait.run();
        if (waits == null && toBlocking.tryBlocking()) {
            switched = true;
            blocking = true;
            return true;
        }
        try {
            Selector selector = waits;
            if (selector == null) {
                selector = Selector.open();
                waits = selector;
                if (!channel.isOpen()) {
                    selector.close();
                }
                waitKey = channel.register(selector, ops);
            } else {
                waitKey.interestOps(ops);
            }
            selector.select(Math.max(1, (left + 999_999) / 1_000_000));
            selector.selectedKeys().clear();
            return true;
        } catch (ClosedSelectorException | CancelledKeyException e) {
            // close() ran: the connection is being closed by the server
            throw new AsynchronousCloseException();
        }
    }
}
