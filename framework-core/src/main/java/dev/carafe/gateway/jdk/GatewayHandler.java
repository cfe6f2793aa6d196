package dev.carafe.gateway.jdk;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.carafe.gateway.Application;
import dev.carafe.gateway.host.Hosting;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Hosts a gateway {@link Application} in the JDK's built-in HTTP server
 * ({@code com.sun.net.httpserver}): an {@link HttpHandler} for any context.
 *
 * <p>The context path is the application's {@code SCRIPT_NAME} ({@code "/"} is the root,
 * {@code ""}); {@code PATH_INFO} is the rest of the raw request path, percent-decoded one char
 * per byte. The JDK matches contexts by string prefix, so a context {@code /shop} also receives
 * {@code /shopping}; the handler answers such requests {@code 404 Not Found} itself, without
 * calling the application.
 *
 * <pre>{@code
 * HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 8080), 0);
 * server.createContext("/shop", GatewayHandler.of(app));
 * server.setExecutor(Executors.newCachedThreadPool());
 * server.start();
 * }</pre>
 *
 * <p>What this host cannot do: it sends the standard reason phrase for each code, not the
 * application's; it writes header names in its own case ({@code X-request-id}); it sets
 * {@code Date} itself; it answers {@code Expect: 100-continue} before the application runs.
 */
public final class GatewayHandler implements HttpHandler {

    private static final byte[] NOT_FOUND = "Not Found\n".getBytes(StandardCharsets.UTF_8);

    private final Application app;
    private final System.Logger logger = System.getLogger(GatewayHandler.class.getName());
    private final PrintWriter errors = Hosting.errors(line -> logger.log(System.Logger.Level.WARNING, line));

    private GatewayHandler(Application app) {
        this.app = app;
    }

    /**
     * Creates a handler for an application.
     *
     * @param app the application; it may be called from several threads at once
     * @return the handler
     * @throws NullPointerException if {@code app} is {@code null}
     */
    public static GatewayHandler of(Application app) {
        return new GatewayHandler(Objects.requireNonNull(app, "app"));
    }

    /**
     * Runs the application for one exchange. The exchange is closed when the response is
     * complete; when it has to be aborted (the client went away, or the application failed after
     * the headers were sent) this method throws and the JDK server drops the connection.
     *
     * @param exchange the exchange
     * @throws IOException if the exchange was aborted
     */
    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Optional<Map<String, Object>> environ = JdkEnviron.of(exchange, errors);
        if (environ.isEmpty()) {
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(404, "HEAD".equals(exchange.getRequestMethod()) ? -1 : NOT_FOUND.length);
            try (OutputStream body = exchange.getResponseBody()) {
                if (!"HEAD".equals(exchange.getRequestMethod())) {
                    body.write(NOT_FOUND);
                }
            }
            exchange.close();
            return;
        }
        Hosting.respond(app, environ.get(), new JdkExchange(exchange, logger));
        exchange.close();
    }
}
