package dev.carafe.templates;

import io.pebbletemplates.pebble.extension.escaper.EscapeFilter;
import io.pebbletemplates.pebble.extension.escaper.SafeString;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.util.Map;

/**
 * Pebble's {@code escape} filter (also under Jinja's short name {@code e}) that also leaves a
 * {@link SafeHtml} as it is. Autoescaping calls this filter on every printed value of an HTML, XML
 * or SVG template, so a {@code SafeHtml} in the model is printed unescaped.
 *
 * <p>It extends Pebble's filter because Pebble requires it: before calling any filter that is not
 * an {@link EscapeFilter}, Pebble turns a safe string back into a plain one, which would then be
 * escaped.
 */
final class SafeEscapeFilter extends EscapeFilter {

    @Override
    public Object apply(Object input, Map<String, Object> args, PebbleTemplate self, EvaluationContext context,
            int line) {
        if (input instanceof SafeHtml safe) {
            return new SafeString(safe.html());
        }
        return super.apply(input, args, self, context, line);
    }
}
