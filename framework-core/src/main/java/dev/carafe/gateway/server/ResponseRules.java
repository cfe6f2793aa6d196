package dev.carafe.gateway.server;

import dev.carafe.gateway.Environ;
import dev.carafe.gateway.Header;
import dev.carafe.gateway.Status;
import java.util.List;

/**
 * The checks the server applies to an application's status and headers at {@code start} time, so
 * that a broken response fails while the application still runs (PEP 3333; RFC 9112 §11.1,
 * response splitting). Each failure is an {@link IllegalArgumentException} naming the rule.
 */
final class ResponseRules {


    private ResponseRules() {
    }

    /** @return the status code of a valid status line */
    static int status(String status) {
        if (status == null) {
            throw new IllegalArgumentException("The status must not be null; pass for example \"200 OK\".");
        }
        int code = Status.code(status);
        if (code < 100) {
            throw new IllegalArgumentException("The status code must be from 100 to 999, got \"" + status + "\".");
        }
        for (int i = 0; i < status.length(); i++) {
            char c = status.charAt(i);
            if (c > 0xff || c < 0x20 && c != '\t' || c == 0x7f) {
                throw new IllegalArgumentException("The status must not contain control characters or chars above "
                        + "U+00FF, got \"" + printable(status) + "\".");
            }
        }
        return code;
    }

    static void headers(List<Header> headers) {
        if (headers == null) {
            throw new IllegalArgumentException("The headers must be a list, got null; pass List.of() for none.");
        }
        int lengths = 0;
        for (Header header : headers) {
            if (header == null) {
                throw new IllegalArgumentException("The headers must not contain null.");
            }
            String name = header.name();
            if (!isToken(name)) {
                throw new IllegalArgumentException("Response header name \"" + printable(name)
                        + "\" is not a token (letters, digits and !#$%&'*+-.^_`|~, no colon or space).");
            }
            if (header.isHopByHop()) {
                throw new IllegalArgumentException("Response header \"" + name + "\" is hop-by-hop: the server owns "
                        + "the connection and its framing; remove it from the application's headers.");
            }
            String value = header.value();
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c > 0xff || c < 0x20 && c != '\t' || c == 0x7f) {
                    throw new IllegalArgumentException("Response header \"" + name + "\" has a value with a control "
                            + "character or a char above U+00FF: \"" + printable(value) + "\".");
                }
            }
            if (header.is("Content-Length")) {
                if (value.isEmpty() || value.length() > 18 || !isDigits(value)) {
                    throw new IllegalArgumentException("Response header Content-Length must be decimal digits, got \""
                            + printable(value) + "\".");
                }
                if (++lengths > 1) {
                    throw new IllegalArgumentException("The response has more than one Content-Length header.");
                }
            }
        }
    }

    private static boolean isToken(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (!Environ.isTokenChar(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigits(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static String printable(String s) {
        return s.replace("\r", "\\r").replace("\n", "\\n").replace("\0", "\\0");
    }
}
