package dev.carafe.gateway.host;

import dev.carafe.gateway.Application;
import dev.carafe.gateway.Environ;
import dev.carafe.gateway.Header;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * Runs gateway applications inside other servers: the part of the contract every host adapter
 * shares. A host adapter builds the environ from its server's request, then calls
 * {@link #respond} with a {@link HostExchange} over its server's response.
 *
 * <pre>{@code
 * Map<String, Object> environ = ...;                      // CGI keys and gateway.* keys
 * environ.put(Environ.GATEWAY_INPUT, Hosting.input(request.body()));
 * environ.put(Environ.GATEWAY_ERRORS, Hosting.errors(logger::warn));
 * Hosting.respond(app, environ, exchange);                // returns when the response is complete
 * }</pre>
 */
public final class Hosting {

    private static final byte[] ERROR_BODY = "Internal Server Error\n".getBytes(StandardCharsets.UTF_8);

    private Hosting() {
    }

    /**
     * Calls the application and sends its response through the exchange, following the contract:
     * status and headers are checked at start and sent with the first non-empty chunk (or at the
     * end); {@code excInfo} replaces unsent headers and is rethrown once they were sent; the body
     * is closed exactly once, whatever happens. If the application fails before anything was
     * sent, the client gets {@code 500 Internal Server Error}; the failure is logged through
     * {@link HostExchange#log}.
     *
     * @param app the application
     * @param environ the request's environ, with {@code REQUEST_METHOD} set
     * @param exchange the host's exchange
     * @throws IOException if the exchange must be aborted (connection dropped, no more bytes): the
     *     client went away (the host's own exception is rethrown), or the application failed after
     *     the response was committed, or sent fewer bytes than its {@code Content-Length}
     */
    public static void respond(Application app, Map<String, Object> environ, HostExchange exchange)
            throws IOException {
        boolean head = "HEAD".equals(environ.get(Environ.REQUEST_METHOD));
        GatewayResponse response = new GatewayResponse(exchange, head);
        Exception failure = null;
        Iterable<byte[]> body = null;
        try {
            body = app.call(environ, response);
            if (body == null) {
                throw new IllegalStateException("The application returned null instead of a body; return an empty"
                        + " list for no body.");
            }
            response.stream(body);
        } catch (Exception e) {
            failure = e;
        } finally {
            response.bodyClosed();
            if (body instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    if (failure == null) {
                        failure = e;
                    } else {
                        failure.addSuppressed(e);
                    }
                }
            }
        }
        if (failure != null) {
            fail(failure, response, exchange, environ, head);
        }
    }

    /**
     * Wraps a request body stream as {@link Environ#GATEWAY_INPUT}: reads pass through, and
     * {@code close()} does nothing, because the host, not the application, owns the stream.
     *
     * @param body the host's request body stream, ending where the body ends
     * @return the stream to put in the environ
     */
    public static InputStream input(InputStream body) {
        return new NonClosingInput(body);
    }

    /**
     * Makes a {@link Environ#GATEWAY_ERRORS} writer that hands each line written to it (without
     * the line terminator) to a sink, such as a logger. A partial line goes out on
     * {@code flush()}. The writer never throws, even when the sink does.
     *
     * @param lines receives each line
     * @return the writer to put in the environ
     */
    public static PrintWriter errors(Consumer<String> lines) {
        return new PrintWriter(new LineWriter(lines), true);
    }

    private static void fail(Exception failure, GatewayResponse response, HostExchange exchange,
            Map<String, Object> environ, boolean head) throws IOException {
        ClientGone gone = ClientGone.in(failure);
        if (gone != null) {
            throw gone.original();
        }
        String request = environ.get(Environ.REQUEST_METHOD) + " " + environ.getOrDefault(Environ.REQUEST_URI,
                environ.getOrDefault(Environ.PATH_INFO, ""));
        if (response.committed()) {
            exchange.log("The application failed while sending the response to " + request + "; the connection is"
                    + " dropped, so the client sees an incomplete response.", failure);
            throw new IOException("The response to " + request + " was aborted after it was committed.", failure);
        }
        exchange.log("The application failed while handling " + request + "; answering 500 Internal Server Error.",
                failure);
        ResponseHead error = new ResponseHead(500, "Internal Server Error",
                List.of(new Header("Content-Type", "text/plain; charset=utf-8")),
                OptionalLong.of(ERROR_BODY.length), !head);
        exchange.commit(error);
        if (!head) {
            exchange.write(ERROR_BODY, 0, ERROR_BODY.length);
        }
    }
}
