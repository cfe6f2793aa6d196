package dev.carafe.gateway.host;

import java.io.IOException;

/**
 * One HTTP exchange of a hosting server, as {@link Hosting#respond} drives it: the three things a
 * host adapter must provide so that any gateway application can answer through it.
 *
 * <p>{@link Hosting#respond} calls {@link #commit} at most once, when the status and headers must
 * go out (with the first non-empty chunk, or at the end of the body), then {@link #write} for each
 * chunk. An {@code IOException} from either means the client went away.
 *
 * <pre>{@code
 * HostExchange exchange = new HostExchange() {
 *     public void commit(ResponseHead head) throws IOException { ... status, headers, framing ... }
 *     public void write(byte[] bytes, int offset, int length) throws IOException { ... write and flush ... }
 *     public void log(String message, Throwable error) { logger.log(Level.ERROR, message, error); }
 * };
 * Hosting.respond(app, environ, exchange);
 * }</pre>
 */
public interface HostExchange {

    /**
     * Sends the status line and the headers, and chooses the body framing: a fixed length when
     * {@link ResponseHead#contentLength()} is present, the server's streaming framing (chunked on
     * HTTP/1.1) otherwise, no body at all when {@link ResponseHead#bodyAllowed()} is false.
     *
     * @param head the status, the headers and the framing
     * @throws IOException if the client went away
     */
    void commit(ResponseHead head) throws IOException;

    /**
     * Sends body bytes and flushes them, so the client sees each chunk before the application
     * produces the next one.
     *
     * @param bytes the buffer
     * @param offset where the bytes to send start
     * @param length how many bytes to send, at least one
     * @throws IOException if the client went away
     */
    void write(byte[] bytes, int offset, int length) throws IOException;

    /**
     * Logs a failure of the application or a violation of the contract; it must not throw.
     *
     * @param message what happened, for the operator
     * @param error the exception
     */
    void log(String message, Throwable error);
}
