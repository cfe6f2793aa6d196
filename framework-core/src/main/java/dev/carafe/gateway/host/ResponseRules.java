package dev.carafe.gateway.host;

import dev.carafe.gateway.Environ;
import dev.carafe.gateway.Header;
import dev.carafe.gateway.Status;
import java.util.List;

/**
 * The checks every host of gateway applications makes when an application calls
 * {@code StartResponse.start}: a final status line of three digits and a reason phrase, header names
 * that are tokens, values without line breaks or other control characters (HTAB is allowed), no
 * hop-by-hop field ({@link Header#isHopByHop()}: the host owns the connection and its framing), and
 * at most one {@code Content-Length}, in decimal digits. They run at start time, so that a broken
 * response fails while the application still runs rather than on the wire (PEP 3333; RFC 9112
 * §11.1, response splitting).
 *
 * <p>Carafe's gateway server and the adapters of this package apply the same rules. Each failure is
 * an {@link IllegalArgumentException} naming the value, what was expected and how to fix it.
 */
public final class ResponseRules {

    private ResponseRules() {
    }

    /**
     * Checks a status line: three digits from 100 to 999, a space, and a reason phrase of
     * printable Latin-1 characters, spaces and tabs (RFC 9112 §4).
     *
     * @param status the status the application passed, such as {@code "200 OK"}
     * @return its code
     * @throws IllegalArgumentException if the status is null or broken
     */
    public static int checkStatus(String status) {
        if (status == null) {
            throw new IllegalArgumentException("The status is null; pass a status line such as \"200 OK\".");
        }
        int code = Status.code(status);
        if (code < 100) {
            throw new IllegalArgumentException("Status \"" + printable(status) + "\" has code " + code
                    + "; status codes run from 100 to 999, for example \"200 OK\".");
        }
        for (int i = 0; i < status.length(); i++) {
            char c = status.charAt(i);
            if (c < 0x20 && c != '\t' || c == 0x7F || c > 0xFF) {
                throw new IllegalArgumentException("Status \"" + printable(status) + "\" contains " + codePoint(c)
                        + " at index " + i + "; a status is three digits, a space and a reason phrase of printable"
                        + " Latin-1 characters, for example \"200 OK\".");
            }
        }
        return code;
    }

    /**
     * Checks a status line as {@link #checkStatus} does, and that it is a final HTTP status (200 to
     * 599): a host sends its own interim responses ({@code 100 Continue} when the application first
     * reads a body that was expected), and an informational status as the application's answer would
     * leave the client waiting for the final one (RFC 9110 §15.2); codes from 600 are not HTTP
     * (RFC 9110 §15: "values outside the range 100..599 are invalid").
     *
     * @param status the status the application passed, such as {@code "200 OK"}
     * @return its code
     * @throws IllegalArgumentException if the status is null, broken, informational (1xx) or 600 and above
     */
    public static int checkFinalStatus(String status) {
        int code = checkStatus(status);
        if (code < 200) {
            throw new IllegalArgumentException("Status \"" + printable(status) + "\" is informational (1xx); an"
                    + " application's response needs a final status from 200 to 599, for example \"200 OK\"."
                    + " The server sends 100 Continue itself when the application reads the body.");
        }
        if (code > 599) {
            throw new IllegalArgumentException("Status \"" + printable(status) + "\" is not an HTTP status (RFC 9110"
                    + " allows 100 to 599); an application's response needs a final status from 200 to 599, for"
                    + " example \"500 Internal Server Error\".");
        }
        return code;
    }

    /**
     * Checks the headers an application passed to start.
     *
     * @param headers the header fields, in order
     * @return the declared {@code Content-Length}, or -1 when there is none
     * @throws IllegalArgumentException if the list is null or a field breaks a rule
     */
    public static long checkHeaders(List<Header> headers) {
        if (headers == null) {
            throw new IllegalArgumentException("The headers are null; pass a list of Header, List.of() for none.");
        }
        long length = -1;
        String lengthValue = null;
        for (int i = 0; i < headers.size(); i++) {
            Header header = headers.get(i);
            if (header == null) {
                throw new IllegalArgumentException("Header at index " + i + " is null; the headers list holds"
                        + " Header objects only.");
            }
            checkName(header);
            checkValue(header);
            if (header.is("Content-Length")) {
                if (lengthValue != null) {
                    throw new IllegalArgumentException("Content-Length is given twice (\"" + printable(lengthValue)
                            + "\" and \"" + printable(header.value()) + "\"); send it once.");
                }
                lengthValue = header.value();
                length = parseLength(lengthValue);
            }
        }
        return length;
    }

    private static void checkName(Header header) {
        String name = header.name();
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
        if (header.isHopByHop()) {
            throw new IllegalArgumentException("Header '" + name + "' is hop-by-hop and belongs to the server; an"
                    + " application must not send Connection, Keep-Alive, Proxy-Authenticate, Proxy-Authorization,"
                    + " Proxy-Connection, TE, Trailer, Transfer-Encoding or Upgrade. Remove it from the response"
                    + " headers.");
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
