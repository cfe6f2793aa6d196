package dev.carafe.gateway.jdk;

import com.sun.net.httpserver.HttpServer;
import dev.carafe.gateway.Application;
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

    private JdkServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Binds the address and starts serving the application at the root context {@code "/"}.
     *
     * @param app the application
     * @param address where to listen; port 0 picks a free port (see {@link #port()})
     * @return the running server
     * @throws IOException if the address cannot be bound
     * @throws NullPointerException if an argument is {@code null}
     */
    public static JdkServer start(Application app, InetSocketAddress address) throws IOException {
        Objects.requireNonNull(app, "app");
        HttpServer server = HttpServer.create(Objects.requireNonNull(address, "address"), 0);
        server.createContext("/", GatewayHandler.of(app));
        ExecutorService executor = requestThreads();
        server.setExecutor(executor);
        server.start();
        return new JdkServer(server, executor);
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
     * are cut off) and stops its request threads. Closing twice has no further effect.
     */
    @Override
    public void close() {
        if (!executor.isShutdown()) {
            server.stop(0);
            executor.shutdownNow();
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
