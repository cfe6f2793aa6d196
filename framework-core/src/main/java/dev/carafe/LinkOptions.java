package dev.carafe;

import java.util.Objects;
import java.util.Optional;

/**
 * How {@code urlFor} builds a link beyond the endpoint and its values, Flask's {@code _anchor},
 * {@code _method}, {@code _scheme} and {@code _external}.
 *
 * <pre>{@code
 * request.urlFor("blog.post", Map.of("id", 7), LinkOptions.of().withAnchor("comments"));     // /post/7#comments
 * request.urlFor("blog.post", Map.of("id", 7), LinkOptions.of().withMethod("POST"));         // the POST rule's URL
 * request.urlFor("index", Map.of(), LinkOptions.of().withScheme("https"));                   // https://host/
 * }</pre>
 *
 * @param anchor the fragment, percent-encoded when written ({@code #a%20b}); empty: none
 * @param method the method whose rule to build when an endpoint has rules for several; empty: any
 * @param scheme the scheme of an absolute URL; setting one makes the URL absolute
 * @param external whether the URL is absolute, with scheme and host
 */
public record LinkOptions(Optional<String> anchor, Optional<String> method, Optional<String> scheme,
        boolean external) {

    /** Checks the values: an anchor, method and scheme are non-empty when present. */
    public LinkOptions {
        Objects.requireNonNull(anchor, "anchor");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(scheme, "scheme");
        scheme.ifPresent(s -> {
            if (!s.equals("http") && !s.equals("https")) {
                throw new IllegalArgumentException("The link scheme '" + s + "' is not one Carafe builds; use \"http\" "
                        + "or \"https\".");
            }
        });
    }

    /** @return no anchor, any method, the request's scheme, a path */
    public static LinkOptions of() {
        return new LinkOptions(Optional.empty(), Optional.empty(), Optional.empty(), false);
    }

    /**
     * @param fragment the anchor, written after {@code #}, percent-encoded
     * @return a copy with the anchor
     */
    public LinkOptions withAnchor(String fragment) {
        return new LinkOptions(Optional.of(fragment), method, scheme, external);
    }

    /**
     * @param name the method, such as {@code POST}; any case
     * @return a copy that builds the rule of the endpoint that accepts this method
     */
    public LinkOptions withMethod(String name) {
        return new LinkOptions(anchor, Optional.of(name), scheme, external);
    }

    /**
     * @param name {@code http} or {@code https}
     * @return a copy that builds an absolute URL with this scheme (Flask requires {@code _external}
     *     with {@code _scheme}; here the scheme implies it)
     */
    public LinkOptions withScheme(String name) {
        return new LinkOptions(anchor, method, Optional.of(name), true);
    }

    /** @return a copy that builds an absolute URL, with the request's (or the server name's) scheme and host */
    public LinkOptions asExternal() {
        return new LinkOptions(anchor, method, scheme, true);
    }
}
