package dev.carafe.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Optional, on a controller class: a rule prefix and an endpoint prefix for all its methods.
 *
 * <pre>{@code
 * @Controller(prefix = "/users", name = "users")
 * public final class Users {
 *     @Get("/<int:id>")                      // rule /users/<int:id>, endpoint users.show
 *     public User show(int id) { ... }
 * }
 * }</pre>
 *
 * <p>This is not a blueprint: it has no hooks or error handlers of its own.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Controller {

    /**
     * Put before every rule of the controller, for example {@code /users}; a trailing slash is dropped.
     *
     * @return the prefix, {@code ""} for none
     */
    String prefix() default "";

    /**
     * Put before every endpoint of the controller, with a dot: {@code users} makes {@code show}
     * {@code users.show}.
     *
     * @return the name, {@code ""} for none
     */
    String name() default "";
}
