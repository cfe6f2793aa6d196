package dev.carafe;

import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** How the parts of a {@link Cookie} are written into {@code Set-Cookie}. */
final class CookieText {

    /** Characters a value may hold without quotes, besides ASCII letters and digits. */
    private static final String PLAIN = "_!#$%&'()*+-./:<=>?@[]^`{|}~";
    /** Characters a path keeps as they are, besides ASCII letters and digits. */
    private static final String PATH_SAFE = "-._~%!$&'()*+,/:=@";
    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private CookieText() {
    }

    /** The value as is when every char is plain, else quoted with backslash escapes of the UTF-8 bytes. */
    static String quoted(String value) {
        if (value.chars().allMatch(c -> isAsciiAlphanumeric(c) || PLAIN.indexOf(c) >= 0)) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length() + 8).append('"');
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c == '"' || c == '\\') {
                out.append('\\').append((char) c);
            } else if (c < 0x20 || c >= 0x7F || c == ',' || c == ';') {
                out.append('\\').append(c >> 6).append(c >> 3 & 7).append(c & 7);
            } else {
                out.append((char) c);
            }
        }
        return out.append('"').toString();
    }

    /** The path with every byte outside a URL path's characters percent-encoded, {@code ;} included. */
    static String path(String path) {
        StringBuilder out = new StringBuilder(path.length());
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (isAsciiAlphanumeric(c) || PATH_SAFE.indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }

    /**
     * The domain as a cookie carries it: without a port or leading dot, in ASCII (IDNA).
     *
     * @throws IllegalArgumentException if nothing is left, or the name is not a valid host name
     */
    static String domain(String cookie, String domain) {
        String host = domain.strip();
        int colon = host.indexOf(':');
        if (colon >= 0) {
            host = host.substring(0, colon);
        }
        while (host.startsWith(".")) {
            host = host.substring(1);
        }
        String ascii;
        try {
            ascii = IDN.toASCII(host, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            ascii = "";
        }
        if (ascii.isEmpty()) {
            throw new IllegalArgumentException("Domain '" + domain + "' of cookie '" + cookie + "' is not a host"
                    + " name; use a name such as 'example.com', or no domain for a cookie of this host only.");
        }
        return ascii;
    }

    /** An IMF-fixdate such as {@code Thu, 01 Jan 1970 00:00:00 GMT}. */
    static String httpDate(Instant instant) {
        return IMF_FIXDATE.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    private static boolean isAsciiAlphanumeric(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }
}
