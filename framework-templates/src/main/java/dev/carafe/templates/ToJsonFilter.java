package dev.carafe.templates;

import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.extension.escaper.SafeString;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Jinja's and Flask's {@code tojson}: the value as JSON, safe to print inside {@code <script>} and
 * in an HTML attribute between single quotes. As Flask's {@code htmlsafe_json_dumps}, it writes
 * {@code <}, {@code >}, {@code &} and {@code '} as <code>&#92;u003c</code>,
 * <code>&#92;u003e</code>, <code>&#92;u0026</code> and <code>&#92;u0027</code> (still the same
 * JSON), so a string holding {@code </script>} cannot end the script; the result is marked safe so autoescaping leaves it alone.
 */
final class ToJsonFilter implements Filter {

    private final Supplier<JsonMapper> mapper;

    ToJsonFilter(Supplier<JsonMapper> mapper) {
        this.mapper = mapper;
    }

    @Override
    public List<String> getArgumentNames() {
        return List.of();
    }

    @Override
    public Object apply(Object input, Map<String, Object> args, PebbleTemplate self, EvaluationContext context,
            int line) {
        Object value = input instanceof SafeString || input instanceof SafeHtml ? input.toString() : input;
        String json;
        try {
            json = mapper.get().writeValueAsString(value);
        } catch (JacksonException e) {
            throw new PebbleException(e, "tojson cannot write a " + value.getClass().getName() + " as JSON: "
                    + e.getOriginalMessage(), line, self.getName());
        }
        return new SafeString(htmlSafe(json));
    }

    static String htmlSafe(String json) {
        StringBuilder out = null;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            String replacement = switch (c) {
                case '<' -> "\\u003c";
                case '>' -> "\\u003e";
                case '&' -> "\\u0026";
                case '\'' -> "\\u0027";
                default -> null;
            };
            if (replacement != null && out == null) {
                out = new StringBuilder(json.length() + 16).append(json, 0, i);
            }
            if (out != null) {
                if (replacement != null) {
                    out.append(replacement);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? json : out.toString();
    }
}
