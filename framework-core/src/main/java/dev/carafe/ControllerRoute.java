package dev.carafe;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One route found on a controller by {@link ControllerScanner}, registered by the App like a lambda
 * route.
 *
 * @param rule the rule, with the controller's prefix, for example {@code /users/<int:id>}
 * @param methods the HTTP methods, upper case, in the order given
 * @param endpoint the endpoint name, for example {@code users.show}
 * @param handler calls the method with its bound arguments
 */
record ControllerRoute(String rule, Set<String> methods, String endpoint, Handler handler) {

    ControllerRoute {
        methods = Collections.unmodifiableSet(new LinkedHashSet<>(methods));
    }
}
