package dev.carafe.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a controller method's parameter to the request body: JSON read with the App's codec into
 * the parameter's full generic type (a record, a POJO, {@code List<Item>},
 * {@code Map<String, Integer>}); a {@code byte[]} receives the raw bytes, a {@code String} the body
 * as UTF-8 text, an {@code InputStream} the body stream.
 *
 * <pre>{@code
 * @Post("/users")
 * public Response create(@Body NewUser user) { ... }
 * }</pre>
 *
 * <p>JSON needs {@code Content-Type: application/json} (else 415); a body that is not JSON or does
 * not fit the type is a 400 naming the parameter and the parser's reason. {@code Optional<T>} is
 * empty for an empty body.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Body {
}
