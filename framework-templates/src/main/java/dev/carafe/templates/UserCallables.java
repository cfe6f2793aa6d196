package dev.carafe.templates;

import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.extension.Function;
import io.pebbletemplates.pebble.extension.Test;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The filters, tests and functions registered on {@link Templates.Builder}, as Pebble sees them:
 * Pebble's argument map (positional arguments under "0", "1", ..., named ones under their names)
 * becomes {@link Arguments}, and a failure becomes an error naming the template, the line and the
 * callable.
 */
final class UserCallables {

    private UserCallables() {
    }

    static Filter filter(String name, TemplateFilter filter) {
        return new Filter() {
            @Override
            public List<String> getArgumentNames() {
                return null;
            }

            @Override
            public Object apply(Object input, Map<String, Object> args, PebbleTemplate self,
                    EvaluationContext context, int line) {
                try {
                    return filter.apply(input, arguments(args));
                } catch (Exception e) {
                    throw failed("filter '" + name + "'", e, self, line);
                }
            }
        };
    }

    static Test test(String name, TemplateTest test) {
        return new Test() {
            @Override
            public List<String> getArgumentNames() {
                return null;
            }

            @Override
            public boolean apply(Object input, Map<String, Object> args, PebbleTemplate self,
                    EvaluationContext context, int line) {
                try {
                    return test.test(input, arguments(args));
                } catch (Exception e) {
                    throw failed("test '" + name + "'", e, self, line);
                }
            }
        };
    }

    static Function function(String name, TemplateFunction function) {
        return new Function() {
            @Override
            public List<String> getArgumentNames() {
                return null;
            }

            @Override
            public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context,
                    int line) {
                try {
                    return function.call(arguments(args));
                } catch (Exception e) {
                    throw failed("function '" + name + "'", e, self, line);
                }
            }
        };
    }

    /** Pebble's argument map, positional arguments under their index, as {@link Arguments}. */
    static Arguments arguments(Map<String, Object> args) {
        List<Object> positional = new ArrayList<>();
        while (args.containsKey(Integer.toString(positional.size()))) {
            positional.add(args.get(Integer.toString(positional.size())));
        }
        Map<String, Object> named = new LinkedHashMap<>();
        args.forEach((key, value) -> {
            if (key.isEmpty() || !Character.isDigit(key.charAt(0))) {
                named.put(key, value);
            }
        });
        return new Arguments(positional, named);
    }

    private static PebbleException failed(String callable, Exception e, PebbleTemplate self, int line) {
        return new PebbleException(e, callable + " failed: " + e, line, self.getName());
    }
}
