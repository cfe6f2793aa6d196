package dev.carafe.gateway.server;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
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
    private static final long LINGER_MILLIS = 500;

    private final ServerContext server;
    private final SocketChannel channel;
    private final AtomicInteger state = new AtomicInteger(IDLE);
    private final long acceptedNanos = System.nanoTime();

    Connection(ServerContext server, SocketChannel channel) {
        this.server = server;
        this.channel = channel;
    }

    @Override
    public void run() {
        boolean linger = false;
        OutputStream out = OutputStream.nullOutputStream();
        try {
            Socket socket = channel.socket();
            socket.setTcpNoDelay(true);
            InputStream rawIn = socket.getInputStream();
            out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
            ConnectionInput in = new ConnectionInput(socket, rawIn, out);
            HeadReader reader = new HeadReader(server.settings(), in);
            HeadRules rules = new HeadRules(server.settings());
            InetSocketAddress local = (InetSocketAddress) socket.getLocalSocketAddress();
            InetSocketAddress remote = (InetSocketAddress) socket.getRemoteSocketAddress();
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
                        return;
                    }
                }
                if (!pipelined && !state.compareAndSet(IDLE, BUSY)) {
                    return;
                }
                if (!first) {
                    in.deadline(System.nanoTime() + headTimeout);
                }
                Optional<RequestHead> head = head(reader, rules, in, out);
                if (head.isEmpty()) {
                    linger = true;
                    return;
                }
                in.readTimeout(server.settings().bodyTimeout());
                if (!new Exchange(server, head.get(), in, out, channel).run(local, remote)) {
                    linger = true;
                    return;
                }
                first = false;
                // A pipelined next request is already here: the connection stays busy (a graceful
                // stop must not close it while the previous response may still sit in the buffer).
                pipelined = in.hasBuffered();
                if (!pipelined && !state.compareAndSet(BUSY, IDLE)) {
                    return;
                }
            }
        } catch (ReadTimeoutException | ClientClosedException e) {
            server.log().log(Level.DEBUG, "Connection closed while idle: " + e.getMessage());
        } catch (IOException e) {
            server.log().log(Level.DEBUG, "Connection ended: " + e);
        } finally {
            flushQuietly(out);
            close(linger);
            server.registry().remove(this);
        }
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

    private void close(boolean linger) {
        state.set(CLOSED);
        if (linger && channel.isOpen()) {
            try {
                Socket socket = channel.socket();
                socket.shutdownOutput();
                socket.setSoTimeout((int) LINGER_MILLIS);
                byte[] scrap = new byte[8192];
                InputStream in = socket.getInputStream();
                long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LINGER_MILLIS);
                while (System.nanoTime() < until && in.read(scrap) >= 0) {
                    socket.setSoTimeout((int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime())));
                }
            } catch (IOException e) {
                server.log().log(Level.DEBUG, "Closing a connection: " + e);
            }
        }
        closeQuietly();
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
