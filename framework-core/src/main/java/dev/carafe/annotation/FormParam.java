package dev.carafe.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a controller method's parameter to a form field of a urlencoded or multipart body,
 * converted to the parameter's type.
 *
 * <pre>{@code
 * @Post("/posts")
 * public Response create(
 *         @FormParam("title") String title,
 *         @FormParam("attachment") Optional<UploadedFile> file) { ... }
 * }</pre>
 *
 * <p>Missing and malformed values are 400s as for {@link QueryParam}. {@code @FormParam MultiMap} receives
 * all the fields; an {@code UploadedFile} (or {@code Optional}, {@code List} of them) receives the
 * files of a multipart field.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface FormParam {

    /**
     * The name; by default the parameter's own name (compile with {@code -parameters}).
     *
     * @return the name, {@code ""} for the parameter's name
     */
    String value() default "";
}
