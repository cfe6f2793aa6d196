package dev.carafe.benchmarks.server;

import io.undertow.Undertow;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.nio.ByteBuffer;

/**
 * Raw Undertow serving the wrk benchmark: one {@code HttpHandler}, no servlets.
 *
 * <p>Both paths are answered on the I/O thread, as Undertow's own TechEmpower entry does: neither
 * handler blocks, so dispatching to a worker would only add a hand-off. I/O threads: one per core
 * (Undertow's default, set explicitly); the worker pool is unused. Undertow adds {@code Date}
 * (its {@code ALWAYS_SET_DATE} default) and no {@code Server} header.
 *
 * <pre>{@code java -cp benchmarks/target/benchmarks.jar dev.carafe.benchmarks.server.UndertowMain 8080}</pre>
 */
public final class UndertowMain {

    private UndertowMain() {
    }

    /**
     * Starts the server and keeps it running until the process is stopped.
     *
     * @param args the port to listen on
     */
    public static void main(String[] args) {
        int port = HelloWorld.port(args);
        Undertow server = Undertow.builder()
                .addHttpListener(port, HelloWorld.HOST)
                .setIoThreads(HelloWorld.cores())
                .setHandler(UndertowMain::handle)
                .build();
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "undertow-stop"));
        HelloWorld.announce("undertow", port);
    }

    private static void handle(HttpServerExchange exchange) {
        String path = exchange.getRequestPath();
        if (HelloWorld.PLAINTEXT_PATH.equals(path)) {
            send(exchange, HelloWorld.TEXT_PLAIN, HelloWorld.plaintext());
        } else if (HelloWorld.JSON_PATH.equals(path)) {
            send(exchange, HelloWorld.APPLICATION_JSON, HelloWorld.json());
        } else {
            exchange.setStatusCode(404);
            exchange.endExchange();
        }
    }

    private static void send(HttpServerExchange exchange, String contentType, byte[] body) {
        exchange.getResponseHeaders()
                .put(Headers.CONTENT_TYPE, contentType)
                .put(Headers.CONTENT_LENGTH, body.length);
        exchange.getResponseSender().send(ByteBuffer.wrap(body));
    }
}
