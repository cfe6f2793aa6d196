package dev.carafe.routing;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The built-in converters: string, path, int, float, uuid and any. */
final class BuiltIns {

    private BuiltIns() {
    }

    /** {@code string}: one segment; {@code maxLength} below zero means no maximum. */
    record Text(int minLength, int maxLength, String regex) implements Converter {
        Text(int minLength, int maxLength) {
            this(minLength, maxLength, "[^/]{" + minLength + "," + (maxLength < 0 ? "" : maxLength) + "}");
        }

        @Override
        public Object fromUrl(String text) {
            return text;
        }

        @Override
        public String toUrl(Object value) {
            String text = String.valueOf(value);
            if (text.indexOf('/') >= 0) {
                throw new IllegalArgumentException("'" + text + "' holds '/', which a string variable cannot match; "
                        + "use <path:...> for values with slashes");
            }
            int length = text.codePointCount(0, text.length());
            if (length < minLength || maxLength >= 0 && length > maxLength) {
                throw new IllegalArgumentException("'" + text + "' has " + length + " characters; expected "
                        + (minLength == maxLength ? "exactly " + minLength
                        : "at least " + minLength + (maxLength < 0 ? "" : " and at most " + maxLength)));
            }
            return text;
        }

        /** Whether any segment of at least one character matches: the default {@code <name>}. */
        boolean anySegment() {
            return minLength <= 1 && maxLength < 0;
        }
    }

    /** {@code path}: the rest of the path, slashes included. */
    record Path() implements Converter {
        @Override
        public String regex() {
            return "[^/].*?";
        }

        @Override
        public Object fromUrl(String text) {
            return text;
        }

        @Override
        public String toUrl(Object value) {
            return String.valueOf(value);
        }
    }

    /** {@code int}: digits, an {@link Integer} (a {@link Long} when it does not fit). */
    record Int(int fixedDigits, Long min, Long max, boolean signed) implements Converter {
        @Override
        public String regex() {
            return signed ? "-?[0-9]+" : "[0-9]+";
        }

        @Override
        public Object fromUrl(String text) {
            if (fixedDigits > 0 && text.length() != fixedDigits) {
                throw new IllegalArgumentException("expected exactly " + fixedDigits + " digits");
            }
            long n;
            try {
                n = Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "' is too large for a long", e);
            }
            checkRange(n);
            return n == (int) n ? (Object) (int) n : (Object) n;
        }

        @Override
        public String toUrl(Object value) {
            long n = integral(value);
            if (n < 0 && !signed) {
                throw new IllegalArgumentException("negative value " + n + " needs <int(signed=true):...>");
            }
            checkRange(n);
            String digits = Long.toString(Math.abs(n));
            int width = fixedDigits - (n < 0 ? 1 : 0);
            String padded = digits.length() < width ? "0".repeat(width - digits.length()) + digits : digits;
            if (fixedDigits > 0 && padded.length() > width) {
                throw new IllegalArgumentException(n + " has more than fixed_digits=" + fixedDigits + " characters");
            }
            return n < 0 ? "-" + padded : padded;
        }

        private void checkRange(long n) {
            if (min != null && n < min || max != null && n > max) {
                throw new IllegalArgumentException(n + " is outside " + range(min, max));
            }
        }

        private static long integral(Object value) {
            if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
                return ((Number) value).longValue();
            }
            if (value instanceof BigInteger big && big.bitLength() < 64) {
                return big.longValue();
            }
            if (value instanceof String s) {
                try {
                    return Long.parseLong(s.strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + s + "' is not an integer", e);
                }
            }
            throw new IllegalArgumentException(describe(value) + " is not an integer");
        }
    }

    /** {@code float}: digits, a dot and digits, a {@link Double}. */
    record Real(Double min, Double max, boolean signed) implements Converter {
        @Override
        public String regex() {
            return signed ? "-?[0-9]+\\.[0-9]+" : "[0-9]+\\.[0-9]+";
        }

        @Override
        public Object fromUrl(String text) {
            double d = Double.parseDouble(text);
            checkRange(d);
            return d;
        }

        @Override
        public String toUrl(Object value) {
            double d;
            if (value instanceof Number number) {
                d = number.doubleValue();
            } else if (value instanceof String s) {
                try {
                    d = Double.parseDouble(s.strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + s + "' is not a number", e);
                }
            } else {
                throw new IllegalArgumentException(describe(value) + " is not a number");
            }
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException(d + " cannot be written in a URL");
            }
            if (d < 0 && !signed) {
                throw new IllegalArgumentException("negative value " + d + " needs <float(signed=true):...>");
            }
            checkRange(d);
            String plain = BigDecimal.valueOf(d).toPlainString();
            return plain.indexOf('.') < 0 ? plain + ".0" : plain;
        }

        private void checkRange(double d) {
            if (min != null && d < min || max != null && d > max) {
                throw new IllegalArgumentException(d + " is outside " + range(min, max));
            }
        }
    }

    /** {@code uuid}: any case when matching, canonical lower case when building. */
    record Uuid() implements Converter {
        @Override
        public String regex() {
            return "[A-Fa-f0-9]{8}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{12}";
        }

        @Override
        public Object fromUrl(String text) {
            return UUID.fromString(text);
        }

        @Override
        public String toUrl(Object value) {
            if (value instanceof UUID uuid) {
                return uuid.toString();
            }
            if (value instanceof String s && s.matches(regex())) {
                return UUID.fromString(s).toString();
            }
            throw new IllegalArgumentException(describe(value) + " is not a UUID");
        }
    }

    /** {@code any(a, b, c)}: exactly one of the items. */
    record Any(List<String> items, String regex) implements Converter {
        Any(List<String> items) {
            this(List.copyOf(items), items.stream().map(Pattern::quote).collect(Collectors.joining("|", "(?:", ")")));
        }

        @Override
        public Object fromUrl(String text) {
            return text;
        }

        @Override
        public String toUrl(Object value) {
            String text = String.valueOf(value);
            if (!items.contains(text)) {
                throw new IllegalArgumentException("'" + text + "' is not one of "
                        + items.stream().map(i -> "'" + i + "'").collect(Collectors.joining(", ")));
            }
            return text;
        }
    }

    static String range(Object min, Object max) {
        return "the range " + (min == null ? "(no minimum)" : min) + ".." + (max == null ? "(no maximum)" : max);
    }

    static String describe(Object value) {
        return value == null ? "null" : "'" + value + "' (" + value.getClass().getSimpleName() + ")";
    }
}
