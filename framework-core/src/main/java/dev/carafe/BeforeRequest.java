package dev.carafe;

import java.util.Optional;

/**
 * A function run before every request's handler, Flask's {@code before_request}: load the
 * logged-in user into {@code g}, check an API key, refuse maintenance-time requests. Returning a
 * response ends the request there: neither the handler nor the remaining before-functions run.
 * Returning empty continues.
 *
 * <p>The answer is typed {@link Response}, where a handler may return any value: a lookup that
 * happens to yield an {@code Optional}, such as {@code request -> request.session().get("user_id")},
 * would otherwise compile and answer every request with the user id. Build the early answer with
 * {@link Response#redirect}, {@link Response#text}, {@link Response#json} and the like:
 *
 * <pre>{@code
 * app.beforeRequest(request -> request.session().contains("user_id")
 *         ? Optional.empty()
 *         : Optional.of(Response.redirect("/auth/login")));
 * }</pre>
 *
 * <p>Loading something for the handlers, and continuing:
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
     * @return empty to continue, or the response to answer with
     * @throws Exception any failure, handled like a handler's
     */
    Optional<Response> before(Request request) throws Exception;
}
