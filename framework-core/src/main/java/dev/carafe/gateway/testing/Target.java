package dev.carafe.gateway.testing;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;

/**
 * Where a request goes: scheme, host, port, the raw (percent-encoded) path and the raw query, and
 * the client's mount point, which the path may lie under.
 *
 * @param scheme {@code http} or {@code https}
 * @param host the host name, lower case
 * @param port the port
 * @param root the client's mount point ({@link BaseUrl#root()}), raw; {@code ""} for none
 * @param rawPath the path as it appears in the request target, percent-encoded, starting with {@code /}
 * @param rawQuery the query after {@code ?}, encoded, possibly empty
 */
record Target(String scheme, String host, int port, String root, String rawPath, String rawQuery) {

    static final String DEFAULT_HOST = "localhost";

    /**
     * Parses what a user passes as a path: {@code /users?page=2}, on the base URL's scheme, host and
     * port and under its mount point, or an absolute URL such as {@code https://example.com:8443/users}.
     * Chars that may not appear in a URL (spaces, non-ASCII text) are percent-encoded as UTF-8; a
     * fragment is dropped.
     */
    static Target parse(String pathOrUrl, BaseUrl base) {
        String rest = pathOrUrl;
        int hash = rest.indexOf('#');
        if (hash >= 0) {
            rest = rest.substring(0, hash);
        }
        String scheme = base.scheme();
        String authority = null;
        String lower = rest.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            scheme = lower.substring(0, lower.indexOf(':'));
            rest = rest.substring(scheme.length() + 3);
            int end = firstOf(rest, "/?");
            authority = rest.substring(0, end);
            rest = end < rest.length() && rest.charAt(end) == '?' ? "/" + rest.substring(end) : rest.substring(end);
            if (rest.isEmpty()) {
                rest = "/";
            }
        } else if (!rest.startsWith("/")) {
            throw new IllegalArgumentException("The path \"" + pathOrUrl + "\" must start with \"/\" or be an absolute "
                    + "http or https URL; use \"/" + pathOrUrl + "\".");
        } else {
            rest = base.root() + rest;
        }
        int question = rest.indexOf('?');
        String path = question < 0 ? rest : rest.substring(0, question);
        String query = question < 0 ? "" : rest.substring(question + 1);
        String host = base.host();
        int port = base.port();
        if (authority != null) {
            port = defaultPort(scheme);
            int colon = authority.lastIndexOf(':');
            boolean hasPort = colon >= 0 && authority.indexOf(']') < colon;
            host = (hasPort ? authority.substring(0, colon) : authority).toLowerCase(java.util.Locale.ROOT);
            if (hasPort) {
                try {
                    port = Integer.parseInt(authority.substring(colon + 1));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("The URL \"" + pathOrUrl + "\" has the port \""
                            + authority.substring(colon + 1) + "\"; expected digits, as in http://localhost:8080/.", e);
                }
            }
        }
        return new Target(scheme, host, port, base.root(), encode(path), encode(query));
    }

    static int defaultPort(String scheme) {
        return scheme.equals("https") ? 443 : 80;
    }

    /** The Host header value: the host, with the port when it is not the scheme's default. */
    String hostHeader() {
        return port == defaultPort(scheme) ? host : host + ":" + port;
    }

    /** The request target: raw path, then {@code ?} and the query when there is one. */
    String requestUri() {
        return rawQuery.isEmpty() ? rawPath : rawPath + "?" + rawQuery;
    }

    /** The absolute URL. */
    String url() {
        return scheme + "://" + hostHeader() + requestUri();
    }

    /** The raw {@code SCRIPT_NAME}: the mount point when the path lies under it, else {@code ""}. */
    String rawScriptName() {
        return root.isEmpty() || rawPath.equals(root) || rawPath.startsWith(root + "/") ? root : "";
    }

    /** The raw {@code PATH_INFO}: the path after {@link #rawScriptName()}. */
    String rawPathInfo() {
        return rawPath.substring(rawScriptName().length());
    }

    Target withQuery(String query) {
        return new Target(scheme, host, port, root, rawPath, query);
    }

    /** The same place over another scheme; a port that was the old scheme's default becomes the new one's. */
    Target withScheme(String newScheme) {
        int newPort = port == defaultPort(scheme) ? defaultPort(newScheme) : port;
        return new Target(newScheme, host, newPort, root, rawPath, rawQuery);
    }

    /** Resolves a Location header against this URL. */
    Target resolve(String location) {
        try {
            URI resolved = new URI(url()).resolve(new URI(encode(location)));
            return parse(resolved.toString(), new BaseUrl(scheme, host, port, root));
        } catch (URISyntaxException e) {
            throw new IllegalStateException("The redirect from " + url() + " has the Location \"" + location
                    + "\", which is not a URL: " + e.getMessage() + ". Fix the Location header.", e);
        }
    }

    private static int firstOf(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return s.length();
    }

    /** Percent-encodes, as UTF-8, every char that may not appear in a URL; keeps existing escapes. */
    static String encode(String text) {
        boolean clean = true;
        for (int i = 0; i < text.length() && clean; i++) {
            clean = allowed(text.charAt(i));
        }
        if (clean) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (allowed(c)) {
                out.append(c);
                continue;
            }
            int end = Character.isHighSurrogate(c) && i + 1 < text.length() ? i + 2 : i + 1;
            bytes.reset();
            bytes.writeBytes(text.substring(i, end).getBytes(StandardCharsets.UTF_8));
            for (byte b : bytes.toByteArray()) {
                out.append('%').append(Character.toUpperCase(Character.forDigit(b >> 4 & 0xF, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
            }
            i = end - 1;
        }
        return out.toString();
    }

    private static boolean allowed(char c) {
        return c > 0x20 && c < 0x7F && "\"<>\\^`{|}".indexOf(c) < 0;
    }
}
