package dev.carafe;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code ; name=value} parameters of {@code Content-Type}, {@code Content-Disposition} and
 * {@code Accept} (RFC 9110 §5.6.6): names are tokens compared ignoring case (kept lower-case),
 * values are tokens or quoted strings. Parsing is lenient where clients are known to be sloppy:
 * empty parameters ({@code ;;}) are skipped, an unquoted value runs to the next {@code ;}, and
 * inside quotes only {@code \"} and {@code \\} are escapes, so a quoted Windows path such as
 * {@code "C:\Users\a.txt"} keeps its backslashes. The first of repeated names wins.
 */
final class HeaderParameters {

    private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";

    private HeaderParameters() {
    }

    /**
     * Parses the parameters that start at {@code from} (at a {@code ;} or at the end).
     *
     * @throws IllegalArgumentException naming the problem and its offset when the text is malformed
     */
    static Map<String, String> parse(String text, int from) {
        Map<String, String> parameters = new LinkedHashMap<>();
        int i = skipSpace(text, from);
        while (i < text.length()) {
            if (text.charAt(i) != ';') {
                throw new IllegalArgumentException("expected ';' before a parameter at offset " + i + " of '" + text
                        + "', found '" + text.charAt(i) + "'");
            }
            i = skipSpace(text, i + 1);
            if (i == text.length() || text.charAt(i) == ';') {
                continue;
            }
            int nameStart = i;
            while (i < text.length() && isTokenChar(text.charAt(i))) {
                i++;
            }
            String name = text.substring(nameStart, i).toLowerCase(Locale.ROOT);
            i = skipSpace(text, i);
            if (name.isEmpty() || i == text.length() || text.charAt(i) != '=') {
                throw new IllegalArgumentException("expected a parameter 'name=value' at offset " + nameStart
                        + " of '" + text + "'");
            }
            i = skipSpace(text, i + 1);
            StringBuilder value = new StringBuilder();
            if (i < text.length() && text.charAt(i) == '"') {
                i = quoted(text, i, value);
            } else {
                int valueStart = i;
                while (i < text.length() && text.charAt(i) != ';') {
                    i++;
                }
                value.append(text.substring(valueStart, i).strip());
            }
            parameters.putIfAbsent(name, value.toString());
            i = skipSpace(text, i);
        }
        return Collections.unmodifiableMap(parameters);
    }

    /** Splits a comma-separated list (such as {@code Accept}), ignoring commas inside quotes; blank elements are dropped. */
    static List<String> splitList(String text) {
        List<String> elements = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\\' && quoted) {
                i++;
            } else if (c == ',' && !quoted) {
                addIfNotBlank(elements, text.substring(start, i));
                start = i + 1;
            }
        }
        addIfNotBlank(elements, text.substring(start));
        return elements;
    }

    /** Tells whether a string is a non-empty RFC 9110 token. */
    static boolean isToken(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (!isTokenChar(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static int skipSpace(String text, int i) {
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private static int quoted(String text, int open, StringBuilder value) {
        int i = open + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\' && i + 1 < text.length() && (text.charAt(i + 1) == '"' || text.charAt(i + 1) == '\\')) {
                value.append(text.charAt(i + 1));
                i += 2;
            } else {
                value.append(c);
                i++;
            }
        }
        throw new IllegalArgumentException("unterminated quoted string starting at offset " + open + " of '" + text
                + "'; expected a closing '\"'");
    }

    private static boolean isTokenChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || TOKEN_SYMBOLS.indexOf(c) >= 0;
    }

    private static void addIfNotBlank(List<String> elements, String element) {
        if (!element.isBlank()) {
            elements.add(element.strip());
        }
    }
}
