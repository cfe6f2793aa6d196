package dev.carafe.gateway.jdk;

import com.sun.net.httpserver.HttpServer;
import dev.carafe.gateway.Application;
import dev.carafe.gateway.Lifespan;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A JDK {@link HttpServer} serving one application at the root, started and stopped in one call
 * each: the quickest way to run a gateway application with no dependency at all.
 *
 * <p>Each request runs on its own thread: a virtual thread on JDK 21 and later, otherwise a
 * thread from a cached pool. For more contexts, filters or HTTPS, create the {@link HttpServer}
 * yourself and use {@link GatewayHandler}.
 *
 * <pre>{@code
 * try (JdkServer server = JdkServer.start(app, new InetSocketAddress("127.0.0.1", 8080))) {
 *     System.out.println("Listening on port " + server.port());
 *     ...
 * }
 * }</pre>
 */
public final class JdkServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;
    private final Application app;

    private JdkServer(HttpServer server, ExecutorService executor, Application app) {
        this.server = server;
        this.executor = executor;
        this.app = app;
    }

    /**
     * Tells a {@link Lifespan} application it starts, binds the address, and starts serving the
     * application at the root context {@code "/"}. (The JDK server cannot release an address it
     * bound without having served, so the application starts first, and is stopped again when the
     * address cannot be bound.)
     *
     * @param app the application
     * @param address where to listen; port 0 picks a free port (see {@link #port()})
     * @return the running server
     * @throws IOException if the address cannot be bound
     * @throws IllegalStateException if the application's {@link Lifespan#started()} failed (its
     *     unchecked exception is thrown as is, a checked one wrapped); nothing was bound
     * @throws NullPointerException if an argument is {@code null}
     */
    public static JdkServer start(Application app, InetSocketAddress address) throws IOException {
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(address, "address");
        HttpServer server = HttpServer.create();
        try {
            Lifespan.start(app);
        } catch (Exception e) {
            throw e instanceof RuntimeException r ? r
                    : new IllegalStateException("The application failed to start: " + e + "; the server did not start.", e);
        }
        try {
            server.bind(address, 0);
        } catch (IOException | RuntimeException e) {
            stopApplication(app);
            throw e;
        }
        server.createContext("/", GatewayHandler.of(app));
        ExecutorService executor = requestThreads();
        server.setExecutor(executor);
        server.start();
        return new JdkServer(server, executor, app);
    }

    /** @return the port the server listens on */
    public int port() {
        return server.getAddress().getPort();
    }

    /** @return the address the server listens on */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** @return the underlying JDK server, for adding contexts or filters */
    public HttpServer httpServer() {
        return server;
    }

    /**
     * Stops the server at once: it stops listening, closes every connection (requests in progress
     * are cut off) and stops its request threads; then tells a {@link Lifespan} application that it
     * stopped (a failure there is logged). Closing twice has no further effect.
     */
    @Override
    public void close() {
        if (!executor.isShutdown()) {
            server.stop(0);
            executor.shutdownNow();
            stopApplication(app);
        }
    }

    private static void stopApplication(Application app) {
        try {
            Lifespan.stop(app);
        } catch (Exception e) {
            System.getLogger(JdkServer.class.getName()).log(System.Logger.Level.ERROR,
                    "The application failed while stopping (Lifespan.stopping); the server stopped anyway.", e);
        }
    }

    /** Virtual threads where the JDK has them (21+), else a cached pool of daemon threads. */
    private static ExecutorService requestThreads() {
        try {
            return (ExecutorService) MethodHandles.publicLookup()
                    .findStatic(Executors.class, "newVirtualThreadPerTaskExecutor",
                            MethodType.methodType(ExecutorService.class))
                    .invoke();
        } catch (Error e) {
            throw e;
        } catch (Throwable e) {
            // JDK 17 has no virtual threads (JDK 19 and 20 only as a preview): use platform threads.
            AtomicInteger count = new AtomicInteger();
            return Executors.newCachedThreadPool(task -> {
                Thread thread = new Thread(task, "carafe-jdk-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
        }
    }
}
