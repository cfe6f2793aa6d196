package dev.carafe.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a controller method's parameter to a variable of the rule, by a name other than the
 * parameter's, converted to the parameter's type.
 *
 * <pre>{@code
 * @Get("/users/<int:id>")
 * public User show(@PathParam("id") long userId) { ... }
 * }</pre>
 *
 * <p>Rule variables bind to parameters of the same name without it; use it when the names differ
 * or the class is compiled without {@code -parameters}. The value arrives typed from the rule's
 * converter ({@code <int:id>}) and is converted when the parameter's type differs ({@code long id}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface PathParam {

    /**
     * The name; by default the parameter's own name (compile with {@code -parameters}).
     *
     * @return the name, {@code ""} for the parameter's name
     */
    String value() default "";
}
