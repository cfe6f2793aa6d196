package dev.carafe.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a controller method's parameter to a request cookie, converted to the parameter's type.
 *
 * <pre>{@code
 * @Get("/")
 * public String index(@CookieParam("theme") Optional<String> theme) { ... }
 * }</pre>
 *
 * <p>Missing and malformed values are 400s as for {@link QueryParam}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface CookieParam {

    /**
     * The name; by default the parameter's own name (compile with {@code -parameters}).
     *
     * @return the name, {@code ""} for the parameter's name
     */
    String value() default "";
}
