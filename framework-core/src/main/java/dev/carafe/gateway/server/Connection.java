package dev.carafe.gateway.server;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.SocketChannel;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The loop of one client connection: wait for a request (keep-alive idle timeout), read its head
 * within the head deadline, run the exchange, and repeat while both sides keep the connection.
 * A head that does not arrive in time gets 408 if it had started, a silent close if not.
 */
final class Connection implements Runnable {

    private static final int IDLE = 0;
    private static final int BUSY = 1;
    private static final int CLOSED = 2;
    /** How long a closing connection keeps reading what the client still sends, so the answer is not reset. */
    private static final long LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    private final ServerContext server;
    private final SocketChannel channel;
    private final AtomicInteger state = new AtomicInteger(IDLE);
    private final long acceptedNanos = System.nanoTime();
    private final IoDeadline deadline = new IoDeadline();

    Connection(ServerContext server, SocketChannel channel) {
        this.server = server;
        this.channel = channel;
    }

    @Override
    public void run() {
        OutputStream out = OutputStream.nullOutputStream();
        try {
            Socket socket = channel.socket();
            socket.setTcpNoDelay(true);
            ConnectionOutput output = new ConnectionOutput(new WatchedOutput(channel, socket.getOutputStream(),
                    deadline, server.settings().writeTimeout().toNanos()), 16 * 1024);
            out = output;
            ConnectionInput in = new ConnectionInput(socket.getInputStream(), output, deadline);
            if (serve(socket, in, output)) {
                linger(socket, in, output);
            }
        } catch (ReadTimeoutException | ClientClosedException e) {
            server.log().log(Level.DEBUG, "Connection closed while idle: " + e.getMessage());
        } catch (IOException e) {
            server.log().log(Level.DEBUG, "Connection ended: " + e);
        } finally {
            flushQuietly(out);
            state.set(CLOSED);
            closeQuietly();
            server.registry().remove(this);
        }
    }

    /**
     * Serves requests until one side ends the connection.
     *
     * @return whether the connection should linger before it closes (the server answered last)
     */
    private boolean serve(Socket socket, ConnectionInput in, ConnectionOutput out) throws IOException {
        HeadReader reader = new HeadReader(server.settings(), in);
        HeadRules rules = new HeadRules(server.settings());
        EnvironBuilder environs = new EnvironBuilder(server, (InetSocketAddress) socket.getLocalSocketAddress(),
                (InetSocketAddress) socket.getRemoteSocketAddress());
        long headTimeout = server.settings().headerTimeout().toNanos();
        boolean first = true;
        boolean pipelined = false;
        while (!server.stopping()) {
            if (!in.hasBuffered()) {
                if (first) {
                    in.deadline(acceptedNanos + headTimeout);
                } else {
                    in.readTimeout(server.settings().keepAliveTimeout());
                }
                if (in.peek() < 0) {
                    return false;
                }
            }
            if (!pipelined && !state.compareAndSet(IDLE, BUSY)) {
                return false;
            }
            if (!first) {
                in.deadline(System.nanoTime() + headTimeout);
            }
            Optional<RequestHead> head = head(reader, rules, in, out);
            if (head.isEmpty()) {
                return true;
            }
            in.readTimeout(server.settings().bodyTimeout());
            if (!new Exchange(server, head.get(), in, out, environs).run()) {
                return true;
            }
            first = false;
            // A pipelined next request is already here: the connection stays busy (a graceful
            // stop must not close it while the previous response may still sit in the buffer).
            pipelined = in.hasBuffered();
            if (!pipelined && !state.compareAndSet(BUSY, IDLE)) {
                return false;
            }
        }
        return false;
    }

    /** Reads and checks a head; answers and returns empty when it is refused or incomplete. */
    private Optional<RequestHead> head(HeadReader reader, HeadRules rules, ConnectionInput in, OutputStream out)
            throws IOException {
        try {
            Optional<HeadReader.RawHead> raw = reader.read();
            if (raw.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(rules.apply(raw.get()));
        } catch (HttpError e) {
            server.log().log(Level.DEBUG, "Refused a request with " + e.status() + ": " + e.getMessage());
            ErrorPage.send(server, out, e.status(), e.getMessage());
        } catch (ReadTimeoutException e) {
            ErrorPage.send(server, out, 408, "The request head did not arrive within "
                    + server.settings().headerTimeout().toMillis() + " ms.");
        }
        return Optional.empty();
    }

    /** Closes the connection if it waits for a next request; a request in flight is left to finish. */
    void closeIfIdle() {
        if (state.compareAndSet(IDLE, CLOSED)) {
            closeQuietly();
        }
    }

    /** Closes the connection whatever it is doing. */
    void forceClose() {
        state.set(CLOSED);
        closeQuietly();
    }

    /**
     * Called by the {@link Watchdog}: when the read or write this connection's thread waits in has
     * passed its deadline, wakes it. A read is ended by shutting the socket's input (the thread
     * sees end of stream and then the timeout, and can still answer 408); a write by shutting the
     * output and closing the connection, since nothing more can be sent to a client that does not
     * read.
     */
    void expireDeadline(long now) {
        switch (deadline.expire(now)) {
            case READ -> {
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
     * Half-closes after the server's last answer and reads what the client still sends for a
     * moment, so that unread request bytes do not make the kernel reset the connection before
     * the client has read the answer.
     */
    private void linger(Socket socket, ConnectionInput in, OutputStream out) {
        state.set(CLOSED);
        if (!channel.isOpen()) {
            return;
        }
        try {
            out.flush();
            socket.shutdownOutput();
            in.deadline(System.nanoTime() + LINGER_NANOS);
            in.discardRest();
        } catch (ReadTimeoutException e) {
            server.log().log(Level.DEBUG, "The client kept the connection open through the linger; closing it.");
        } catch (IOException e) {
            server.log().log(Level.DEBUG, "Closing a connection: " + e);
        }
    }

    /** Sends what a response left in the buffer (see {@link ResponseWriter#finish()}) before the connection closes. */
    private void flushQuietly(OutputStream out) {
        try {
            out.flush();
        } catch (IOException e) {
            server.log().log(Level.DEBUG, "Flushing a closing connection failed: " + e);
        }
    }

    private void closeQuietly() {
        try {
            channel.close();
        } catch (IOException e) {
            server.log().log(Level.DEBUG, "Closing a connection failed: " + e);
        }
    }
}
