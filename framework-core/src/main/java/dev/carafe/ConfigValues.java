package dev.carafe;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The typed reads of {@link Config}: converts one stored value, or fails with a message naming the
 * key, the value, where it came from and what was expected.
 */
final class ConfigValues {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern WITH_UNIT = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");
    private static final int SHOWN_CHARACTERS = 100;

    private final String key;
    private final Object value;
    private final String source;

    ConfigValues(String key, Object value, String source) {
        this.key = key;
        this.value = value;
        this.source = source;
    }

    String string() {
        if (value instanceof Collection || value instanceof Map || value.getClass().isArray()) {
            throw wrong("a string", "a single value such as \"dev\" (numbers and booleans are read as their text)");
        }
        return value.toString();
    }

    int integer() {
        BigInteger whole = whole("an integer", "a whole number from " + Integer.MIN_VALUE + " to "
                + Integer.MAX_VALUE + ", such as 1000");
        if (whole.bitLength() >= Integer.SIZE) {
            throw wrong("an integer", "a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE
                    + ", such as 1000");
        }
        return whole.intValue();
    }

    long longValue() {
        String expected = "a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE + ", such as 500000";
        BigInteger whole = whole("a long integer", expected);
        if (whole.bitLength() >= Long.SIZE) {
            throw wrong("a long integer", expected);
        }
        return whole.longValue();
    }

    boolean bool() {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Integer i && (i == 0 || i == 1)) {
            return i == 1;
        }
        if (value instanceof String s) {
            switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "true", "1" -> {
                    return true;
                }
                case "false", "0" -> {
                    return false;
                }
                default -> {
                }
            }
        }
        throw wrong("a boolean", "true or false, or the strings \"true\", \"false\", \"1\" or \"0\"");
    }

    Duration duration() {
        String expected = "seconds as a number (such as 2678400), a number with a unit (\"30s\", \"5m\", \"2h\", "
                + "\"31d\", \"500ms\") or ISO-8601 (\"PT30M\", \"P31D\")";
        if (value instanceof Duration d) {
            return d;
        }
        if (value instanceof Number n && !(value instanceof Double d && (d.isNaN() || d.isInfinite()))) {
            return seconds(new BigDecimal(n.toString()));
        }
        if (value instanceof String s) {
            String text = s.trim();
            if (NUMBER.matcher(text).matches()) {
                return seconds(new BigDecimal(text));
            }
            Matcher unit = WITH_UNIT.matcher(text);
            if (unit.matches()) {
                long amount = Long.parseLong(unit.group(1));
                return switch (unit.group(2)) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    case "h" -> Duration.ofHours(amount);
                    default -> Duration.ofDays(amount);
                };
            }
            try {
                return Duration.parse(text);
            } catch (DateTimeParseException e) {
                throw wrong("a duration", expected);
            }
        }
        throw wrong("a duration", expected);
    }

    List<Object> list() {
        String expected = "a list such as [\"a\", \"b\"], a JSON array in a string, or comma-separated items "
                + "(\"a, b\")";
        if (value instanceof List<?> list) {
            return unmodifiable(list);
        }
        if (value instanceof String s) {
            String text = s.trim();
            if (text.startsWith("[")) {
                List<?> parsed = ConfigFiles.parseArray(text);
                if (parsed == null) {
                    throw wrong("a list", expected);
                }
                return unmodifiable(parsed);
            }
            List<Object> items = new ArrayList<>();
            for (String item : text.split(",")) {
                if (!item.isBlank()) {
                    items.add(item.trim());
                }
            }
            return unmodifiable(items);
        }
        throw wrong("a list", expected);
    }

    List<String> strings() {
        List<String> strings = new ArrayList<>();
        for (Object item : list()) {
            if (item == null || item instanceof Collection || item instanceof Map) {
                throw wrong("a list of strings", "a list of single values, such as [\"old-key-1\", \"old-key-2\"]");
            }
            strings.add(item.toString());
        }
        return List.copyOf(strings);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> map() {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) ConfigFiles.immutable(map);
        }
        throw wrong("a map", "a JSON object, or environment variables with \"__\" between the key's parts, such as "
                + "PREFIX_" + key + "__HOST");
    }

    /** A message for a value that does not fit what its reader needs. */
    IllegalArgumentException wrong(String typeName, String expected) {
        return new IllegalArgumentException("Config key '" + key + "' has the value " + shown() + " (from " + source
                + "), which is not " + typeName + "; expected " + expected + ".");
    }

    private BigInteger whole(String typeName, String expected) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return BigInteger.valueOf(((Number) value).longValue());
        }
        if (value instanceof BigInteger big) {
            return big;
        }
        if (value instanceof String s) {
            try {
                return new BigInteger(s.trim());
            } catch (NumberFormatException e) {
                throw wrong(typeName, expected);
            }
        }
        throw wrong(typeName, expected);
    }

    private Duration seconds(BigDecimal seconds) {
        try {
            BigDecimal nanos = seconds.movePointRight(9);
            return Duration.ofSeconds(0, nanos.setScale(0, RoundingMode.HALF_UP).longValueExact());
        } catch (ArithmeticException e) {
            throw wrong("a duration", "a number of seconds below " + Long.MAX_VALUE / 1_000_000_000L);
        }
    }

    private String shown() {
        if (ConfigKeys.secret(key)) {
            return "(hidden, " + value.toString().length() + " characters)";
        }
        String text = value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
        return text.length() > SHOWN_CHARACTERS ? text.substring(0, SHOWN_CHARACTERS) + "..." : text;
    }

    private static List<Object> unmodifiable(List<?> list) {
        return Collections.unmodifiableList(new ArrayList<>(list));
    }
}
