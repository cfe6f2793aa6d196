package dev.carafe;

import java.util.Set;

/**
 * One route found on a controller by {@link ControllerScanner}, registered by the App like a lambda
 * route.
 *
 * @param rule the rule, with the controller's prefix, for example {@code /users/<int:id>}
 * @param options the HTTP methods, the endpoint name (for example {@code users.show}) and the
 *     annotation's defaults (typed) and strict-slashes setting
 * @param handler calls the method with its bound arguments
 */
record ControllerRoute(String rule, RouteOptions options, Handler handler) {

    /** @return the endpoint name, for example {@code users.show} */
    String endpoint() {
        return options.endpoint().orElseThrow();
    }

    /** @return the HTTP methods, upper case, in the order given */
    Set<String> methods() {
        return options.methods();
    }
}
