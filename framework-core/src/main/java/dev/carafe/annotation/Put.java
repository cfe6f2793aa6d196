package dev.carafe.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a public method of a controller the handler of {@code PUT} requests to a rule, once the
 * controller is registered with {@code app.register(controller)}.
 *
 * <pre>{@code
 * @Put("/users/<int:id>")
 * public User show(int id) { ... }
 * }</pre>
 *
 * <p>One route annotation per method; for several methods on one rule use {@link Route}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Put {

    /**
     * The rule, for example {@code /users/<int:id>}; under the controller's {@link Controller#prefix()}.
     *
     * @return the rule
     */
    String value();

    /**
     * The endpoint name URLs are built from; by default the method's name, under the controller's
     * {@link Controller#name()}.
     *
     * @return the endpoint, {@code ""} for the default
     */
    String endpoint() default "";
}
