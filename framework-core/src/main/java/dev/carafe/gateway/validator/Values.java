package dev.carafe.gateway.validator;

/** Shows offending values in messages: strings quoted with invisible chars escaped, others with their type. */
final class Values {

    private Values() {
    }

    /** A value as a message shows it: {@code "a\r\nb"}, {@code null}, or {@code 42 (a java.lang.Integer)}. */
    static String show(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            return quote(s);
        }
        return value + " (a " + value.getClass().getName() + ")";
    }

    /** A value with its type always named: {@code "a" (a java.lang.String)}, {@code null}. */
    static String typed(Object value) {
        return value instanceof String s ? quote(s) + " (a java.lang.String)" : show(value);
    }

    /** A string in double quotes, with control chars, DEL and chars above U+00FF escaped. */
    static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\r' -> out.append("\\r");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x7F || c > 0xFF) {
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** The index of the first char above U+00FF, or -1. */
    static int firstNonLatin1(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0xFF) {
                return i;
            }
        }
        return -1;
    }

    /** True for a non-empty string of ASCII digits. */
    static boolean digits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
