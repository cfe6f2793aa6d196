package dev.carafe.templates;

import dev.carafe.MultiMap;
import io.pebbletemplates.pebble.extension.escaper.SafeString;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Jinja's (Python's) truth test, which Pebble's {@code if} lacks: {@code null}, {@code false},
 * zero, an empty string, collection, map, array or {@link Optional} are false; every other value,
 * a record or a map with entries included, is true.
 */
final class Truthiness {

    private Truthiness() {
    }

    static boolean of(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof CharSequence text) {
            return text.length() > 0;
        }
        if (value instanceof Number number) {
            return nonZero(number);
        }
        if (value instanceof Collection<?> collection) {
            return !collection.isEmpty();
        }
        if (value instanceof Map<?, ?> map) {
            return !map.isEmpty();
        }
        if (value instanceof Optional<?> optional) {
            return optional.isPresent();
        }
        if (value instanceof MultiMap multiMap) {
            return !multiMap.isEmpty();
        }
        if (value instanceof SafeString || value instanceof SafeHtml || value instanceof Character) {
            return !value.toString().isEmpty() && !(value instanceof Character c && c == 0);
        }
        if (value.getClass().isArray()) {
            return Array.getLength(value) > 0;
        }
        return true;
    }

    private static boolean nonZero(Number number) {
        if (number instanceof BigDecimal decimal) {
            return decimal.signum() != 0;
        }
        if (number instanceof BigInteger integer) {
            return integer.signum() != 0;
        }
        if (number instanceof Double || number instanceof Float) {
            return number.doubleValue() != 0;
        }
        return number.longValue() != 0;
    }
}
