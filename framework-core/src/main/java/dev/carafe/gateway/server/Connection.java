package dev.carafe.gateway.server;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One client connection: wait for a request (the keep-alive idle timeout), read its head within the
 * head deadline, run the exchange, and repeat while both sides keep the connection. A head that
 * does not arrive in time gets 408 if it had started, a silent close if not.
 *
 * <p>It is served in one of two ways. {@link #blocking} gives it a thread of its own, which
 * {@link #run()}s it from the first request to the close (virtual threads). {@link #parked} parks it
 * on an {@link EventLoop} between requests, holding no thread: the loop's owner {@link #dispatch()}es
 * it when bytes arrive and {@link #resume(long)}s it in place (or hands it to a pool thread that
 * does); it is parked again as soon as no request is buffered (platform threads).
 *
 * <p>Its state is {@code IDLE} while it waits for a next request (in the blocking way, its thread
 * waits in a read; parked, no thread touches it), {@code BUSY} while a request is in flight, and
 * {@code CLOSED} at the end; graceful shutdown closes the idle ones and lets the busy ones finish.
 */
final class Connection implements Runnable {

    private static final int IDLE = 0;
    private static final int BUSY = 1;
    private static final int CLOSED = 2;
    /** How long a closing connection keeps reading what the client still sends, so the answer is not reset. */
    private static final long LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
    /** How long a serve turning blocking waits for its loop to let the channel go ({@link #tryBlocking()}). */
    private static final long DEREGISTER_NANOS = TimeUnit.SECONDS.toNanos(1);

    /** What a connection does after serving what it had. */
    private enum Next { PARK, LINGER, CLOSE }

    private final ServerContext server;
    private final SocketChannel channel;
    /** The loop it is parked on between requests; null when it has a thread of its own. */
    private final EventLoop loop;
    private final AtomicInteger state = new AtomicInteger(IDLE);
    private final AtomicBoolean ended = new AtomicBoolean();
    private final long acceptedNanos = System.nanoTime();
    private final IoDeadline deadline = new IoDeadline();
    private final SocketIo io;
    private final ConnectionOutput output;
    private final ConnectionInput in;
    private final EnvironBuilder environs;
    private final HeadGate heads;
    private boolean first = true;
    /** Parked: the server answered last and reads what the client still sends until it closes. */
    private boolean lingering;
    /** Parked: when the wait for the next request (or the linger) ends. */
    private long parkedUntil;
    /** Parked: the start of the serve in place, which {@link EventLoop#release(long)} names. */
    private long servingStart;
    /**
     * Parked: the key on the loop's selector, touched by the loop's owner only, and by a serve that
     * leaves the selector ({@link #tryBlocking()}) while the loop does not watch the connection.
     */
    private SelectionKey key;
    /** Parked: the serve in progress runs on a virtual thread, which waits for the socket in blocking mode. */
    private boolean waitsBlocking;
    /** Parked: an empty pair, which the connection holds between serves. */
    private final ConnectionBuffers none = new ConnectionBuffers(ByteBuffer.allocate(0), new byte[0]);
    /** Parked: the buffers the loop lent for the serve in progress, {@link #none} between serves. */
    private ConnectionBuffers lent = none;

    private Connection(ServerContext server, SocketChannel channel, EventLoop loop) throws IOException {
        this.server = server;
        this.channel = channel;
        this.loop = loop;
        if (loop == null) {
            io = SocketIo.blocking(channel, deadline);
        } else {
            channel.configureBlocking(false);
            io = SocketIo.nonBlocking(channel, deadline, () -> loop.release(servingStart), this::tryBlocking);
        }
        Socket socket = channel.socket();
        socket.setTcpNoDelay(true);
        // Parked, a connection holds no buffers: its loop lends it a pair for each serve.
        ConnectionBuffers own = loop == null ? ConnectionBuffers.allocate() : none;
        output = new ConnectionOutput(new WatchedOutput(io, server.settings().writeTimeout().toNanos()), own.output());
        in = new ConnectionInput(io, output, own.input());
        environs = new EnvironBuilder(server, (InetSocketAddress) socket.getLocalSocketAddress(),
                (InetSocketAddress) socket.getRemoteSocketAddress());
        heads = new HeadGate(server, in, output, environs.remoteAddr());
    }

    /** A connection served by a thread of its own, which must {@link #run()} it. */
    static Connection blocking(ServerContext server, SocketChannel channel) throws IOException {
        return new Connection(server, channel, null);
    }

    /** A connection parked on {@code loop} between requests; {@link #parkFirst()} parks it. */
    static Connection parked(ServerContext server, SocketChannel channel, EventLoop loop) throws IOException {
        return new Connection(server, channel, loop);
    }

    /** Serves the connection on the calling thread until it closes (a connection with a thread of its own). */
    @Override
    public void run() {
        try {
            if (serve() == Next.LINGER) {
                linger();
            }
        } catch (ReadTimeoutException | ClientClosedException e) {
            server.log().log(Level.DEBUG, "Connection closed while idle: " + e.getMessage());
        } catch (IOException e) {
            server.log().log(Level.DEBUG, "Connection ended: " + e);
        } finally {
            flushQuietly();
            end();
        }
    }

    /** Parks a new connection on its loop until its first request arrives, within the head timeout. */
    void parkFirst() {
        parkedUntil = acceptedNanos + server.settings().headerTimeout().toNanos();
        deadline.armRead(parkedUntil);
        loop.park(this);
    }

    /** Called by the loop's owner: lets the loop's selector report the connection's next bytes. */
    void watch(Selector selector) throws ClosedChannelException {
        if (key == null) {
            key = channel.register(selector, SelectionKey.OP_READ, this);
        } else {
            key.interestOps(SelectionKey.OP_READ);
        }
    }

    /**
     * Called by the loop's owner when the connection is readable.
     *
     * @return whether the caller now serves it ({@link #resume}); false if it is busy on another
     *     thread or closed
     */
    boolean dispatch() {
        return state.compareAndSet(IDLE, BUSY);
    }

    /** @return whether the connection holds read and write buffers (a parked one does not) */
    boolean holdsBuffers() {
        return in.hasBuffer();
    }

    /**
     * Serves a dispatched connection: the requests that have arrived, and any that follow in the
     * same bytes (pipelining); in place by the loop's owner, or by a pool thread it was handed to.
     *
     * @param start the serve's start, for {@link EventLoop#release(long)} before any wait; 0 for a
     *     serve handed to a pool thread, which has no loop to release
     * @return whether it is parked again (open and idle, to be watched by the loop); false if it closed
     */
    boolean resume(long start) {
        return resume(start, false);
    }

    /**
     * Serves a connection an event loop handed over, as {@link #resume(long)} with no start; on a
     * virtual thread, a wait for the socket turns the channel blocking ({@link #tryBlocking()}).
     */
    boolean resumeHandedOver(boolean virtualThread) {
        return resume(0, virtualThread);
    }

    private boolean resume(long start, boolean virtualThread) {
        servingStart = start;
        waitsBlocking = virtualThread;
        lent = loop.lendBuffers();
        in.use(lent.input());
        output.use(lent.output());
        try {
            if (deadline.disarm()) {
                throw new ReadTimeoutException();
            }
            if (lingering) {
                return discardArrived();
            }
            int arrived = in.fillArrived();
            if (arrived < 0) {
                giveBuffersBack();
                end();
                return false;
            }
            Next next = arrived == 0 ? Next.PARK : serve();
            return switch (next) {
                case PARK -> {
                    // A response held back while the request's own body was still buffered
                    // (ResponseWriter.finish) goes out before the connection waits.
                    output.flush();
                    yield park(arrived == 0 ? parkedUntil
                            : System.nanoTime() + server.settings().keepAliveTimeout().toNanos());
                }
                case LINGER -> startLinger();
                case CLOSE -> {
                    flushQuietly();
                    giveBuffersBack();
                    end();
                    yield false;
                }
            };
        } catch (ReadTimeoutException | ClientClosedException e) {
            server.log().log(Level.DEBUG, "Connection closed while idle: " + e.getMessage());
        } catch (IOException e) {
            server.log().log(Level.DEBUG, "Connection ended: " + e);
        } catch (RuntimeException e) {
            server.log().log(Level.ERROR, "Serving a connection failed; closing it", e);
        }
        flushQuietly();
        giveBuffersBack();
        end();
        return false;
    }

    /** Serves requests until one side ends the connection or, when parked, no request is buffered. */
    private Next serve() throws IOException {
        long headTimeout = server.settings().headerTimeout().toNanos();
        boolean busy = loop != null;
        while (!server.stopping()) {
            if (!in.hasBuffered()) {
                if (loop != null) {
                    return Next.PARK;
                }
                if (first) {
                    in.deadline(acceptedNanos + headTimeout);
                } else {
                    in.readTimeout(server.settings().keepAliveTimeout());
                }
                if (in.peek() < 0) {
                    return Next.CLOSE;
                }
            }
            if (!busy && !state.compareAndSet(IDLE, BUSY)) {
                return Next.CLOSE;
            }
            busy = true;
            in.deadline(first ? acceptedNanos + headTimeout : System.nanoTime() + headTimeout);
            Optional<RequestHead> head = heads.next();
            if (head.isEmpty()) {
                return Next.LINGER;
            }
            in.readTimeout(server.settings().bodyTimeout());
            if (!new Exchange(server, head.get(), in, output, environs).run()) {
                return Next.LINGER;
            }
            first = false;
            // A pipelined next request is already here: the connection stays busy (a graceful
            // stop must not close it while the previous response may still sit in the buffer).
            if (in.hasBuffered()) {
                continue;
            }
            if (loop != null) {
                return Next.PARK;
            }
            if (!state.compareAndSet(BUSY, IDLE)) {
                return Next.CLOSE;
            }
            busy = false;
        }
        return Next.CLOSE;
    }

    /**
     * Parks the connection on its loop until {@code until}; the last thing its serving thread does
     * with it. A graceful stop that began meanwhile closes it instead.
     *
     * @return whether it is parked
     */
    private boolean park(long until) {
        if (server.stopping()) {
            flushQuietly();
            giveBuffersBack();
            end();
            return false;
        }
        parkedUntil = until;
        deadline.armRead(until);
        // Before the connection is idle: from then on another thread may serve it.
        giveBuffersBack();
        endWaits();
        if (!state.compareAndSet(BUSY, IDLE)) {
            end();
            return false;
        }
        if (server.stopping()) {
            closeIfIdle();
        }
        return true;
    }

    /** Parked: half-closes after the server's last answer, and parks until the client closes or the linger ends. */
    private boolean startLinger() throws IOException {
        output.flush();
        channel.shutdownOutput();
        lingering = true;
        return park(System.nanoTime() + LINGER_NANOS);
    }

    /** Parked and lingering: discards what arrived; closes at the client's end of stream. */
    private boolean discardArrived() throws IOException {
        int count;
        while ((count = in.fillArrived()) > 0) {
            server.log().log(Level.TRACE, "Discarded " + count + " bytes sent after the last answer.");
        }
        if (count < 0) {
            giveBuffersBack();
            end();
            return false;
        }
        return park(parkedUntil);
    }

    /** Parked: gives the buffers of the serve back to the loop (what they still hold is done with). */
    private void giveBuffersBack() {
        if (lent != none) {
            in.use(none.input());
            output.use(none.output());
            loop.takeBack(lent);
            lent = none;
        }
    }

    /**
     * Parked, at a serve's first wait for the socket: a serve on a virtual thread leaves the loop's
     * selector (the loop watches it again when it is parked) and turns the channel blocking, so
     * that its thread unmounts while it waits; a virtual thread waiting in a selector would hold its
     * carrier thread. The channel is non-blocking again when the connection is parked
     * ({@link SocketIo#endWaits()}).
     *
     * @return whether the channel is blocking now; false on a platform thread, or if the loop did not
     *     let the channel go within {@link #DEREGISTER_NANOS} (it stops): the serve waits in a selector
     */
    private boolean tryBlocking() throws IOException {
        if (!waitsBlocking) {
            return false;
        }
        SelectionKey watched = key;
        if (watched != null) {
            key = null;
            watched.cancel();
            loop.wakeup();
            long until = System.nanoTime() + DEREGISTER_NANOS;
            while (channel.isRegistered()) {
                if (System.nanoTime() - until > 0) {
                    return false;
                }
                Thread.yield();
            }
        }
        channel.configureBlocking(true);
        return true;
    }

    /** Parked: closes the selector a wait of the serve opened, if any; an idle connection holds only its socket. */
    private void endWaits() {
        try {
            io.endWaits();
        } catch (IOException e) {
            server.log().log(Level.DEBUG, "Closing a connection's wait selector failed: " + e);
        }
    }

    /** @return whether the connection holds a selector of its own for waits (a parked one does not) */
    boolean holdsWaitSelector() {
        return io.waiting();
    }

    /** Closes the connection if it waits for a next request; a request in flight is left to finish. */
    void closeIfIdle() {
        if (state.compareAndSet(IDLE, CLOSED)) {
            if (loop != null) {
                end();
            } else {
                closeQuietly();
            }
        }
    }

    /** Closes the connection whatever it is doing. */
    void forceClose() {
        int prior = state.getAndSet(CLOSED);
        closeQuietly();
        if (loop != null && prior == IDLE) {
            end();
        }
    }

    /**
     * Called by the {@link Watchdog}: when the wait this connection is in has passed its deadline,
     * ends it. A parked connection is closed. With a thread of its own, a read is ended by shutting
     * the socket's input (the thread sees end of stream and then the timeout, and can still answer
     * 408); a write by shutting the output and closing the connection, since nothing more can be
     * sent to a client that does not read.
     */
    void expireDeadline(long now) {
        switch (deadline.expire(now)) {
            case READ -> {
                if (loop != null && !io.blocking()) {
                    closeIfIdle();
                    return;
                }
                try {
                    channel.shutdownInput();
                } catch (IOException e) {
                    server.log().log(Level.DEBUG, "Ending a timed-out read: " + e);
                }
            }
            case WRITE -> {
                server.log().log(Level.DEBUG, "The client did not take the next part of its response within "
                        + "the write timeout of " + server.settings().writeTimeout().toMillis()
                        + " ms; closing its connection.");
                try {
                    // Wakes a write blocked in the kernel, a file transfer (sendfile) included,
                    // which closing the channel alone does not.
                    channel.shutdownOutput();
                } catch (IOException e) {
                    server.log().log(Level.DEBUG, "Ending a timed-out write: " + e);
                }
                forceClose();
            }
            case NOTHING -> { }
        }
    }

    /**
     * With a thread of its own: half-closes after the server's last answer and reads what the client
     * still sends for a moment, so that unread request bytes do not make the kernel reset the
     * connection before the client has read the answer.
     */
    private void linger() {
        state.set(CLOSED);
        if (!channel.isOpen()) {
            return;
        }
        try {
            output.flush();
            channel.shutdownOutput();
            in.deadline(System.nanoTime() + LINGER_NANOS);
            in.discardRest();
        } catch (ReadTimeoutException e) {
            server.log().log(Level.DEBUG, "The client kept the connection open through the linger; closing it.");
        } catch (IOException e) {
            server.log().log(Level.DEBUG, "Closing a connection: " + e);
        }
    }

    /** Closes the connection and removes it from the server's registry, once; safe from any thread. */
    private void end() {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        state.set(CLOSED);
        closeQuietly();
        if (loop != null) {
            loop.wakeup();
        }
        server.registry().remove(this);
    }

    /** Sends what a response left in the buffer (see {@link ResponseWriter#finish()}) before the connection closes. */
    private void flushQuietly() {
        try {
            output.flush();
        } catch (IOException e) {
            server.log().log(Level.DEBUG, "Flushing a closing connection failed: " + e);
        }
    }

    private void closeQuietly() {
        try {
            io.close();
        } catch (IOException e) {
            server.log().log(Level.DEBUG, "Closing a connection failed: " + e);
        }
    }
}
