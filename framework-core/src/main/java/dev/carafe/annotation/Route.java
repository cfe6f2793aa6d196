package dev.carafe.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a public method of a controller the handler of a rule for several methods, Flask's
 * {@code @app.route(rule, methods=[...])}.
 *
 * <pre>{@code
 * @Route(rule = "/<int:id>/update", methods = {"GET", "POST"})
 * public Object update(Request request, int id) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Route {

    /**
     * The rule, for example {@code /<int:id>/update}; under the controller's {@link Controller#prefix()}.
     *
     * @return the rule
     */
    String rule();

    /**
     * The HTTP methods, for example {@code {"GET", "POST"}}; at least one, any case.
     *
     * @return the methods
     */
    String[] methods();

    /**
     * The endpoint name; by default the method's name, under the controller's {@link Controller#name()}.
     *
     * @return the endpoint, {@code ""} for the default
     */
    String endpoint() default "";
}
