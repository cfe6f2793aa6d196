package dev.carafe.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One path segment of a parsed rule (or the rest of the rule from a segment-spanning variable on,
 * or a whole host pattern): static text and variables in order.
 */
record Part(List<Piece> pieces, boolean spanning) {

    /** Static text or a variable inside a part. */
    sealed interface Piece permits Text, Variable {
    }

    /** Literal text. */
    record Text(String text) implements Piece {
    }

    /** A variable: {@code <converterName(args):name>}, with its converter. */
    record Variable(String name, String converterName, ConverterArgs args, Converter converter) implements Piece {
        /** The priority of the converter: numbers before strings before segment-spanning ones. */
        int weight() {
            if (converter instanceof BuiltIns.Int || converter instanceof BuiltIns.Real) {
                return 50;
            }
            return spans(converter.regex()) ? 200 : 100;
        }

        String spec() {
            return converterName + "(" + args.canonical() + ")";
        }
    }

    boolean isStatic() {
        return pieces.stream().allMatch(p -> p instanceof Text);
    }

    /** The literal text of a static part ({@code ""} for the empty last segment of {@code /dir/}). */
    String staticText() {
        StringBuilder out = new StringBuilder();
        pieces.forEach(p -> out.append(((Text) p).text()));
        return out.toString();
    }

    List<Variable> variables() {
        List<Variable> out = new ArrayList<>();
        pieces.forEach(p -> {
            if (p instanceof Variable v) {
                out.add(v);
            }
        });
        return out;
    }

    /** Identifies the part for sharing trie edges and finding duplicate rules (variable names do not count). */
    String key() {
        StringBuilder out = new StringBuilder(spanning ? "*" : "");
        for (Piece p : pieces) {
            out.append(p instanceof Text t ? "T" + t.text().length() + ":" + t.text() : "<" + ((Variable) p).spec() + ">");
        }
        return out.toString();
    }

    /** The regex of the part, with a named group {@code g0, g1, ...} per variable. */
    Pattern pattern() {
        StringBuilder out = new StringBuilder();
        int group = 0;
        for (Piece p : pieces) {
            if (p instanceof Text t) {
                out.append(Pattern.quote(t.text()));
            } else {
                out.append("(?<g").append(group++).append('>').append(((Variable) p).converter().regex()).append(')');
            }
        }
        return Pattern.compile(out.toString());
    }

    /**
     * Werkzeug's weighting: more static chunks first, longer static text first, more variables first,
     * then lighter converters first. Compared element by element.
     */
    int[] weight() {
        List<Integer> statics = new ArrayList<>();
        List<Integer> args = new ArrayList<>();
        for (Piece p : pieces) {
            if (p instanceof Text t) {
                statics.add(statics.size() / 2);
                statics.add(-t.text().length());
            } else {
                args.add(((Variable) p).weight());
            }
        }
        int[] w = new int[2 + statics.size() + args.size()];
        int i = 0;
        w[i++] = -statics.size() / 2;
        for (int s : statics) {
            w[i++] = s;
        }
        w[i++] = -args.size();
        for (int a : args) {
            w[i++] = a;
        }
        return w;
    }

    /**
     * Whether a converter regex can match {@code /}: it holds a {@code /} outside a negated class,
     * or an unescaped {@code .} outside any class.
     */
    static boolean spans(String regex) {
        boolean inClass = false;
        boolean negated = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (!inClass && c == '[') {
                inClass = true;
                negated = i + 1 < regex.length() && regex.charAt(i + 1) == '^';
            } else if (inClass && c == ']') {
                inClass = false;
            } else if (c == '/' && !(inClass && negated) || c == '.' && !inClass) {
                return true;
            }
        }
        return false;
    }
}
