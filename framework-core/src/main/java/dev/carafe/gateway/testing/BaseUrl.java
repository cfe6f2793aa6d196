package dev.carafe.gateway.testing;

import java.util.Locale;

/**
 * Where a test client's requests go when they name a path only: Werkzeug's {@code base_url}. The
 * scheme, host and port of every relative request, and the application's mount point, sent as
 * {@code SCRIPT_NAME} in front of the path.
 *
 * @param scheme {@code http} or {@code https}
 * @param host the host name, lower case
 * @param port the port
 * @param root the mount point, raw (percent-encoded): {@code ""} or a path such as {@code /app},
 *     without a trailing {@code /}
 */
record BaseUrl(String scheme, String host, int port, String root) {

    /** {@code http://localhost/}: the default. */
    static final BaseUrl DEFAULT = new BaseUrl("http", Target.DEFAULT_HOST, 80, "");

    /**
     * Parses {@code scheme://host[:port][/root]}.
     *
     * @throws IllegalArgumentException for anything else, naming the value and what is expected
     */
    static BaseUrl parse(String url) {
        String expected = "; expected http:// or https://, a host, an optional port and an optional path, as in "
                + "http://localhost/ or https://example.com:8443/app.";
        String lower = url.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            throw new IllegalArgumentException("The base URL \"" + url + "\" is not an http or https URL" + expected);
        }
        if (url.indexOf('?') >= 0 || url.indexOf('#') >= 0) {
            throw new IllegalArgumentException("The base URL \"" + url + "\" has a query or a fragment" + expected);
        }
        Target target;
        try {
            target = Target.parse(url, DEFAULT);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The base URL \"" + url + "\" has a bad port" + expected, e);
        }
        if (target.port() < 1 || target.port() > 65535) {
            throw new IllegalArgumentException("The base URL \"" + url + "\" has a bad port" + expected);
        }
        if (target.host().isEmpty()) {
            throw new IllegalArgumentException("The base URL \"" + url + "\" has no host" + expected);
        }
        String root = target.rawPath();
        while (root.endsWith("/")) {
            root = root.substring(0, root.length() - 1);
        }
        return new BaseUrl(target.scheme(), target.host(), target.port(), root);
    }
}
