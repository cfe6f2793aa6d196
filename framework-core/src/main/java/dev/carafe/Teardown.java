package dev.carafe;

import java.util.Optional;

/**
 * A function run when a context ends, whatever happened: Flask's {@code teardown_request} and
 * {@code teardown_appcontext}. Release what the request or the context opened here (a database
 * connection kept in {@code g}, a lock).
 *
 * <pre>{@code
 * app.teardownAppContext((context, error) -> {
 *     if (context.g().remove("db") instanceof Connection db) {
 *         db.close();
 *     }
 * });
 * }</pre>
 *
 * <p>A request ends when its response was sent: before the App returns the response, or for a
 * streamed body (a returned {@code Stream}, {@code Response.chunks}, {@code Response.stream}, a
 * streamed template) when the server closes the body after the last element, so the stream can
 * read from what these functions close. Teardown functions run in the reverse order of registration. One that throws does not stop
 * the others: its exception is logged (and, in testing mode, rethrown after all have run).
 *
 * @param <C> what the function receives: the {@link Request} or the {@link AppContext}
 */
@FunctionalInterface
public interface Teardown<C> {

    /**
     * Runs at the end of the context.
     *
     * @param context the request or the app context that ends
     * @param error the exception that ended it when nothing handled it, else empty
     * @throws Exception any failure; it is logged and does not stop the other teardown functions
     */
    void teardown(C context, Optional<Throwable> error) throws Exception;
}
