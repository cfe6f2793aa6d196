package dev.carafe.gateway.host;

import dev.carafe.gateway.Environ;
import dev.carafe.gateway.Header;
import dev.carafe.gateway.Status;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The checks a host makes when the application calls start: the status line, each header, no
 * hop-by-hop header, one numeric {@code Content-Length}. Each failure is an
 * {@link IllegalArgumentException} that names the value and how to fix it.
 */
final class ResponseRules {

    private static final Set<String> HOP_BY_HOP = Set.of(
            "connection", "keep-alive", "transfer-encoding", "te", "trailer", "trailers", "upgrade");

    private ResponseRules() {
    }

    /** Checks a status line and returns its code. */
    static int checkStatus(String status) {
        int code = Status.code(status);
        for (int i = 0; i < status.length(); i++) {
            char c = status.charAt(i);
            if (c < 0x20 || c == 0x7F || c > 0xFF) {
                throw new IllegalArgumentException("Status \"" + printable(status) + "\" contains " + codePoint(c)
                        + " at index " + i + "; a status is three digits, a space and a reason phrase of printable"
                        + " Latin-1 characters, for example \"200 OK\".");
            }
        }
        if (code < 200) {
            throw new IllegalArgumentException("Status \"" + status + "\" is informational (1xx); an application's"
                    + " response needs a final status from 200 to 999, for example \"200 OK\".");
        }
        return code;
    }

    /** Checks the headers and returns the declared content length, or -1 when there is none. */
    static long checkHeaders(List<Header> headers) {
        long length = -1;
        String lengthValue = null;
        for (int i = 0; i < headers.size(); i++) {
            Header header = headers.get(i);
            if (header == null) {
                throw new IllegalArgumentException("Header at index " + i + " is null; the headers list holds"
                        + " Header objects only.");
            }
            checkName(header.name());
            checkValue(header);
            if (header.is("Content-Length")) {
                if (lengthValue != null && !lengthValue.equals(header.value())) {
                    throw new IllegalArgumentException("Content-Length is given twice with different values (\""
                            + lengthValue + "\" and \"" + header.value() + "\"); send it once.");
                }
                lengthValue = header.value();
                length = parseLength(lengthValue);
            }
        }
        return length;
    }

    private static void checkName(String name) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("A header name is empty; header names are tokens such as"
                    + " \"Content-Type\".");
        }
        for (int i = 0; i < name.length(); i++) {
            if (!Environ.isTokenChar(name.charAt(i))) {
                throw new IllegalArgumentException("Header name \"" + printable(name) + "\" is not a token: "
                        + codePoint(name.charAt(i)) + " at index " + i + " is not allowed; header names use letters,"
                        + " digits and !#$%&'*+-.^_`|~.");
            }
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (HOP_BY_HOP.contains(lower) || lower.startsWith("proxy-")) {
            throw new IllegalArgumentException("Header '" + name + "' is hop-by-hop and belongs to the server; an"
                    + " application must not send Connection, Keep-Alive, Transfer-Encoding, TE, Trailer, Upgrade or"
                    + " Proxy-* headers. Remove it from the response headers.");
        }
    }

    private static void checkValue(Header header) {
        String value = header.value();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && c != '\t' || c == 0x7F || c > 0xFF) {
                throw new IllegalArgumentException("Value of header '" + header.name() + "' contains " + codePoint(c)
                        + " at index " + i + "; header values must be Latin-1 without CR, LF, NUL or other control"
                        + " characters (HTAB is allowed).");
            }
        }
    }

    private static long parseLength(String value) {
        boolean digits = !value.isEmpty() && value.length() <= 18;
        for (int i = 0; digits && i < value.length(); i++) {
            digits = value.charAt(i) >= '0' && value.charAt(i) <= '9';
        }
        if (!digits) {
            throw new IllegalArgumentException("Content-Length \"" + printable(value) + "\" is not a number of bytes;"
                    + " give the body's length in decimal digits, or leave the header out and let the server frame"
                    + " the body.");
        }
        return Long.parseLong(value);
    }

    private static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
    }

    private static String printable(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            out.append(c < 0x20 || c == 0x7F ? String.format("\\u%04X", (int) c) : String.valueOf(c));
        }
        return out.toString();
    }
}
