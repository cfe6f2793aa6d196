package dev.carafe;

/**
 * A function run on every response before it is sent, Flask's {@code after_request}: add headers,
 * set cookies, log. It also runs for error responses and for responses a before-function returned.
 *
 * <pre>{@code
 * app.afterRequest((request, response) -> response.withHeader("X-Content-Type-Options", "nosniff"));
 * }</pre>
 *
 * <p>After-functions run in the reverse order of registration, each receiving the previous one's
 * result.
 */
@FunctionalInterface
public interface AfterRequest {

    /**
     * Changes or replaces the response.
     *
     * @param request the request
     * @param response the response so far
     * @return the response to send (the same one, a changed copy, or another)
     * @throws Exception any failure; the request is then answered with a 500
     */
    Response after(Request request, Response response) throws Exception;
}
