package dev.carafe;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses a request's {@code Cookie} header ({@code a=1; b="two"}) into an ordered map.
 * Pairs are separated by {@code ;}; the first occurrence of a name wins (browsers send the cookie
 * with the most specific path first, RFC 6265 §5.4); pairs without {@code =} or with an empty
 * name are skipped. A value in double quotes loses its quotes and its backslash escapes are undone
 * ({@code \"}, {@code \\} and the octal {@code \073} of the UTF-8 bytes, as {@link Cookie} and
 * Werkzeug write them), so any text set as a cookie value reads back unchanged. An unquoted value
 * arrives exactly as sent.
 */
final class CookieHeader {

    private CookieHeader() {
    }

    /** Returns the cookies of a {@code Cookie} header value in order; an empty header gives an empty map. */
    static Map<String, String> parse(String header) {
        Map<String, String> cookies = new LinkedHashMap<>();
        for (String pair : header.split(";")) {
            int equals = pair.indexOf('=');
            if (equals < 0) {
                continue;
            }
            String name = pair.substring(0, equals).strip();
            String value = pair.substring(equals + 1).strip();
            if (name.isEmpty()) {
                continue;
            }
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = unquoted(value.substring(1, value.length() - 1));
            }
            cookies.putIfAbsent(name, value);
        }
        return Collections.unmodifiableMap(cookies);
    }

    /** Undoes the backslash escapes of a quoted value; a lone or unknown escape keeps its character. */
    static String unquoted(String quoted) {
        if (quoted.indexOf('\\') < 0) {
            return quoted;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(quoted.length());
        int i = 0;
        while (i < quoted.length()) {
            if (quoted.charAt(i) == '\\' && octal(quoted, i + 1)) {
                bytes.write(Integer.parseInt(quoted, i + 1, i + 4, 8));
                i += 4;
                continue;
            }
            if (quoted.charAt(i) == '\\' && i + 1 < quoted.length()) {
                i++;
            }
            int codePoint = quoted.codePointAt(i);
            bytes.writeBytes(Character.toString(codePoint).getBytes(StandardCharsets.UTF_8));
            i += Character.charCount(codePoint);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Whether three octal digits from 000 to 377 start at {@code from}. */
    private static boolean octal(String text, int from) {
        if (from + 3 > text.length()) {
            return false;
        }
        for (int k = from; k < from + 3; k++) {
            char d = text.charAt(k);
            if (d < '0' || d > '7') {
                return false;
            }
        }
        return text.charAt(from) <= '3';
    }
}
