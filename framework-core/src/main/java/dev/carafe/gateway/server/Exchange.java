package dev.carafe.gateway.server;

import dev.carafe.gateway.FileBody;
import dev.carafe.gateway.Header;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * One request and its response on a connection: builds the environ, calls the application, sends
 * its body, closes the body exactly once, handles failures, drains what the application left
 * unread, and writes the access-log line.
 */
final class Exchange {

    /** The most unread request-body bytes discarded to keep a connection; beyond it the connection closes. */
    static final long DRAIN_LIMIT = 256 * 1024;

    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);

    private final ServerContext server;
    private final RequestHead head;
    private final ConnectionInput in;
    private final ConnectionOutput out;
    private final EnvironBuilder environs;
    /** What the server's own answer sent (413, 417, 500), when it answered instead of the application. */
    private ErrorPage.Sent answered;
    private int answeredStatus;

    /** @param environs builds the environ of the connection's requests */
    Exchange(ServerContext server, RequestHead head, ConnectionInput in, ConnectionOutput out,
            EnvironBuilder environs) {
        this.server = server;
        this.head = head;
        this.in = in;
        this.out = out;
        this.environs = environs;
    }

    /**
     * Runs the exchange.
     *
     * @return whether the connection may carry another request
     */
    boolean run() {
        long started = System.nanoTime();
        long startMillis = System.currentTimeMillis();
        RequestBody body = body();
        ResponseWriter response = new ResponseWriter(server, head, body, out, in);
        Map<String, Object> environ = environs.build(head, body);
        boolean keep = respond(environ, body, response);
        keep = keep && response.keepAlive() && body.drain(DRAIN_LIMIT);
        boolean ownAnswer = response.code() == 0 && answered != null;
        int status = ownAnswer ? answeredStatus : response.code();
        long bytes = ownAnswer ? answered.bodyBytes() : response.sent();
        List<Header> headers = ownAnswer ? answered.headers() : response.headers();
        server.accessLog().ifPresent(log -> log.write(AccessLogEntry.answered(environ, head, status, bytes, headers,
                startMillis, System.nanoTime() - started)));
        return keep;
    }

    private RequestBody body() {
        BodySource source;
        if (head.chunked()) {
            source = new ChunkedDecoder(in, server.settings().maxBodyBytes(), server.settings().maxHeaderCount());
        } else if (head.contentLength().orElse(0) > 0) {
            source = new FixedLengthDecoder(in, head.contentLength().getAsLong());
        } else {
            return RequestBody.empty();
        }
        RequestBody.Continue interim = head.expectContinue() ? this::sendContinue : null;
        return new RequestBody(source, interim);
    }

    private void sendContinue() throws IOException {
        out.write(CONTINUE);
        out.flush();
    }

    /** Calls the application and sends its response; returns false if the connection must close. */
    private boolean respond(Map<String, Object> environ, RequestBody input, ResponseWriter response) {
        Iterable<byte[]> body = null;
        try {
            body = server.app().call(environ, response);
            if (body == null) {
                throw new IllegalStateException("The application returned null instead of a body; "
                        + "return List.of() for an empty body.");
            }
            if (body instanceof FileBody file) {
                response.sendFile(file);
            } else {
                OptionalLong known = knownLength(body);
                for (byte[] chunk : body) {
                    if (chunk == null) {
                        throw new IllegalStateException("The application's body yielded null; yield byte arrays.");
                    }
                    response.send(chunk, known);
                    if (response.full()) {
                        break;
                    }
                }
            }
            response.finish();
            return true;
        } catch (Throwable failure) {
            fail(failure, input, response);
            return false;
        } finally {
            close(body);
        }
    }

    private void fail(Throwable failure, RequestBody input, ResponseWriter response) {
        if (response.clientGone() || input.clientClosed()) {
            server.log().log(Level.DEBUG, "The client went away during the response to " + head.requestLine() + ": " + failure);
            return;
        }
        if (input.failure().isPresent()) {
            BodyException bad = input.failure().get();
            if (!response.headersSent()) {
                answer(bad.status(), bad.getMessage());
            }
            return;
        }
        if (failure instanceof InterruptedException && server.stopping()) {
            server.log().log(Level.DEBUG, "Interrupted by the server's stop while serving " + head.requestLine() + ".");
            return;
        }
        String message = "Error while serving " + head.requestLine()
                + (response.headersSent() ? " after the headers were sent; closing the connection" : "");
        server.log().log(Level.ERROR, message, failure);
        server.errors().println(message + ": " + failure);
        server.errors().flush();
        if (!response.headersSent()) {
            answer(500, "The server could not complete the request.");
        }
        if (failure instanceof VirtualMachineError error && !(failure instanceof StackOverflowError)) {
            throw error;
        }
    }

    private void answer(int status, String detail) {
        answeredStatus = status;
        answered = ErrorPage.send(server, out, status, detail, !head.method().equals("HEAD"));
    }

    private void close(Iterable<byte[]> body) {
        if (body instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                server.log().log(Level.ERROR, "Closing the response body of " + head.requestLine() + " failed", e);
            }
        }
    }

    /** The total length of a body held in memory (a collection), so it can be sent with Content-Length. */
    private static OptionalLong knownLength(Iterable<byte[]> body) {
        if (!(body instanceof Collection<byte[]> chunks) || chunks.size() > 64) {
            return OptionalLong.empty();
        }
        long total = 0;
        for (byte[] chunk : chunks) {
            if (chunk == null) {
                return OptionalLong.empty();
            }
            total += chunk.length;
        }
        return OptionalLong.of(total);
    }
}
