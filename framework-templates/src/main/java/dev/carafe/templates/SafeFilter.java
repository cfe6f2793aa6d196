package dev.carafe.templates;

import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.extension.escaper.SafeString;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.util.List;
import java.util.Map;

/** Jinja's {@code safe} filter, Pebble's {@code raw} under Jinja's name: the value is printed unescaped. */
final class SafeFilter implements Filter {

    @Override
    public List<String> getArgumentNames() {
        return List.of();
    }

    @Override
    public Object apply(Object input, Map<String, Object> args, PebbleTemplate self, EvaluationContext context,
            int line) {
        return input == null || input instanceof SafeString ? input : new SafeString(input.toString());
    }
}
