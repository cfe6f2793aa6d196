package dev.carafe;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How one text value from the request (a query argument, a form field, a header, a cookie, a path
 * variable) becomes a typed parameter value, and what a client is told when it does not.
 *
 * @param type the Java type, for example {@code int} or {@code LocalDate}
 * @param typeName the name used in messages, for example {@code int}
 * @param expected what a valid value looks like, for example {@code a whole number}
 * @param example an example value, for example {@code 2}
 * @param parse the conversion; throws any {@link RuntimeException} for an invalid value
 */
record ValueConversion(Class<?> type, String typeName, String expected, String example,
        Function<String, Object> parse) {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Map<String, Boolean> BOOLEANS = Map.of("true", true, "false", false, "1", true, "0", false,
            "yes", true, "no", false, "on", true, "off", false);
    private static final String WHOLE = "a whole number";

    /** The types a text value converts to, listed in setup errors. */
    static final String SUPPORTED = "String, int, long, short, byte, double, float, boolean, char (or their boxes), "
            + "BigInteger, BigDecimal, UUID, an enum, LocalDate, LocalTime, LocalDateTime, Instant or OffsetDateTime";

    /**
     * The conversion to a type.
     *
     * @param type a parameter's (element) type
     * @return the conversion, empty when text does not convert to that type
     */
    static Optional<ValueConversion> to(Class<?> type) {
        Class<?> t = boxed(type);
        String name = type.isPrimitive() ? type.getName() : type.getSimpleName();
        if (t == String.class) {
            return of(type, name, "text", "abc", s -> s);
        } else if (t == Integer.class) {
            return of(type, name, WHOLE, "2", Integer::valueOf);
        } else if (t == Long.class) {
            return of(type, name, WHOLE, "2", Long::valueOf);
        } else if (t == Short.class) {
            return of(type, name, WHOLE + " from -32768 to 32767", "2", Short::valueOf);
        } else if (t == Byte.class) {
            return of(type, name, WHOLE + " from -128 to 127", "2", Byte::valueOf);
        } else if (t == BigInteger.class) {
            return of(type, name, WHOLE, "2", BigInteger::new);
        } else if (t == Double.class) {
            return of(type, name, "a number", "2.5", s -> Double.valueOf(decimal(s)));
        } else if (t == Float.class) {
            return of(type, name, "a number", "2.5", s -> Float.valueOf(decimal(s)));
        } else if (t == BigDecimal.class) {
            return of(type, name, "a number", "2.5", s -> new BigDecimal(decimal(s)));
        } else if (t == Boolean.class) {
            return of(type, name, "true or false (or 1/0, yes/no, on/off)", "true", ValueConversion::bool);
        } else if (t == Character.class) {
            return of(type, name, "a single character", "x", ValueConversion::character);
        } else if (t == UUID.class) {
            return of(type, name, "a UUID", "3f2a8c1e-5b7d-4e9a-8c21-0d4f6b1a2e3c", ValueConversion::uuid);
        } else if (t == LocalDate.class) {
            return of(type, name, "an ISO-8601 date", "2026-11-24", LocalDate::parse);
        } else if (t == LocalTime.class) {
            return of(type, name, "an ISO-8601 time", "10:15:30", LocalTime::parse);
        } else if (t == LocalDateTime.class) {
            return of(type, name, "an ISO-8601 date and time", "2026-11-24T10:15:30", LocalDateTime::parse);
        } else if (t == Instant.class) {
            return of(type, name, "an ISO-8601 instant in UTC", "2026-11-24T10:15:30Z", Instant::parse);
        } else if (t == OffsetDateTime.class) {
            return of(type, name, "an ISO-8601 date and time with an offset", "2026-11-24T10:15:30+01:00",
                    OffsetDateTime::parse);
        } else if (t.isEnum()) {
            return Optional.of(enumConversion(t));
        }
        return Optional.empty();
    }

    /** Returns the wrapper class of a primitive type, other types as they are. */
    static Class<?> boxed(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        return switch (type.getName()) {
            case "int" -> Integer.class;
            case "long" -> Long.class;
            case "short" -> Short.class;
            case "byte" -> Byte.class;
            case "double" -> Double.class;
            case "float" -> Float.class;
            case "boolean" -> Boolean.class;
            case "char" -> Character.class;
            default -> Void.class;
        };
    }

    private static Optional<ValueConversion> of(Class<?> type, String name, String expected, String example,
            Function<String, Object> parse) {
        return Optional.of(new ValueConversion(type, name, expected, example, parse));
    }

    private static ValueConversion enumConversion(Class<?> type) {
        Enum<?>[] constants = (Enum<?>[]) type.getEnumConstants();
        String names = Arrays.stream(constants).map(Enum::name).collect(Collectors.joining(", "));
        String example = constants.length == 0 ? "" : constants[0].name();
        return new ValueConversion(type, type.getSimpleName(), "one of " + names + " (any case)", example, text -> {
            for (Enum<?> constant : constants) {
                if (constant.name().equalsIgnoreCase(text)) {
                    return constant;
                }
            }
            throw new IllegalArgumentException(text);
        });
    }

    private static String decimal(String text) {
        if (!DECIMAL.matcher(text).matches()) {
            throw new NumberFormatException(text);
        }
        return text;
    }

    private static Object bool(String text) {
        Boolean value = BOOLEANS.get(text.toLowerCase(Locale.ROOT));
        if (value == null) {
            throw new IllegalArgumentException(text);
        }
        return value;
    }

    private static Object character(String text) {
        if (text.length() != 1) {
            throw new IllegalArgumentException(text);
        }
        return text.charAt(0);
    }

    private static Object uuid(String text) {
        if (!UUID_TEXT.matcher(text).matches()) {
            throw new IllegalArgumentException(text);
        }
        return UUID.fromString(text);
    }
}
