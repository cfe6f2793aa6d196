package dev.carafe;

/**
 * Turns an exception into a response, Flask's {@code errorhandler}. Register one for a status
 * ({@code app.errorHandler(404, ...)}) or an exception class
 * ({@code app.errorHandler(SQLException.class, ...)}); the most specific one answers: a handler for
 * the status first (for {@link HttpError}s), then the one for the closest class.
 *
 * <pre>{@code
 * app.errorHandler(HttpError.NotFound.class, (request, error) ->
 *         Response.html("<h1>Lost?</h1><p>" + error.descriptionOrDefault() + "</p>").withStatus(404));
 * }</pre>
 *
 * <p>The value returned is converted like a handler's; its status is the response's, so set the
 * error status yourself. An exception thrown by an error handler is answered with a 500.
 *
 * @param <E> the exception type handled
 */
@FunctionalInterface
public interface ErrorHandler<E extends Throwable> {

    /**
     * Answers an error.
     *
     * @param request the request that failed
     * @param error the exception; for a status handler of 500, an {@link HttpError.InternalServerError}
     *     whose cause is the original exception
     * @return the response, or any value a handler may return
     * @throws Exception a failure of the error handler itself
     */
    Object handle(Request request, E error) throws Exception;
}
