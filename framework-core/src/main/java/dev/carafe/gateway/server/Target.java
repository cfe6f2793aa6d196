package dev.carafe.gateway.server;

import java.util.Locale;
import java.util.Optional;

/**
 * The request target split into its raw path and query (RFC 9112 §3.2): origin-form
 * ({@code /path?query}), absolute-form ({@code http://host/path?query}, whose authority replaces
 * Host) and asterisk-form ({@code *}, OPTIONS only). Authority-form (CONNECT) is refused with 501:
 * a gateway server does not open tunnels.
 *
 * @param path the raw path, not decoded
 * @param query the raw query without {@code ?}, or empty
 * @param authority the authority of an absolute-form target
 */
record Target(String path, String query, Optional<String> authority) {

    static Target parse(String method, String target) throws HttpError {
        if (method.equals("CONNECT")) {
            throw new HttpError(501, "CONNECT is not supported: this server does not open tunnels.");
        }
        if (target.equals("*")) {
            if (!method.equals("OPTIONS")) {
                throw HttpError.badRequest("The target * is only allowed with OPTIONS.");
            }
            return new Target("*", "", Optional.empty());
        }
        if (target.startsWith("/")) {
            return split(target, Optional.empty());
        }
        String lower = target.toLowerCase(Locale.ROOT);
        int schemeEnd = lower.startsWith("http://") ? 7 : lower.startsWith("https://") ? 8 : -1;
        if (schemeEnd < 0) {
            throw HttpError.badRequest("The request target must be a path starting with / or an absolute "
                    + "http(s) URL.");
        }
        int pathStart = schemeEnd;
        while (pathStart < target.length() && "/?#".indexOf(target.charAt(pathStart)) < 0) {
            pathStart++;
        }
        String authority = target.substring(schemeEnd, pathStart);
        int at = authority.lastIndexOf('@');
        if (at >= 0 || authority.isEmpty()) {
            throw HttpError.badRequest("The absolute request target must have a host and no user information.");
        }
        String rest = target.substring(pathStart);
        if (rest.isEmpty() || rest.startsWith("?") || rest.startsWith("#")) {
            rest = "/" + rest;
        }
        return split(rest, Optional.of(authority));
    }

    private static Target split(String target, Optional<String> authority) {
        int hash = target.indexOf('#');
        if (hash >= 0) {
            target = target.substring(0, hash);
        }
        int question = target.indexOf('?');
        if (question < 0) {
            return new Target(target, "", authority);
        }
        return new Target(target.substring(0, question), target.substring(question + 1), authority);
    }

    /** Removes leading and trailing SP and HTAB (and nothing else: RFC 9110 OWS). */
    static String trimOws(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && (value.charAt(start) == ' ' || value.charAt(start) == '\t')) {
            start++;
        }
        while (end > start && (value.charAt(end - 1) == ' ' || value.charAt(end - 1) == '\t')) {
            end--;
        }
        return value.substring(start, end);
    }
}
