package dev.carafe.routing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The arguments written in a rule, {@code <int(3, min=1, signed=true):n>}: positional values then
 * keyword values. Values are Strings, Longs, Doubles or Booleans. Errors are
 * {@link IllegalArgumentException}s whose message the rule parser prefixes with the rule and position.
 */
record ConverterArgs(List<Object> positional, Map<String, Object> keyword) {

    static final ConverterArgs NONE = new ConverterArgs(List.of(), Map.of());

    /** Parses the text between the parentheses. */
    static ConverterArgs parse(String text) {
        List<Object> positional = new ArrayList<>();
        Map<String, Object> keyword = new LinkedHashMap<>();
        int i = 0;
        int n = text.length();
        while (true) {
            i = skipSpaces(text, i);
            if (i >= n) {
                if (!positional.isEmpty() || !keyword.isEmpty()) {
                    throw new IllegalArgumentException("the argument list ends with ','; remove the trailing comma");
                }
                break;
            }
            String name = null;
            int end = scanWord(text, i);
            int afterWord = skipSpaces(text, end);
            if (end > i && afterWord < n && text.charAt(afterWord) == '=') {
                name = text.substring(i, end);
                if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                    throw new IllegalArgumentException("'" + name + "' is not an argument name");
                }
                i = skipSpaces(text, afterWord + 1);
            }
            Object value;
            if (i < n && (text.charAt(i) == '\'' || text.charAt(i) == '"')) {
                int close = text.indexOf(text.charAt(i), i + 1);
                if (close < 0) {
                    throw new IllegalArgumentException("the quoted value starting " + text.substring(i)
                            + " is not closed; add the closing " + text.charAt(i));
                }
                value = text.substring(i + 1, close);
                i = close + 1;
            } else {
                end = scanWord(text, i);
                if (end == i) {
                    throw new IllegalArgumentException("expected a value at '" + text.substring(i)
                            + "'; write numbers, true/false, bare words or quoted strings, separated by ','");
                }
                value = literal(text.substring(i, end));
                i = end;
            }
            if (name == null) {
                if (!keyword.isEmpty()) {
                    throw new IllegalArgumentException("positional value " + value
                            + " follows a keyword argument; put positional values first");
                }
                positional.add(value);
            } else if (keyword.put(name, value) != null) {
                throw new IllegalArgumentException("argument '" + name + "' is given twice; keep one");
            }
            i = skipSpaces(text, i);
            if (i >= n) {
                break;
            }
            if (text.charAt(i) != ',') {
                throw new IllegalArgumentException("expected ',' between arguments at '" + text.substring(i) + "'");
            }
            i++;
            if (skipSpaces(text, i) >= n) {
                throw new IllegalArgumentException("the argument list ends with ','; remove the trailing comma");
            }
        }
        return new ConverterArgs(List.copyOf(positional), Map.copyOf(keyword));
    }

    /** The canonical text of these arguments, used to tell converters apart. */
    String canonical() {
        StringBuilder out = new StringBuilder();
        positional.forEach(v -> out.append(v).append(','));
        keyword.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.append(e.getKey()).append('=').append(e.getValue()).append(','));
        return out.toString();
    }

    /** Rejects keyword names outside {@code known} and more than {@code maxPositional} positional values. */
    void check(String converter, int maxPositional, List<String> known) {
        if (positional.size() > maxPositional) {
            throw new IllegalArgumentException("converter '" + converter + "' takes "
                    + (maxPositional == 0 ? "no" : "at most " + maxPositional) + " positional argument"
                    + (maxPositional == 1 ? "" : "s") + ", got " + positional.size() + "; it accepts "
                    + (known.isEmpty() ? "no arguments" : String.join(", ", known)));
        }
        for (String name : keyword.keySet()) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException("converter '" + converter + "' has no argument '" + name
                        + "'; it accepts " + (known.isEmpty() ? "no arguments" : String.join(", ", known)));
            }
        }
    }

    /** The value for {@code name}, given by keyword or at {@code index}, or {@code null}. */
    Object value(String name, int index) {
        Object byName = keyword.get(name);
        Object byIndex = index < positional.size() ? positional.get(index) : null;
        if (byName != null && byIndex != null) {
            throw new IllegalArgumentException("argument '" + name + "' is given both by position and by name; keep one");
        }
        return byName != null ? byName : byIndex;
    }

    Long longValue(String converter, String name, int index) {
        Object v = value(name, index);
        if (v == null || v instanceof Long) {
            return (Long) v;
        }
        throw new IllegalArgumentException("converter '" + converter + "': " + name + " must be an integer, got '"
                + v + "'; for example " + name + "=3");
    }

    Double doubleValue(String converter, String name, int index) {
        Object v = value(name, index);
        if (v == null || v instanceof Double) {
            return (Double) v;
        }
        if (v instanceof Long l) {
            return l.doubleValue();
        }
        throw new IllegalArgumentException("converter '" + converter + "': " + name + " must be a number, got '"
                + v + "'; for example " + name + "=1.5");
    }

    boolean booleanValue(String converter, String name, int index) {
        Object v = value(name, index);
        if (v == null || v instanceof Boolean) {
            return Boolean.TRUE.equals(v);
        }
        throw new IllegalArgumentException("converter '" + converter + "': " + name + " must be true or false, got '"
                + v + "'");
    }

    private static Object literal(String word) {
        if (Set.of("true", "True").contains(word)) {
            return Boolean.TRUE;
        }
        if (Set.of("false", "False").contains(word)) {
            return Boolean.FALSE;
        }
        if (word.matches("-?[0-9]{1,18}")) {
            return Long.parseLong(word);
        }
        if (word.matches("-?[0-9]+\\.[0-9]+")) {
            return Double.parseDouble(word);
        }
        return word;
    }

    private static int scanWord(String text, int i) {
        while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || "_.-".indexOf(text.charAt(i)) >= 0)) {
            i++;
        }
        return i;
    }

    private static int skipSpaces(String text, int i) {
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        return i;
    }
}
