package dev.carafe.gateway.server;

/**
 * The check of a request's authority, from its {@code Host} field or an absolute-form target:
 * {@code uri-host [":" port]} (RFC 9112 §3.2, RFC 3986 §3.2.2–3.2.3). A server MUST answer 400 to
 * a Host it cannot parse: the application builds URLs from it ({@code HTTP_HOST}).
 *
 * <p>The host is a bracketed IP literal ({@code [::1]}, {@code [v1.x]}) or a non-empty registered
 * name or IPv4 address: unreserved characters, sub-delimiters and percent-encoded octets. The port,
 * after a colon, is decimal digits up to 65535, or empty (the scheme's default).
 */
final class Authority {

    private static final String SUB_DELIMS = "!$&'()*+,;=";
    private static final int MAX_PORT = 65_535;

    private Authority() {
    }

    /**
     * @param value the field value or the target's authority, OWS already trimmed
     * @param where what it came from, for the message: {@code "The Host field"}
     * @throws HttpError 400, naming what is wrong and the expected form, if it is not a host and port
     */
    static void check(String value, String where) throws HttpError {
        int hostEnd = value.startsWith("[") ? ipLiteralEnd(value, where) : regNameEnd(value, where);
        if (hostEnd == value.length()) {
            return;
        }
        if (value.charAt(hostEnd) != ':') {
            throw invalid(where, "the host ends at an unexpected character");
        }
        String port = value.substring(hostEnd + 1);
        if (port.length() > 5 || !port.chars().allMatch(c -> c >= '0' && c <= '9')
                || !port.isEmpty() && Integer.parseInt(port) > MAX_PORT) {
            throw invalid(where, "the port must be decimal digits from 0 to " + MAX_PORT);
        }
    }

    /** @return the index just past the closing bracket */
    private static int ipLiteralEnd(String value, String where) throws HttpError {
        int close = value.indexOf(']');
        if (close < 0) {
            throw invalid(where, "an IP literal opened with [ must be closed with ]");
        }
        String inside = value.substring(1, close);
        boolean future = !inside.isEmpty() && (inside.charAt(0) == 'v' || inside.charAt(0) == 'V');
        if (inside.isEmpty()) {
            throw invalid(where, "the brackets hold no address");
        }
        for (int i = 0; i < inside.length(); i++) {
            char c = inside.charAt(i);
            boolean allowed = future ? unreserved(c) || SUB_DELIMS.indexOf(c) >= 0 || c == ':'
                    : hexDigit(c) || c == ':' || c == '.';
            if (!allowed) {
                throw invalid(where, "an IP literal holds hexadecimal digits, colons and dots only");
            }
        }
        return close + 1;
    }

    /** @return the index of the first character past the registered name */
    private static int regNameEnd(String value, String where) throws HttpError {
        int i = 0;
        while (i < value.length() && value.charAt(i) != ':') {
            char c = value.charAt(i);
            if (c == '%') {
                if (i + 2 >= value.length() || !hexDigit(value.charAt(i + 1)) || !hexDigit(value.charAt(i + 2))) {
                    throw invalid(where, "a % in the host must start a percent-encoded octet such as %2D");
                }
                i += 3;
                continue;
            }
            if (!unreserved(c) && SUB_DELIMS.indexOf(c) < 0) {
                throw invalid(where, "the host has a character that a host name cannot have");
            }
            i++;
        }
        if (i == 0) {
            throw invalid(where, "the host is empty");
        }
        return i;
    }

    private static boolean unreserved(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~".indexOf(c) >= 0;
    }

    private static boolean hexDigit(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    private static HttpError invalid(String where, String reason) {
        return HttpError.badRequest(where + " is not a valid host and port: " + reason
                + " (expected a name, an IPv4 address or a bracketed IPv6 address, then optionally"
                + " : and a port).");
    }
}
