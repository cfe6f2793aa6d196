package dev.carafe;

import java.lang.reflect.Parameter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code defaults} of a route annotation: {@code "name=value"} texts, each value converted to
 * the type of the parameter that receives it, so that it compares equal to what the rule's
 * converter produces (an {@code int page} makes {@code "page=1"} the {@code Integer} 1).
 */
final class ControllerDefaults {

    private static final String NAME = "[A-Za-z_][A-Za-z0-9_]*";

    private ControllerDefaults() {
    }

    /**
     * Splits the texts into names and value texts.
     *
     * @param texts for example {@code {"page=1", "sort=name"}}
     * @param where the annotation and method, for example {@code @Get on Users.list(int)}
     * @return the names and texts, in order
     * @throws IllegalArgumentException for a text without {@code =}, a bad name or a name given twice
     */
    static Map<String, String> parse(String[] texts, String where) {
        Map<String, String> defaults = new LinkedHashMap<>();
        for (String text : texts) {
            int equals = text.indexOf('=');
            String name = equals < 0 ? text.trim() : text.substring(0, equals).trim();
            if (equals < 0 || !name.matches(NAME)) {
                throw new IllegalArgumentException(where + " has the default \"" + text + "\", which is not "
                        + "name=value; write each default as \"name=value\", for example defaults = \"page=1\".");
            }
            if (defaults.put(name, text.substring(equals + 1)) != null) {
                throw new IllegalArgumentException(where + " gives the default '" + name + "' twice; keep one.");
            }
        }
        return Collections.unmodifiableMap(defaults);
    }

    /**
     * Converts a default's text to the type of the parameter that receives it.
     *
     * @param name the default's name
     * @param text its value as written
     * @param parameter the parameter bound to that name
     * @param where the annotation and method, for messages
     * @return the typed value
     * @throws IllegalArgumentException when the text does not convert, saying what is expected
     */
    static Object convert(String name, String text, Parameter parameter, String where) {
        ValueConversion conversion = ValueConversion.to(parameter.getType()).orElseThrow();
        try {
            return conversion.parse().apply(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(where + " has the default \"" + name + "=" + text + "\", but '" + text
                    + "' is not a valid " + conversion.typeName() + " for parameter '" + parameter.getName()
                    + "'; write " + conversion.expected() + ", for example \"" + name + "=" + conversion.example()
                    + "\".", e);
        }
    }
}
