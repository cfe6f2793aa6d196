package dev.carafe.templates;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a template's name decides: whether it is valid, whether it is autoescaped, and how messages
 * show it. Templates rendered from a string get a name of their own: a prefix no file name can
 * have, followed by their source.
 */
final class TemplateNames {

    /** The prefix of a string template's name: NUL, which a valid file name never contains. */
    static final String STRING_PREFIX = "\u0000string:";

    /** How messages name a string template. */
    static final String STRING_DISPLAY = "<string>";

    /** Flask's autoescaped extensions ({@code select_jinja_autoescape}). */
    private static final Set<String> ESCAPED = Set.of("html", "htm", "xml", "xhtml", "svg");

    private TemplateNames() {
    }

    /** Returns the name under which a string template is compiled. */
    static String ofString(String source) {
        return STRING_PREFIX + source;
    }

    /** Tells whether a name is a string template's. */
    static boolean isString(String name) {
        return name.startsWith(STRING_PREFIX);
    }

    /** Returns the source of a string template's name. */
    static String source(String name) {
        return name.substring(STRING_PREFIX.length());
    }

    /** Returns the name as messages show it: {@code <string>} for string templates. */
    static String display(String name) {
        return name == null ? STRING_DISPLAY : isString(name) ? STRING_DISPLAY : name;
    }

    /** Tells whether a file template is autoescaped: {@code .html}, {@code .htm}, {@code .xml}, {@code .xhtml}, {@code .svg}. */
    static boolean escaped(String name) {
        int dot = name.lastIndexOf('.');
        return dot >= 0 && ESCAPED.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /**
     * Checks a template name: a relative, {@code /}-separated path inside the template folders.
     *
     * @return why the name is refused, or empty when it is fine
     */
    static Optional<String> problem(String name) {
        if (name.isEmpty()) {
            return Optional.of("the name is empty");
        }
        if (name.startsWith("/")) {
            return Optional.of("it starts with '/'; names are relative to the template folders, for example 'blog/index.html'");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '\\') {
                return Optional.of("it contains a backslash; separate folders with '/'");
            }
            if (c < 0x20 || c == 0x7f) {
                return Optional.of("it contains the control character U+" + String.format("%04X", (int) c));
            }
        }
        for (String segment : name.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return Optional.of("it has an empty, '.' or '..' segment; names cannot leave the template folders");
            }
        }
        return Optional.empty();
    }
}
