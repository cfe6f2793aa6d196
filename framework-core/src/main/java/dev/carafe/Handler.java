package dev.carafe;

/**
 * The code behind a route: takes the request, returns what the response is made of.
 *
 * <p>The return value is converted like Flask's {@code make_response}: a {@code String} becomes
 * an HTML page, a {@code byte[]} raw bytes, a record, map or list JSON, a {@code Response} is sent
 * as it is (see {@code docs/handlers.md}). Throwing an {@link HttpError} answers with its status;
 * any other exception becomes a 500 (or reaches the test in testing mode).
 *
 * <pre>{@code
 * app.get("/users/<int:id>", request -> users.find((Integer) request.viewArgs().get("id")));
 * }</pre>
 */
@FunctionalInterface
public interface Handler {

    /**
     * Handles one request.
     *
     * @param request the request being handled
     * @return the response or a value convertible to one; never {@code null}
     * @throws Exception any failure; {@link HttpError}s answer with their status
     */
    Object handle(Request request) throws Exception;
}
