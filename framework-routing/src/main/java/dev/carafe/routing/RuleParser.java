package dev.carafe.routing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Parses rule text ({@code /users/<int(min=1):id>}) and host or subdomain patterns into parts,
 * failing with the pattern, the position and the fix.
 */
final class RuleParser {

    private final String text;
    private final String label;
    private final Converters converters;
    private final Set<String> names;

    private RuleParser(String text, String label, Converters converters, Set<String> names) {
        this.text = text;
        this.label = label;
        this.converters = converters;
        this.names = names;
    }

    /** Parses a rule's path; {@code names} collects variable names across the domain and the path. */
    static List<Part> path(String rule, boolean mergeSlashes, Converters converters, Set<String> names) {
        RuleParser parser = new RuleParser(rule, "rule", converters, names);
        if (!rule.startsWith("/")) {
            throw parser.error(0, "a rule must start with '/'; write '/" + rule + "'");
        }
        return parser.parts(1, mergeSlashes);
    }

    /** Parses a path written like a rule for another purpose, such as a redirect target ({@code label}). */
    static List<Part> path(String text, String label, Converters converters, Set<String> names) {
        RuleParser parser = new RuleParser(text, label, converters, names);
        if (!text.startsWith("/")) {
            throw parser.error(0, "a " + label + " must start with '/' (it is a path from the application's root); "
                    + "write '/" + text + "'");
        }
        return parser.parts(1, true);
    }

    /** Parses a host or subdomain pattern into one part. */
    static Part domain(String pattern, String label, Converters converters, Set<String> names) {
        RuleParser parser = new RuleParser(pattern, label, converters, names);
        int slash = pattern.indexOf('/');
        if (slash >= 0) {
            throw parser.error(slash, "a " + label + " cannot hold '/'; give the path in the rule itself");
        }
        return parser.parts(0, false).get(0);
    }

    static Set<String> newNameSet() {
        return new HashSet<>();
    }

    private List<Part> parts(int start, boolean mergeSlashes) {
        List<Part> parts = new ArrayList<>();
        List<Part.Piece> pieces = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        boolean spanning = false;
        int i = start;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '/' && !spanning) {
                if (mergeSlashes && text.charAt(i - 1) == '/') {
                    throw error(i, "empty segment '//'; write '" + text.replaceAll("/{2,}", "/")
                            + "', or use withMergeSlashes(false) to match repeated slashes literally");
                }
                flush(literal, pieces);
                parts.add(new Part(List.copyOf(pieces), false));
                pieces.clear();
                i++;
            } else if (c == '>') {
                throw error(i, "'>' has no matching '<'; write variables as <name> or <converter:name>");
            } else if (c == '<') {
                flush(literal, pieces);
                int[] end = new int[1];
                Part.Variable variable = variable(i, end);
                pieces.add(variable);
                spanning |= Part.spans(variable.converter().regex());
                i = end[0];
            } else {
                literal.append(c);
                i++;
            }
        }
        flush(literal, pieces);
        parts.add(new Part(List.copyOf(pieces), spanning));
        return parts;
    }

    private Part.Variable variable(int open, int[] end) {
        int i = open + 1;
        int first = identifier(i, "a variable name or a converter name after '<'");
        String word = text.substring(i, first);
        String converterName = "default";
        ConverterArgs args = ConverterArgs.NONE;
        int argsAt = -1;
        i = first;
        if (i < text.length() && text.charAt(i) == '(') {
            argsAt = i + 1;
            int close = closingParen(i);
            try {
                args = ConverterArgs.parse(text.substring(i + 1, close));
            } catch (IllegalArgumentException e) {
                throw error(argsAt, e.getMessage());
            }
            i = close + 1;
            if (i >= text.length() || text.charAt(i) != ':') {
                throw error(i, "expected ':' and the variable name after the arguments of '" + word
                        + "', e.g. <" + word + "(...):name>");
            }
        }
        String name = word;
        if (i < text.length() && text.charAt(i) == ':') {
            converterName = word;
            int nameEnd = identifier(i + 1, "the variable name after '" + word + ":'");
            name = text.substring(i + 1, nameEnd);
            i = nameEnd;
        }
        if (i >= text.length()) {
            throw error(open, "'<' is never closed; close the variable with '>', e.g. <" + name + ">");
        }
        if (text.charAt(i) != '>') {
            throw error(i, "unexpected '" + text.charAt(i) + "' in the variable that starts at position " + open
                    + "; write <name>, <converter:name> or <converter(arguments):name>");
        }
        Converters.Factory factory = converters.factory(converterName);
        if (factory == null) {
            throw error(open + 1, "unknown converter '" + converterName + "'"
                    + Suggestions.didYouMean(converterName, converters.names()) + "; known converters: "
                    + String.join(", ", converters.names())
                    + ". Register custom converters with app.converter(name, converter), or Router.converter(name,"
                    + " converter) on a router of your own, before adding rules");
        }
        Converter converter;
        try {
            converter = factory.create(args);
        } catch (IllegalArgumentException e) {
            throw error(argsAt < 0 ? open + 1 : argsAt, e.getMessage());
        }
        if (!names.add(name)) {
            throw error(open, "variable '" + name + "' is used twice; give each variable its own name");
        }
        end[0] = i + 1;
        return new Part.Variable(name, converterName, args, converter);
    }

    private int identifier(int start, String expected) {
        int i = start;
        while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
            i++;
        }
        String word = text.substring(start, i);
        if (word.isEmpty()) {
            throw error(start, "expected " + expected + "; names use letters, digits and '_', e.g. <id> or <int:id>");
        }
        if (!word.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw error(start, "'" + word + "' is not a valid name; use ASCII letters, digits and '_', "
                    + "not starting with a digit, e.g. <id>");
        }
        return i;
    }

    private int closingParen(int open) {
        char quote = 0;
        for (int i = open + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == ')') {
                return i;
            }
        }
        throw error(open, "'(' is never closed; close the converter arguments with ')', e.g. <int(min=1):id>");
    }

    private static void flush(StringBuilder literal, List<Part.Piece> pieces) {
        if (literal.length() > 0) {
            pieces.add(new Part.Text(literal.toString()));
            literal.setLength(0);
        }
    }

    private IllegalArgumentException error(int position, String detail) {
        return new IllegalArgumentException("Invalid " + label + " '" + text + "' at position " + position + ": "
                + detail + ".");
    }
}
