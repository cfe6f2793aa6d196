package dev.carafe.templates;

/**
 * A test you add to templates, Jinja's {@code @app.template_test}: {@code {% if value is name(args) %}}.
 *
 * <pre>{@code
 * Templates templates = Templates.builder(app)
 *         .test("prime", (value, arguments) -> BigInteger.valueOf(((Number) value).longValue()).isProbablePrime(20))
 *         .build();
 * // {% if 7 is prime %}prime{% endif %}
 * }</pre>
 */
@FunctionalInterface
public interface TemplateTest {

    /**
     * Tests a value.
     *
     * @param value the value left of {@code is}; {@code null} for an undefined value
     * @param arguments the arguments after the test's name
     * @return whether the value passes
     * @throws Exception any failure, reported as a {@link TemplateException} naming the template and line
     */
    boolean test(Object value, Arguments arguments) throws Exception;
}
