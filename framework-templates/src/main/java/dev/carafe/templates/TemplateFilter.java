package dev.carafe.templates;

/**
 * A filter you add to templates, Jinja's {@code @app.template_filter}: {@code {{ value | name(args) }}}.
 *
 * <pre>{@code
 * Templates templates = Templates.builder(app)
 *         .filter("reverse", (value, arguments) -> new StringBuilder(String.valueOf(value)).reverse().toString())
 *         .build();
 * // {{ 'abc' | reverse }} renders cba
 * }</pre>
 *
 * <p>The value is escaped like any other when printed in an autoescaped template; return a
 * {@link SafeHtml} for markup you built yourself from escaped parts.
 */
@FunctionalInterface
public interface TemplateFilter {

    /**
     * Filters a value.
     *
     * @param value the value left of the {@code |}; {@code null} for an undefined value
     * @param arguments the arguments in parentheses, positional and by name
     * @return the filtered value
     * @throws Exception any failure, reported as a {@link TemplateException} naming the template and line
     */
    Object apply(Object value, Arguments arguments) throws Exception;
}
