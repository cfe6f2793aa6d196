package dev.carafe.templates;

/**
 * A function you add to templates, Jinja's {@code @app.template_global} for a callable:
 * {@code {{ name(args) }}}.
 *
 * <pre>{@code
 * Templates templates = Templates.builder(app)
 *         .function("year", arguments -> java.time.Year.now().getValue())
 *         .build();
 * // &copy; {{ year() }}
 * }</pre>
 */
@FunctionalInterface
public interface TemplateFunction {

    /**
     * Calls the function.
     *
     * @param arguments the arguments, positional and by name
     * @return the result
     * @throws Exception any failure, reported as a {@link TemplateException} naming the template and line
     */
    Object call(Arguments arguments) throws Exception;
}
