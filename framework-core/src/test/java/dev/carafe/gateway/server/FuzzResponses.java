package dev.carafe.gateway.server;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A strict reader of everything a server sent on one connection: a sequence of complete HTTP/1.1
 * responses (status line, header fields, a body framed by Content-Length or chunked), and nothing
 * else. Anything else is a {@link Malformed} naming the offset and what was wrong.
 */
final class FuzzResponses {

    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.1 [1-5][0-9][0-9] [\\x20-\\x7e]+");
    private static final Pattern FIELD = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+: [\\x20-\\x7e]*");

    /** One response as sent: the status, the header fields by lowercase name, the de-chunked body. */
    record Response(int status, Map<String, List<String>> headers, byte[] body) {

        Optional<String> header(String name) {
            List<String> values = headers.getOrDefault(name, List.of());
            return values.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", values));
        }

        boolean closes() {
            return header("connection").map(v -> v.equalsIgnoreCase("close")).orElse(false);
        }

        String text() {
            return new String(body, StandardCharsets.ISO_8859_1);
        }
    }

    /** The bytes break the response grammar. */
    static final class Malformed extends RuntimeException {

        private static final long serialVersionUID = 1L;

        Malformed(int offset, String problem) {
            super("at byte " + offset + ": " + problem);
        }
    }

    private final byte[] bytes;
    private int at;

    private FuzzResponses(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * Parses every response in {@code bytes}; a 1xx response is kept in the list like the others.
     * A final response without a body where its Content-Length promised one is accepted only as
     * the last thing sent (the server's answer to a HEAD request).
     *
     * @throws Malformed if the bytes are not a sequence of complete responses
     */
    static List<Response> parse(byte[] bytes) {
        FuzzResponses reader = new FuzzResponses(bytes);
        List<Response> responses = new ArrayList<>();
        while (reader.at < bytes.length) {
            responses.add(reader.response());
        }
        return responses;
    }

    private Response response() {
        String statusLine = line();
        if (!STATUS_LINE.matcher(statusLine).matches()) {
            throw new Malformed(at, "not a status line: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String field = line(); !field.isEmpty(); field = line()) {
            if (!FIELD.matcher(field).matches()) {
                throw new Malformed(at, "not a header field: " + field);
            }
            int colon = field.indexOf(':');
            headers.computeIfAbsent(field.substring(0, colon).toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(field.substring(colon + 2));
        }
        Response head = new Response(status, headers, new byte[0]);
        if (status < 200 || status == 204 || status == 304) {
            return head;
        }
        if (head.header("transfer-encoding").isPresent()) {
            if (!head.header("transfer-encoding").get().equals("chunked") || head.header("content-length").isPresent()) {
                throw new Malformed(at, "a response framed by " + headers + " instead of chunked alone");
            }
            return new Response(status, headers, chunked());
        }
        List<String> lengths = headers.getOrDefault("content-length", List.of());
        if (lengths.size() != 1 || !lengths.get(0).matches("[0-9]{1,9}")) {
            throw new Malformed(at, "a response without one valid Content-Length nor chunked: " + headers);
        }
        int length = Integer.parseInt(lengths.get(0));
        boolean headAnswer = at == bytes.length || "HEAD".equals(head.header("x-echo-method").orElse(""));
        if (headAnswer) {
            return head;
        }
        return new Response(status, headers, take(length, "a body of " + length + " bytes"));
    }

    private byte[] chunked() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = line();
            if (!size.matches("[0-9a-fA-F]{1,7}")) {
                throw new Malformed(at, "not a chunk size: " + size);
            }
            int length = Integer.parseInt(size, 16);
            if (length == 0) {
                for (String trailer = line(); !trailer.isEmpty(); trailer = line()) {
                    if (!FIELD.matcher(trailer).matches()) {
                        throw new Malformed(at, "not a trailer field: " + trailer);
                    }
                }
                return body.toByteArray();
            }
            body.writeBytes(take(length, "a chunk of " + length + " bytes"));
            if (!line().isEmpty()) {
                throw new Malformed(at, "chunk data not followed by CRLF");
            }
        }
    }

    private byte[] take(int length, String what) {
        if (bytes.length - at < length) {
            throw new Malformed(at, "the stream ends inside " + what + " (" + (bytes.length - at) + " bytes left)");
        }
        byte[] taken = Arrays.copyOfRange(bytes, at, at + length);
        at += length;
        return taken;
    }

    /** Reads a line that must end with CRLF; a bare CR or LF, or the end of the stream, is malformed. */
    private String line() {
        int start = at;
        while (at < bytes.length) {
            byte b = bytes[at];
            if (b == '\r') {
                if (at + 1 < bytes.length && bytes[at + 1] == '\n') {
                    String line = new String(bytes, start, at - start, StandardCharsets.ISO_8859_1);
                    at += 2;
                    return line;
                }
                throw new Malformed(at, "a bare CR");
            }
            if (b == '\n') {
                throw new Malformed(at, "a bare LF");
            }
            at++;
        }
        throw new Malformed(start, "the stream ends inside a line: "
                + new String(bytes, start, bytes.length - start, StandardCharsets.ISO_8859_1));
    }
}
