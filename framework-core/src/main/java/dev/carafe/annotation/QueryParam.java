package dev.carafe.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a controller method's parameter to a query argument (`?page=2`), converted to the
 * parameter's type.
 *
 * <pre>{@code
 * @Get("/search")
 * public List<Hit> search(@QueryParam("q") String q, @QueryParam("page") Optional<Integer> page) { ... }
 * }</pre>
 *
 * <p>A missing value is a 400 Bad Request unless the type is {@code Optional<T>} (then empty) or
 * {@code List<T>} (every value, possibly none); a value that does not convert is a 400 naming the
 * parameter, the value and the expected type. {@code @QueryParam MultiMap} receives all the query
 * arguments.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface QueryParam {

    /**
     * The name; by default the parameter's own name (compile with {@code -parameters}).
     *
     * @return the name, {@code ""} for the parameter's name
     */
    String value() default "";
}
