package dev.carafe.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
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
 * <p>For several methods on one rule use {@link Route}. Repeated, each {@code @Put} adds a rule for
 * the method (for example one with {@link #defaults()} and one holding the variable).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(Put.List.class)
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

    /**
     * Values the method receives as if the rule held them, Flask's {@code defaults}: each
     * {@code "name=value"}, the value converted to the type of the parameter named {@code name}
     * (so {@code "page=1"} for an {@code int page} is the {@code Integer} 1). See
     * {@code docs/handlers.md}, "Rule options".
     *
     * @return the defaults, none by default
     */
    String[] defaults() default {};

    /**
     * Flask's {@code strict_slashes}: false matches the rule with and without a trailing slash
     * alike, instead of redirecting to (or refusing) the other form.
     *
     * @return true by default
     */
    boolean strictSlashes() default true;

    /**
     * What Java makes of {@code @Put} written more than once on a method: each is a rule of its own,
     * all leading to the method under one endpoint, as stacked {@code @app.route} decorators do in
     * Flask. Not written by hand.
     */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface List {
        /**
         * The repeated annotations, in source order.
         *
         * @return the annotations
         */
        Put[] value();
    }
}
