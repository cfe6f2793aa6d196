package dev.carafe.gateway;

/**
 * A layer that wraps an {@link Application} in another one: an application toward its server, a
 * server toward the application it wraps.
 *
 * <p>A middleware obeys both sides of the contract (see {@code docs/gateway.md}, "Middleware"):
 * it forwards {@code close()} of the wrapped body, passes {@code excInfo} through, yields at least
 * one chunk for every chunk it receives, drops or fixes {@code Content-Length} when it changes
 * the body, and forwards the {@link Lifespan} of the application it wraps
 * ({@code return Lifespan.forward(wrapper, next);}).
 *
 * <pre>{@code
 * Middleware logRequests = next -> (environ, startResponse) -> {
 *     System.out.println(environ.get(Environ.REQUEST_METHOD) + " " + environ.get(Environ.PATH_INFO));
 *     return next.call(environ, startResponse);
 * };
 * Application app = logRequests.wrap(hello);
 * }</pre>
 */
@FunctionalInterface
public interface Middleware {

    /**
     * Wraps an application.
     *
     * @param next the application to call for each request
     * @return the wrapping application
     */
    Application wrap(Application next);

    /**
     * Wraps an application in several middleware, the first one outermost. A layer that drops
     * the {@link Lifespan} of what it wraps gets it forwarded ({@link Lifespan#forward}).
     *
     * @param app the innermost application
     * @param layers the middleware, outermost first
     * @return the wrapped application; {@code app} itself when there are no layers
     */
    static Application chain(Application app, Middleware... layers) {
        Application wrapped = app;
        for (int i = layers.length - 1; i >= 0; i--) {
            wrapped = Lifespan.forward(layers[i].wrap(wrapped), wrapped);
        }
        return wrapped;
    }
}
