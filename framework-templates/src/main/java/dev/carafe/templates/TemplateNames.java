package dev.carafe.templates;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a template's name decides: whether it is valid, whether it is autoescaped, and how messages
 * show it. Templates rendered from a string get a name of their own: a prefix no valid file name
 * can have (it starts with NUL), a secret token of the loader, and their source. Only the loader's
 * own token makes the loader read the source from the name, so a template that includes a name
 * taken from data ({@code {% include page %}}) cannot smuggle template source in.
 */
final class TemplateNames {

    /** The start of every string template's name: NUL, which a valid file name never contains. */
    static final String STRING_PREFIX = "\u0000string:";

    /** The source of the string prefixes' tokens. */
    private static final SecureRandom RANDOM = new SecureRandom();

    /** How messages name a string template. */
    static final String STRING_DISPLAY = "<string>";

    /** Flask's autoescaped extensions ({@code select_jinja_autoescape}). */
    private static final Set<String> ESCAPED = Set.of("html", "htm", "xml", "xhtml", "svg");

    private TemplateNames() {
    }

    /** Returns a new prefix for the string templates of one loader: {@link #STRING_PREFIX}, a random token and {@code :}. */
    static String newStringPrefix() {
        byte[] token = new byte[16];
        RANDOM.nextBytes(token);
        return STRING_PREFIX + HexFormat.of().formatHex(token) + ":";
    }

    /** Tells whether a name looks like a string template's (for escaping, caching and messages; the loader checks the token). */
    static boolean isString(String name) {
        return name.startsWith(STRING_PREFIX);
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
