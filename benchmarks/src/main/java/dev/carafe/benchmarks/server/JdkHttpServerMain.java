package dev.carafe.benchmarks.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The JDK's own {@code com.sun.net.httpserver.HttpServer} serving the wrk benchmark.
 *
 * <p>Executor: a fixed pool of one thread per core. The server's single dispatcher thread accepts
 * connections and reads request heads; the handlers never block, so more threads than cores would
 * only add context switches, and without an executor every handler would run on the dispatcher.
 * Backlog 1024, as the others. Two of the JDK's own settings are raised so that it can take a
 * keep-alive benchmark at all (with its defaults it stalls 40 ms per response on Nagle's algorithm
 * and delayed ACKs, and closes connections beyond 200 idle ones): {@code sun.net.httpserver.nodelay}
 * is set to {@code true} and {@code sun.net.httpserver.maxIdleConnections} to 1024, unless given on
 * the command line. The JDK adds {@code Date} and no {@code Server} header.
 *
 * <pre>{@code java -cp benchmarks/target/benchmarks.jar dev.carafe.benchmarks.server.JdkHttpServerMain 8080}</pre>
 */
public final class JdkHttpServerMain {

    private JdkHttpServerMain() {
    }

    /**
     * Starts the server and keeps it running until the process is stopped.
     *
     * @param args the port to listen on
     * @throws IOException if the port cannot be bound
     */
    public static void main(String[] args) throws IOException {
        int port = HelloWorld.port(args);
        defaultProperty("sun.net.httpserver.nodelay", "true");
        defaultProperty("sun.net.httpserver.maxIdleConnections", "1024");
        HttpServer server = HttpServer.create(new InetSocketAddress(HelloWorld.HOST, port), 1024);
        ExecutorService executor = Executors.newFixedThreadPool(HelloWorld.cores());
        server.setExecutor(executor);
        server.createContext("/", JdkHttpServerMain::handle);
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop(0);
            executor.shutdown();
        }, "jdk-httpserver-stop"));
        HelloWorld.announce("jdk", port);
    }

    private static void defaultProperty(String name, String value) {
        if (System.getProperty(name) == null) {
            System.setProperty(name, value);
        }
    }

    private static void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        if (HelloWorld.PLAINTEXT_PATH.equals(path)) {
            send(exchange, HelloWorld.TEXT_PLAIN, HelloWorld.plaintext());
        } else if (HelloWorld.JSON_PATH.equals(path)) {
            send(exchange, HelloWorld.APPLICATION_JSON, HelloWorld.json());
        } else {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        }
    }

    private static void send(HttpExchange exchange, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
