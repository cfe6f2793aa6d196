package dev.carafe;

import dev.carafe.gateway.Header;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/** Builds redirect responses: the status, {@code Location} and a small HTML page with a link. */
final class Redirects {

    private static final Set<Integer> CODES = Set.of(301, 302, 303, 307, 308);

    private Redirects() {
    }

    static Response redirect(String location, int status) {
        if (!CODES.contains(status)) {
            throw new IllegalArgumentException("Redirect status " + status + " is not a redirect status; use 301"
                    + " (moved permanently), 302 (found), 303 (see other), 307 (temporary redirect) or 308"
                    + " (permanent redirect).");
        }
        Header target = ResponseHeaders.checked("Location", asciiLocation(location));
        String escaped = escape(location);
        String page = "<!doctype html>\n<html lang=en>\n<title>Redirecting...</title>\n<h1>Redirecting...</h1>\n"
                + "<p>You should be redirected automatically to the target URL: <a href=\"" + escaped + "\">"
                + escaped + "</a>. If not, click the link.\n";
        return Response.html(page).withStatus(status).withAddedHeader(target.name(), target.value());
    }

    /** The location with each non-ASCII character percent-encoded as UTF-8; ASCII is kept as it is. */
    static String asciiLocation(String location) {
        StringBuilder out = null;
        for (int i = 0; i < location.length(); i++) {
            char c = location.charAt(i);
            if (c < 0x80) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(location.length() + 16).append(location, 0, i);
            }
            int end = Character.isHighSurrogate(c) && i + 1 < location.length() ? i + 2 : i + 1;
            for (byte b : location.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                out.append('%').append(Character.toUpperCase(Character.forDigit(b >> 4 & 0xF, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
            }
            i = end - 1;
        }
        return out == null ? location : out.toString();
    }

    /** HTML-escapes {@code & < > " '}. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&#34;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
