package dev.carafe.gateway.server;

import dev.carafe.gateway.Application;
import dev.carafe.gateway.Lifespan;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Carafe's production HTTP/1.1 server for any {@link Application}: the role Gunicorn and Waitress
 * play for Python. A virtual thread per connection on JDK 21+, event loops and a bounded pool of
 * platform threads otherwise; strict request parsing, limits and timeouts against slow and hostile
 * clients, persistent connections and pipelining, and graceful shutdown.
 *
 * <pre>{@code
 * try (GatewayServer server = GatewayServer.start(app, ServerSettings.builder().port(0).build())) {
 *     System.out.println("Listening on port " + server.port());
 *     server.awaitTermination();
 * }
 * }</pre>
 *
 * <p>When the application is also a {@link Lifespan}, {@link #start} calls its
 * {@link Lifespan#started()} after binding and before accepting (a failure there closes the socket
 * and is thrown), and {@link #stop} calls its {@link Lifespan#stopping()} once the connections are
 * closed, before it returns.
 *
 * <p>The full guide, with every setting and every status the server answers, is {@code docs/server.md}.
 */
public final class GatewayServer implements AutoCloseable {

    private final ServerSettings settings;
    private final ServerSocketChannel listener;
    private final ServerContext context;
    private final ConnectionThreads threads;
    /** With platform threads, the loops idle connections are parked on; empty with virtual threads. */
    private final Optional<EventLoops> loops;
    private final Thread acceptor;
    private final Watchdog watchdog;
    private final CountDownLatch terminated = new CountDownLatch(1);
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final Thread shutdownHook;
    private final AtomicBoolean hookRegistered = new AtomicBoolean();

    private GatewayServer(Application app, ServerSettings settings, ServerSocketChannel listener,
            ConnectionThreads threads, Optional<AccessLog> accessLog, Optional<EventLoops> loops) throws IOException {
        this.settings = settings;
        this.listener = listener;
        this.threads = threads;
        this.loops = loops;
        InetSocketAddress bound = (InetSocketAddress) listener.getLocalAddress();
        // One platform thread serves one request at a time, unless its loop hands requests to virtual threads (HYBRID).
        boolean multithread = threads.virtual() || threads.handOvers() != threads.executor()
                || settings.platformThreads() > 1;
        this.context = new ServerContext(app, settings, bound, new DateCache(Clock.systemUTC()), accessLog,
                errorsWriter(), multithread, new ConnectionRegistry(settings.maxConnections()));
        this.acceptor = new Thread(this::acceptLoop, "carafe-acceptor-" + bound.getPort());
        this.watchdog = new Watchdog(settings, context.registry(), terminated, bound.getPort());
        this.shutdownHook = new Thread(() -> stop(settings.gracefulTimeout()), "carafe-shutdown-" + bound.getPort());
    }

    /**
     * Binds the listening socket, tells a {@link Lifespan} application it starts, starts accepting
     * connections and returns.
     *
     * @param app the application to serve
     * @param settings the settings (see {@link ServerSettings})
     * @return the running server
     * @throws IOException if the address cannot be bound (in use, or not local)
     * @throws IllegalStateException if {@link ServerSettings.ThreadMode#VIRTUAL} is asked for on a JDK
     *     without virtual threads, or the application's {@link Lifespan#started()} failed (its
     *     unchecked exception is thrown as is, a checked one wrapped)
     */
    public static GatewayServer start(Application app, ServerSettings settings) throws IOException {
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(settings, "settings");
        ConnectionThreads.requireAvailable(settings);
        ServerSocketChannel listener = ServerSocketChannel.open();
        ConnectionThreads threads = null;
        Optional<AccessLog> accessLog = Optional.empty();
        Optional<EventLoops> loops = Optional.empty();
        try {
            listener.bind(new InetSocketAddress(settings.host(), settings.port()), settings.backlog());
            int port = ((InetSocketAddress) listener.getLocalAddress()).getPort();
            threads = ConnectionThreads.choose(settings, port);
            if (threads.loops() > 0) {
                loops = Optional.of(EventLoops.open(threads.loops(), threads.executor(), threads.handOvers(),
                        port));
            }
            accessLog = settings.accessLog().map(destination -> AccessLog.open(destination,
                    settings.accessLogFormat()));
            GatewayServer server = new GatewayServer(app, settings, listener, threads, accessLog, loops);
            startApplication(app);
            loops.ifPresent(EventLoops::start);
            server.acceptor.start();
            server.context.log().log(Level.INFO, "Carafe gateway server listening on " + settings.urlScheme() + "://"
                    + hostForUrl(server.address()) + ":" + server.port() + " with " + threads.description() + ".");
            return server;
        } catch (IOException | RuntimeException e) {
            listener.close();
            loops.ifPresent(EventLoops::close);
            if (threads != null) {
                threads.executor().shutdownNow();
                threads.handOvers().shutdownNow();
            }
            accessLog.ifPresent(AccessLog::close);
            if (e instanceof IOException io) {
                throw new IOException("Cannot listen on " + settings.host() + ":" + settings.port() + ": "
                        + e.getMessage(), io);
            }
            throw e;
        }
    }

    /** @return the bound address (with the actual port when {@link ServerSettings#port()} was 0) */
    public InetSocketAddress address() {
        return context.address();
    }

    /** @return the bound port */
    public int port() {
        return context.address().getPort();
    }

    /** @return how many connections are open now (accepted and not yet closed), for tests */
    int openConnections() {
        return context.registry().size();
    }

    /** @return how many serves the event loops handed to pool threads (0 with virtual threads), for tests */
    long handedOverServes() {
        return loops.map(EventLoops::handedOver).orElse(0L);
    }

    /**
     * Stops gracefully: stops accepting (new connections are refused), closes idle keep-alive
     * connections at once, lets requests in flight finish within {@code grace}, then closes what is
     * left. Returns when the server has stopped; a second call waits for the first to finish.
     *
     * @param grace how long requests in flight may take to finish
     */
    public void stop(Duration grace) {
        Objects.requireNonNull(grace, "grace");
        if (!stopped.compareAndSet(false, true)) {
            try {
                terminated.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return;
        }
        try {
            closeListener();
            acceptor.interrupt();
            // The listening socket is really closed once the acceptor has left accept(): wait for it.
            acceptor.join(TimeUnit.SECONDS.toMillis(5));
            context.registry().beginStop();
            boolean finished = context.registry().awaitEmpty(Math.max(0, grace.toNanos()));
            if (!finished) {
                context.log().log(Level.WARNING, context.registry().size() + " connection(s) still busy after the graceful "
                        + "timeout of " + grace.toMillis() + " ms; closing them.");
                context.registry().closeAll();
                context.registry().awaitEmpty(TimeUnit.SECONDS.toNanos(1));
            }
        } catch (InterruptedException e) {
            context.registry().closeAll();
            Thread.currentThread().interrupt();
        } finally {
            loops.ifPresent(EventLoops::close);
            threads.executor().shutdownNow();
            threads.handOvers().shutdownNow();
            stopApplication();
            context.accessLog().ifPresent(AccessLog::close);
            context.errors().flush();
            unregisterHook();
            context.log().log(Level.INFO, "Carafe gateway server on port " + port() + " stopped.");
            terminated.countDown();
        }
    }

    /** Stops gracefully within {@link ServerSettings#gracefulTimeout()}: {@code stop(settings.gracefulTimeout())}. */
    @Override
    public void close() {
        stop(settings.gracefulTimeout());
    }

    /**
     * Blocks until the server has stopped (by {@link #stop}, {@link #close} or a shutdown signal).
     *
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public void awaitTermination() throws InterruptedException {
        terminated.await();
    }

    /**
     * Registers a JVM shutdown hook so that SIGTERM and SIGINT (Ctrl-C) stop the server gracefully
     * within {@link ServerSettings#gracefulTimeout()}. Calling it again does nothing.
     */
    public void stopOnShutdownSignal() {
        if (!stopped.get() && hookRegistered.compareAndSet(false, true)) {
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
    }

    private void unregisterHook() {
        if (hookRegistered.get() && Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                context.log().log(Level.DEBUG, "The JVM is already shutting down: " + e.getMessage());
            }
        }
    }

    private void acceptLoop() {
        // The watchdog enforces every connection's timeouts; it starts with the acceptor and ends
        // when the server has terminated (after the last connection closed).
        watchdog.start();
        ConnectionRegistry registry = context.registry();
        while (!stopped.get()) {
            try {
                registry.acquire();
            } catch (InterruptedException e) {
                return;
            }
            SocketChannel channel;
            try {
                channel = listener.accept();
            } catch (ClosedChannelException e) {
                registry.release();
                return;
            } catch (IOException e) {
                registry.release();
                if (!listener.isOpen()) {
                    return;
                }
                context.log().log(Level.WARNING, "Accepting a connection failed: " + e);
                continue;
            }
            if (stopped.get()) {
                closeQuietly(channel);
                registry.release();
                return;
            }
            serve(channel);
        }
    }

    /** Parks a new connection on an event loop, or gives it a thread of its own. */
    private void serve(SocketChannel channel) {
        ConnectionRegistry registry = context.registry();
        Connection connection;
        try {
            connection = loops.isPresent() ? Connection.parked(context, channel, loops.get().next())
                    : Connection.blocking(context, channel);
        } catch (IOException e) {
            context.log().log(Level.DEBUG, "A new connection failed before its first request: " + e);
            closeQuietly(channel);
            registry.release();
            return;
        }
        registry.add(connection);
        if (loops.isPresent()) {
            connection.parkFirst();
            return;
        }
        try {
            threads.executor().execute(connection);
        } catch (RuntimeException e) {
            connection.forceClose();
            registry.remove(connection);
        }
    }

    /** Tells a {@link Lifespan} application that it is about to be served; a failure stops the start. */
    private static void startApplication(Application app) {
        try {
            Lifespan.start(app);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("The application failed to start: " + e + "; the server did not start.", e);
        }
    }

    /** Tells a {@link Lifespan} application that the server stopped serving it; a failure is logged. */
    private void stopApplication() {
        try {
            Lifespan.stop(context.app());
        } catch (Exception e) {
            context.log().log(Level.ERROR, "The application failed while stopping (Lifespan.stopping); the server "
                    + "stopped anyway.", e);
        }
    }

    private void closeListener() {
        try {
            listener.close();
        } catch (IOException e) {
            context.log().log(Level.DEBUG, "Closing the listening socket failed: " + e);
        }
    }

    private void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            context.log().log(Level.DEBUG, "Closing a connection accepted during stop failed: " + e);
        }
    }

    private static String hostForUrl(InetSocketAddress address) {
        String host = address.getAddress().getHostAddress();
        return host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    }

    /** {@code gateway.errors}: standard error, never closed by applications, never throwing. */
    private static PrintWriter errorsWriter() {
        Writer stderr = new FilterWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8)) {
            @Override
            public void close() throws IOException {
                flush();
            }
        };
        return new PrintWriter(stderr, true);
    }
}
