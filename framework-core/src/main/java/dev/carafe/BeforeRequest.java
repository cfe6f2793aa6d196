package dev.carafe;

import java.util.Optional;

/**
 * A function run before every request's handler, Flask's {@code before_request}: load the
 * logged-in user into {@code g}, check an API key, refuse maintenance-time requests. Returning a
 * value ends the request there: the value becomes the response (converted like a handler's) and
 * neither the handler nor the remaining before-functions run. Returning empty continues.
 *
 * <pre>{@code
 * app.beforeRequest(request -> {
 *     request.session().get("user_id", Integer.class).flatMap(users::find)
 *             .ifPresent(user -> request.g().put("user", user));
 *     return Optional.empty();
 * });
 * }</pre>
 *
 * <p>Before-functions run in registration order, also for requests no rule matches (before the
 * 404 is raised), as in Flask.
 */
@FunctionalInterface
public interface BeforeRequest {

    /**
     * Runs before the handler.
     *
     * @param request the request
     * @return empty to continue, or the response (any value a handler may return) to answer with
     * @throws Exception any failure, handled like a handler's
     */
    Optional<?> before(Request request) throws Exception;
}
