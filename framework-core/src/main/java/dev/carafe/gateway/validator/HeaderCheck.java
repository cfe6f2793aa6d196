package dev.carafe.gateway.validator;

import static dev.carafe.gateway.validator.Values.quote;

import dev.carafe.gateway.Environ;
import dev.carafe.gateway.Header;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/** Rules 17 to 24: the header list an application passes to start. */
final class HeaderCheck {


    private HeaderCheck() {
    }

    /** Checks the headers of a response whose status already passed rule 16. */
    static void check(String status, List<Header> headers, Consumer<String> warnings) {
        if (headers == null) {
            throw Rule.HEADER_LIST.violation("the header list is null; expected a List of Header (List.of() for "
                    + "none). Pass a list to StartResponse.start.");
        }
        int index = 0;
        boolean contentType = false;
        String contentLength = null;
        for (Object item : (List<?>) headers) {
            if (!(item instanceof Header header)) {
                throw Rule.HEADER_LIST.violation("the header list has " + Values.typed(item) + " at index " + index
                        + "; expected a dev.carafe.gateway.Header at every index. Put only new Header(name, value) "
                        + "in the list (an unchecked cast may have let another type in).");
            }
            checkName(header.name(), warnings);
            checkValue(header);
            checkMeaning(header, warnings);
            contentType |= header.is("Content-Type");
            if (header.is("Content-Length")) {
                if (contentLength != null) {
                    throw Rule.CONTENT_LENGTH_HEADER.violation("the headers include Content-Length twice ("
                            + quote(contentLength) + " and " + quote(header.value()) + "); expected it once. "
                            + "Remove the repeat (nginx refuses a response that has one, even of the same value).");
                }
                contentLength = header.value();
            }
            index++;
        }
        boolean bodiless = status.startsWith("204") || status.startsWith("304");
        if (!bodiless && !contentType) {
            Rule.CONTENT_TYPE.warn(warnings, "the response " + quote(status) + " has no Content-Type header; "
                    + "expected one on every response except 204 and 304. Add a header such as "
                    + "new Header(\"Content-Type\", \"text/plain; charset=utf-8\").");
        }
        if (bodiless && contentType) {
            Rule.CONTENT_TYPE.warn(warnings, "the response " + quote(status) + " has a Content-Type header; "
                    + "expected none on 204 and 304 responses. Remove the header.");
        }
    }

    private static void checkName(String name, Consumer<String> warnings) {
        if (name.isEmpty()) {
            throw Rule.HEADER_NAME.violation("a header name is \"\"; expected an RFC 9110 token such as "
                    + "\"Content-Type\". Give the header a name.");
        }
        for (int i = 0; i < name.length(); i++) {
            if (!Environ.isTokenChar(name.charAt(i))) {
                throw Rule.HEADER_NAME.violation("the header name " + quote(name) + " is not an RFC 9110 token "
                        + "(the char " + quote(String.valueOf(name.charAt(i))) + " at index " + i + " is not "
                        + "allowed); expected letters, digits and !#$%&'*+-.^_`|~ only, such as \"Content-Type\". "
                        + "Fix the name of the header.");
            }
        }
        if (!name.matches("[A-Za-z][A-Za-z0-9_-]*") || name.endsWith("-") || name.endsWith("_")) {
            Rule.HEADER_NAME.warn(warnings, "the header name " + quote(name) + " is a token but not a letter "
                    + "followed by letters, digits, \"-\" and \"_\", not ending with \"-\" or \"_\"; expected a "
                    + "conventional name such as \"X-Request-Id\". Rename the header: some proxies drop such "
                    + "fields.");
        }
    }

    private static void checkValue(Header header) {
        String value = header.value();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && c != '\t' || c == 0x7F || c > 0xFF) {
                throw Rule.HEADER_VALUE.violation("the value of header " + quote(header.name()) + " is "
                        + quote(value) + ", which contains the char " + String.format("U+%04X", (int) c) + " at "
                        + "index " + i + "; expected no CR, LF, NUL, DEL or other control char except HTAB, and "
                        + "chars up to U+00FF. Remove the char or encode the value (for example percent-encoding).");
            }
        }
    }

    private static void checkMeaning(Header header, Consumer<String> warnings) {
        String lower = header.name().toLowerCase(Locale.ROOT);
        if (lower.equals("status")) {
            throw Rule.STATUS_HEADER.violation("the headers include a Status field (" + quote(header.value())
                    + "); expected the status in the status line only. Remove the header and put the code in "
                    + "the status passed to StartResponse.start.");
        }
        if (header.isHopByHop()) {
            throw Rule.HOP_BY_HOP.violation("the headers include the hop-by-hop field " + quote(header.name())
                    + " (" + quote(header.value()) + "); expected none of Connection, Keep-Alive, "
                    + "Proxy-Authenticate, Proxy-Authorization, Proxy-Connection, TE, Trailer, Transfer-Encoding "
                    + "and Upgrade: the server owns the connection. Remove the header.");
        }
        if (lower.equals("content-length") && !Values.digits(header.value())) {
            throw Rule.CONTENT_LENGTH_HEADER.violation("the Content-Length header is " + quote(header.value())
                    + "; expected decimal digits only, such as \"12\". Set it to the body's length in bytes, "
                    + "or leave it out.");
        }
        if (lower.equals("etag")) {
            checkEtag(header.value(), warnings);
        }
    }

    private static void checkEtag(String value, Consumer<String> warnings) {
        if (value.startsWith("w/")) {
            Rule.ETAG.warn(warnings, "the ETag value " + value + " has a lower-case weak indicator; expected "
                    + "W/" + value.substring(2) + ". Write the indicator as an upper-case W/.");
            return;
        }
        String tag = value.startsWith("W/") ? value.substring(2) : value;
        if (tag.length() < 2 || !tag.startsWith("\"") || !tag.endsWith("\"")) {
            Rule.ETAG.warn(warnings, "the ETag value " + value + " is not a quoted entity tag; expected "
                    + "\"" + tag + "\" or W/\"" + tag + "\", double quotes included. Put the tag in double quotes.");
        }
    }
}
