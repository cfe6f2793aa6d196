package dev.carafe.routing;

import java.util.Objects;
import java.util.Optional;

/**
 * How {@link Router#build(String, java.util.Map, UrlOptions)} writes a URL: the mount prefix, the
 * method to choose a rule by, an anchor, and whether to write an absolute URL.
 *
 * <pre>{@code
 * UrlOptions options = UrlOptions.defaults().withScriptName("/app").withAnchor("comments");
 * UrlOptions absolute = UrlOptions.defaults().withScheme("https").withHost("example.com").asExternal();
 * }</pre>
 *
 * @param scriptName the mount prefix ({@code SCRIPT_NAME}, decoded), {@code ""} at the root
 * @param method the method a rule must accept; when empty, rules accepting GET are preferred
 * @param anchor the fragment to append after {@code #}, decoded
 * @param scheme the scheme of absolute URLs, {@code http} by default
 * @param host the current host; absolute URLs use it, and a rule on another host or subdomain
 *     makes the URL absolute
 * @param external whether to write {@code scheme://host/...} rather than a path
 */
public record UrlOptions(String scriptName, Optional<String> method, Optional<String> anchor, String scheme,
        Optional<String> host, boolean external) {

    private static final UrlOptions DEFAULTS = new UrlOptions("", Optional.empty(), Optional.empty(), "http",
            Optional.empty(), false);

    /**
     * Checks the components.
     *
     * @throws IllegalArgumentException when the scheme is not a URL scheme
     */
    public UrlOptions {
        Objects.requireNonNull(scriptName, "scriptName");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(anchor, "anchor");
        Objects.requireNonNull(host, "host");
        if (!Objects.requireNonNull(scheme, "scheme").matches("[A-Za-z][A-Za-z0-9+.-]*")) {
            throw new IllegalArgumentException("'" + scheme + "' is not a URL scheme; use e.g. http or https.");
        }
    }

    /**
     * Relative URLs at the root, any method, no anchor.
     *
     * @return the defaults
     */
    public static UrlOptions defaults() {
        return DEFAULTS;
    }

    /**
     * A copy with a mount prefix.
     *
     * @param scriptName e.g. {@code /app}
     * @return the copy
     */
    public UrlOptions withScriptName(String scriptName) {
        return new UrlOptions(scriptName, method, anchor, scheme, host, external);
    }

    /**
     * A copy that builds from a rule accepting this method.
     *
     * @param method e.g. {@code POST}
     * @return the copy
     */
    public UrlOptions withMethod(String method) {
        return new UrlOptions(scriptName, Optional.of(method), anchor, scheme, host, external);
    }

    /**
     * A copy with an anchor.
     *
     * @param anchor e.g. {@code comments}
     * @return the copy
     */
    public UrlOptions withAnchor(String anchor) {
        return new UrlOptions(scriptName, method, Optional.of(anchor), scheme, host, external);
    }

    /**
     * A copy with a scheme for absolute URLs.
     *
     * @param scheme e.g. {@code https}
     * @return the copy
     */
    public UrlOptions withScheme(String scheme) {
        return new UrlOptions(scriptName, method, anchor, scheme, host, external);
    }

    /**
     * A copy with the current host.
     *
     * @param host e.g. {@code example.com} or {@code localhost:5000}
     * @return the copy
     */
    public UrlOptions withHost(String host) {
        return new UrlOptions(scriptName, method, anchor, scheme, Optional.of(host), external);
    }

    /**
     * A copy that writes absolute URLs ({@code scheme://host/path}).
     *
     * @return the copy
     */
    public UrlOptions asExternal() {
        return new UrlOptions(scriptName, method, anchor, scheme, host, true);
    }
}
