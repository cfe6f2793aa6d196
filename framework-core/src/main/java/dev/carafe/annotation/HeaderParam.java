package dev.carafe.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a controller method's parameter to a request header (the name in any case), converted to
 * the parameter's type.
 *
 * <pre>{@code
 * @Get("/me")
 * public User me(@HeaderParam("Authorization") String authorization) { ... }
 * }</pre>
 *
 * <p>Missing and malformed values are 400s as for {@link QueryParam}; a {@code List<T>} receives the
 * comma-separated values.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface HeaderParam {

    /**
     * The name; by default the parameter's own name (compile with {@code -parameters}).
     *
     * @return the name, {@code ""} for the parameter's name
     */
    String value() default "";
}
