package dev.carafe;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The variables of a rule and their converters, to match them with handler parameters at setup and
 * to refuse a parameter type the converter's values can never become.
 */
final class RuleVariables {

    /** {@code <name>}, {@code <converter:name>} or {@code <converter(args):name>}. */
    private static final Pattern VARIABLE =
            Pattern.compile("<(?:\\s*([^<>:(\\s]*)\\s*(?:\\([^)]*\\))?:)?\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*>");

    /** What the built-in converters produce, and the types their values convert to. */
    private static final Map<String, Set<Class<?>>> TARGETS = Map.of(
            "int", Set.of(Integer.class, Long.class, Short.class, Byte.class, BigInteger.class, BigDecimal.class,
                    Double.class, Float.class, String.class),
            "float", Set.of(Double.class, Float.class, BigDecimal.class, String.class),
            "uuid", Set.of(UUID.class, String.class));

    private RuleVariables() {
    }

    /**
     * @param rule for example {@code /users/<int:id>/posts/<slug>}
     * @return the variable names in order, each with its converter's name: {@code {id=int, slug=default}}
     */
    static Map<String, String> of(String rule) {
        Map<String, String> variables = new LinkedHashMap<>();
        Matcher m = VARIABLE.matcher(rule);
        while (m.find()) {
            variables.put(m.group(2), m.group(1) == null || m.group(1).isEmpty() ? "default" : m.group(1));
        }
        return Collections.unmodifiableMap(variables);
    }

    /**
     * Checks that a built-in converter's values can become a parameter type.
     *
     * @param converter the converter's name, for example {@code int}
     * @param type the parameter's type
     * @return the converter's value type when they never can, for example {@code an Integer}; empty when they can
     *     (or the converter is not one of {@code int}, {@code float}, {@code uuid})
     */
    static Optional<String> mismatch(String converter, Class<?> type) {
        Set<Class<?>> targets = TARGETS.get(converter);
        if (targets == null || targets.contains(ValueConversion.boxed(type))) {
            return Optional.empty();
        }
        return Optional.of(switch (converter) {
            case "int" -> "an Integer";
            case "float" -> "a Double";
            default -> "a UUID";
        });
    }
}
