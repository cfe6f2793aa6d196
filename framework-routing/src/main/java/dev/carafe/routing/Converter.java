package dev.carafe.routing;

/**
 * Turns one variable of a rule into a Java value and back: Werkzeug's converter shape.
 *
 * <p>A converter is exactly three things. {@link #regex()} says which text the variable matches;
 * {@link #fromUrl(String)} turns the matched text (already percent-decoded, as in {@code PATH_INFO})
 * into the value handed to the view; {@link #toUrl(Object)} turns a value back into text when a
 * URL is built. The router percent-encodes what {@code toUrl} returns and checks that it matches
 * {@code regex()}, so {@code fromUrl(toUrl(v))} gives {@code v} back for every valid value.
 *
 * <p>A variable stays inside one path segment unless its regex can match {@code /}: a regex that
 * holds a {@code /} (other than inside a negated class such as {@code [^/]}) or an unescaped
 * {@code .} outside a character class spans segments, like the built-in {@code path}.
 * Implementations must be immutable and thread-safe.
 *
 * <pre>{@code
 * Converter list = new Converter() {
 *     public String regex() { return "[^/]+(?:,[^/]+)*"; }
 *     public Object fromUrl(String text) { return List.of(text.split(",")); }
 *     public String toUrl(Object value) { return String.join(",", (List<String>) value); }
 * };
 * router.converter("list", list);   // then rules may say /tags/<list:tags>
 * }</pre>
 */
public interface Converter {

    /**
     * The regular expression (java.util.regex syntax, without anchors) a variable must match.
     *
     * @return for example {@code [0-9]+}
     */
    String regex();

    /**
     * Turns matched text into the value given to the view.
     *
     * @param text the percent-decoded text the regex matched
     * @return the value, never null
     * @throws IllegalArgumentException to reject the text: the rule then does not match (the
     *     router tries the next rule, and answers 404 when none is left)
     */
    Object fromUrl(String text);

    /**
     * Turns a value back into URL text, before percent-encoding.
     *
     * @param value a value given to {@code Router.build}
     * @return text that {@link #regex()} matches
     * @throws IllegalArgumentException when the value cannot be written; the message becomes
     *     part of the {@link UrlBuildException}
     */
    String toUrl(Object value);
}
