package dev.carafe;

import dev.carafe.gateway.Environ;
import dev.carafe.gateway.Header;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The header list of a {@link Response}: checked when a header is set, so that a bad name or value
 * fails where the application set it (with the header, the value and the offending character)
 * instead of later in the server, and edited by copying.
 */
final class ResponseHeaders {


    private ResponseHeaders() {
    }

    /**
     * Returns a header after checking it against the gateway's rules.
     *
     * @throws IllegalArgumentException if the name is not a token, is {@code Status} or a
     *     hop-by-hop field, the value has a line break, another control character or a char
     *     above U+00FF, or a {@code Content-Length} is not decimal digits
     */
    static Header checked(String name, String value) {
        checkName(name);
        checkValue(name, value);
        if (name.equalsIgnoreCase("Content-Length") && !value.matches("[0-9]{1,18}")) {
            throw new IllegalArgumentException("Header 'Content-Length' value \"" + value + "\" is not a number of"
                    + " bytes; use decimal digits such as '12', or leave it out: Carafe sets it for byte bodies.");
        }
        return new Header(name, value);
    }

    static void checkName(String name) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("A header name is empty; give the header a name such as 'X-Request-Id'.");
        }
        for (int i = 0; i < name.length(); i++) {
            if (!Environ.isTokenChar(name.charAt(i))) {
                throw new IllegalArgumentException("Header name '" + name + "' is not a token: '" + name.charAt(i)
                        + "' at index " + i + " is not allowed. Use letters, digits and !#$%&'*+-.^_`|~ only,"
                        + " for example 'X-Request-Id'.");
            }
        }
        if (new Header(name, "").isHopByHop()) {
            throw new IllegalArgumentException("Header '" + name + "' is a hop-by-hop field: the server frames the"
                    + " body and owns the connection, so a response cannot set it. Remove the header.");
        }
        if (name.equalsIgnoreCase("status")) {
            throw new IllegalArgumentException("Header 'Status' is not a response header in Carafe; set the status"
                    + " with withStatus(int) instead.");
        }
    }

    static void checkValue(String name, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n') {
                throw new IllegalArgumentException("Header '" + name + "' value \"" + printable(value)
                        + "\" contains a line break (" + (c == '\r' ? "CR" : "LF") + ") at index " + i
                        + "; header values must be one line. Remove the line break, or percent-encode it"
                        + " if the value is a URL.");
            }
            if (c < 0x20 && c != '\t' || c == 0x7F) {
                throw new IllegalArgumentException("Header '" + name + "' value \"" + printable(value)
                        + "\" contains the control character " + codePoint(c) + " at index " + i
                        + "; header values may hold tabs but no other control characters. Remove it.");
            }
            if (c > 0xFF) {
                throw new IllegalArgumentException("Header '" + name + "' value \"" + value + "\" contains '" + c
                        + "' (" + codePoint(c) + ") at index " + i + ", which does not fit in one byte; header"
                        + " values are ISO-8859-1. Percent-encode it as UTF-8 (as RFC 8187 does) or use ASCII.");
            }
        }
    }

    /** The first value of a header, ignoring the case of its name. */
    static Optional<String> first(List<Header> headers, String name) {
        for (Header header : headers) {
            if (header.is(name)) {
                return Optional.of(header.value());
            }
        }
        return Optional.empty();
    }

    /** Replaces every header of that name by one, at the place of the first; appends it if absent. */
    static List<Header> replaced(List<Header> headers, Header replacement) {
        List<Header> out = new ArrayList<>(headers.size() + 1);
        boolean placed = false;
        for (Header header : headers) {
            if (!header.is(replacement.name())) {
                out.add(header);
            } else if (!placed) {
                out.add(replacement);
                placed = true;
            }
        }
        if (!placed) {
            out.add(replacement);
        }
        return List.copyOf(out);
    }

    static List<Header> appended(List<Header> headers, Header header) {
        List<Header> out = new ArrayList<>(headers.size() + 1);
        out.addAll(headers);
        out.add(header);
        return List.copyOf(out);
    }

    static List<Header> without(List<Header> headers, String name) {
        List<Header> out = new ArrayList<>(headers.size());
        for (Header header : headers) {
            if (!header.is(name)) {
                out.add(header);
            }
        }
        return List.copyOf(out);
    }

    private static String printable(String value) {
        return value.replace("\r", "\\r").replace("\n", "\\n");
    }

    private static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
    }
}
