package dev.carafe.templates;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * A template could not be found, compiled or rendered. The message names the template, the line
 * and what was wrong, for example
 * {@code Template 'blog/index.html', line 12: 'post' is undefined (strict mode) ...}; a missing
 * template names the folders that were searched. Inside a handler it becomes a 500 like any other
 * exception (with the message on the debug page), or reaches the test in testing mode.
 */
public final class TemplateException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The template where the problem is. */
    private final String template;

    /** The line, 0 when unknown. */
    private final int line;

    /** What was wrong, without the template and line. */
    private final String reason;

    TemplateException(String template, int line, String reason, Throwable cause) {
        super(message(template, line, reason), cause);
        this.template = Objects.requireNonNull(template, "template");
        this.line = line;
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    private static String message(String template, int line, String reason) {
        return "Template '" + template + "'" + (line > 0 ? ", line " + line : "") + ": " + reason;
    }

    /** @return the name of the template where the problem is, {@code <string>} for {@code renderString} */
    public String template() {
        return template;
    }

    /** @return the line of the problem in {@link #template()}, empty when it is not known (a missing template) */
    public OptionalInt line() {
        return line > 0 ? OptionalInt.of(line) : OptionalInt.empty();
    }

    /** @return what was wrong, the message without the template and line */
    public String reason() {
        return reason;
    }
}
