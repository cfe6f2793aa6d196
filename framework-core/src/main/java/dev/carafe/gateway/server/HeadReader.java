package dev.carafe.gateway.server;

import dev.carafe.gateway.Environ;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the lines of a request head strictly (RFC 9112 §2–§5): CRLF line ends only, no bare CR,
 * no obs-fold, no whitespace before a colon, no control characters in values, and the size limits.
 * It checks syntax only; {@link HeadRules} gives the fields their meaning.
 */
final class HeadReader {

    /**
     * The lines of a head.
     *
     * @param method the method token
     * @param target the request target
     * @param version the protocol, {@code HTTP/1.0} or {@code HTTP/1.1}
     * @param fields the header fields in order, nothing dropped yet
     */
    record RawHead(String method, String target, String version, List<RequestHead.Field> fields) {

        /** @return the request line, {@code GET / HTTP/1.1} */
        String requestLine() {
            return RequestHead.requestLine(method, target, version);
        }
    }

    private static final List<String> METHODS = List.of("GET", "POST", "HEAD", "PUT", "DELETE", "PATCH", "OPTIONS");
    private static final List<String> VERSIONS = List.of("HTTP/1.1", "HTTP/1.0");

    private final ServerSettings settings;
    private final ConnectionInput in;
    private final byte[] line;
    private int headBytes;
    /**
     * The head whose request line passed the grammar in the {@link #read()} under way or refused;
     * null before, and once the head is returned (an idle connection keeps no head).
     */
    private RawHead accepted;

    HeadReader(ServerSettings settings, ConnectionInput in) {
        this.settings = settings;
        this.in = in;
        this.line = new byte[Math.max(settings.maxRequestLineBytes(), settings.maxHeaderFieldBytes()) + 1];
    }

    /**
     * Reads one head. Empty lines before the request line are skipped (RFC 9112 §2.2).
     *
     * @return the head, or empty if the client closed the connection before sending a byte
     * @throws HttpError if the head breaks the grammar or a limit
     * @throws ReadTimeoutException if the head did not arrive before the deadline
     */
    Optional<RawHead> read() throws IOException, HttpError {
        headBytes = 0;
        accepted = null;
        int length;
        do {
            if (headBytes == 0 && in.peek() < 0) {
                return Optional.empty();
            }
            length = readLine(settings.maxRequestLineBytes() - 2, 414, "request line",
                    settings.maxRequestLineBytes());
        } while (length == 0);
        RawHead head = parseRequestLine(length);
        while (true) {
            length = readLine(settings.maxHeaderFieldBytes() - 2, 431, "header field",
                    settings.maxHeaderFieldBytes());
            if (length == 0) {
                accepted = null;
                return Optional.of(head);
            }
            if (head.fields().size() == settings.maxHeaderCount()) {
                throw new HttpError(431, "The request has more than " + settings.maxHeaderCount() + " header fields.");
            }
            head.fields().add(field(length));
        }
    }

    /**
     * The request line of the head the last {@link #read()} refused, if that line had passed the
     * request-line grammar (a token method, a target without spaces or control characters,
     * {@code HTTP/d.d}): the refusal came later, from the version (505) or the header fields. A
     * line refused for its length or its syntax is never kept, so nothing unbounded or with control
     * characters reaches a log.
     *
     * @return the line as read, for the access log; empty if the line was not accepted, or if the
     *     last read returned its head
     */
    Optional<String> requestLine() {
        return accepted == null ? Optional.empty() : Optional.of(accepted.requestLine());
    }

    /** Reads up to CRLF into {@link #line}; returns the length without CRLF; {@code limit} counts the CRLF. */
    private int readLine(int max, int tooLong, String what, int limit) throws IOException, HttpError {
        int length = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new ClientClosedException();
            }
            if (++headBytes > settings.maxHeaderBytes()) {
                throw new HttpError(431, "The request head is larger than " + settings.maxHeaderBytes() + " bytes.");
            }
            if (b == '\r') {
                int next = in.read();
                headBytes++;
                if (next == '\n') {
                    return length;
                }
                if (next < 0) {
                    throw new ClientClosedException();
                }
                throw HttpError.badRequest("The " + what + " contains a bare CR; lines must end with CRLF.");
            }
            if (b == '\n') {
                throw HttpError.badRequest("The " + what + " ends with a bare LF; lines must end with CRLF.");
            }
            if (length == max) {
                throw new HttpError(tooLong, "The " + what + " is longer than " + limit + " bytes.");
            }
            line[length++] = (byte) b;
        }
    }

    /** Splits the request line in {@link #line}; common methods and versions are shared constants, not new strings. */
    private RawHead parseRequestLine(int length) throws HttpError {
        int firstSpace = indexOfSpace(0, length);
        int lastSpace = firstSpace;
        for (int i = length - 1; i > firstSpace; i--) {
            if (line[i] == ' ') {
                lastSpace = i;
                break;
            }
        }
        if (firstSpace <= 0 || lastSpace == firstSpace || indexOfSpace(firstSpace + 1, length) != lastSpace) {
            throw HttpError.badRequest("The request line must be a method, a target and a version separated by "
                    + "single spaces, for example \"GET / HTTP/1.1\".");
        }
        String method = shared(METHODS, 0, firstSpace);
        String target = new String(line, firstSpace + 1, lastSpace - firstSpace - 1, StandardCharsets.ISO_8859_1);
        String version = shared(VERSIONS, lastSpace + 1, length);
        for (int i = 0; i < method.length(); i++) {
            if (!Environ.isTokenChar(method.charAt(i))) {
                throw HttpError.badRequest("The method must be a token (letters, digits and !#$%&'*+-.^_`|~).");
            }
        }
        if (target.isEmpty()) {
            throw HttpError.badRequest("The request target is empty.");
        }
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c <= 0x20 || c == 0x7f) {
                throw HttpError.badRequest("The request target contains a space or a control character.");
            }
        }
        if (!isVersion(version)) {
            throw HttpError.badRequest("The protocol version must be HTTP/1.1 or HTTP/1.0.");
        }
        accepted = new RawHead(method, target, version, new ArrayList<>());
        if (!version.equals("HTTP/1.1") && !version.equals("HTTP/1.0")) {
            throw new HttpError(505, "This server speaks HTTP/1.1 and HTTP/1.0 only.");
        }
        return accepted;
    }

    private int indexOfSpace(int from, int to) {
        for (int i = from; i < to; i++) {
            if (line[i] == ' ') {
                return i;
            }
        }
        return -1;
    }

    /** @return the constant among {@code known} spelled by {@code line[from..to)}, else a new string of those bytes */
    private String shared(List<String> known, int from, int to) {
        for (String text : known) {
            if (text.length() == to - from && spells(text, from)) {
                return text;
            }
        }
        return new String(line, from, to - from, StandardCharsets.ISO_8859_1);
    }

    private boolean spells(String text, int from) {
        for (int i = 0; i < text.length(); i++) {
            if (line[from + i] != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** @return whether the text is {@code HTTP/d.d} (RFC 9112 §2.3) */
    private static boolean isVersion(String text) {
        return text.length() == 8 && text.startsWith("HTTP/") && isDigit(text.charAt(5)) && text.charAt(6) == '.'
                && isDigit(text.charAt(7));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private RequestHead.Field field(int length) throws HttpError {
        if (line[0] == ' ' || line[0] == '\t') {
            throw HttpError.badRequest("Obsolete line folding (a field line starting with whitespace) is not allowed.");
        }
        int colon = 0;
        while (colon < length && line[colon] != ':') {
            char c = (char) (line[colon] & 0xff);
            if (c == ' ' || c == '\t') {
                throw HttpError.badRequest("A header field name is followed by whitespace before its colon.");
            }
            if (!Environ.isTokenChar(c)) {
                throw HttpError.badRequest("A header field name contains a character that is not allowed in a token.");
            }
            colon++;
        }
        if (colon == length) {
            throw HttpError.badRequest("A header field line has no colon.");
        }
        if (colon == 0) {
            throw HttpError.badRequest("A header field name is empty.");
        }
        int start = colon + 1;
        int end = length;
        while (start < end && (line[start] == ' ' || line[start] == '\t')) {
            start++;
        }
        while (end > start && (line[end - 1] == ' ' || line[end - 1] == '\t')) {
            end--;
        }
        for (int i = start; i < end; i++) {
            int b = line[i] & 0xff;
            if (b < 0x20 && b != '\t' || b == 0x7f) {
                throw HttpError.badRequest("A header field value contains a control character (0x"
                        + Integer.toHexString(b) + ").");
            }
        }
        return new RequestHead.Field(new String(line, 0, colon, StandardCharsets.ISO_8859_1),
                new String(line, start, end - start, StandardCharsets.ISO_8859_1));
    }
}
