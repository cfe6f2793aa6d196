package dev.carafe;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses a request's {@code Cookie} header ({@code a=1; b="two"}) into an ordered map.
 * Pairs are separated by {@code ;}; the first occurrence of a name wins (browsers send the cookie
 * with the most specific path first, RFC 6265 §5.4); pairs without {@code =} or with an empty
 * name are skipped; a value in double quotes loses its quotes. Nothing else is decoded: a value
 * arrives exactly as the server set it.
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
                value = value.substring(1, value.length() - 1);
            }
            cookies.putIfAbsent(name, value);
        }
        return Collections.unmodifiableMap(cookies);
    }
}
