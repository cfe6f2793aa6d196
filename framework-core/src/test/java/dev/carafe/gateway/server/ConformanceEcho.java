package dev.carafe.gateway.server;

import dev.carafe.gateway.Application;
import dev.carafe.gateway.Environ;
import dev.carafe.gateway.Header;
import dev.carafe.gateway.StartResponse;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The application the conformance runner talks to: it answers 200 with what it received, as
 * length-prefixed entries {@code NAME SP LENGTH LF VALUE LF} (values one char per byte): the CGI keys
 * of the request line, every {@code HTTP_*} and {@code CONTENT_*} key, and the body read from
 * {@code gateway.input} under the name {@link #BODY}. A HEAD response also carries the same bytes,
 * hex-encoded, in the {@link #HEAD_ECHO} header.
 */
final class ConformanceEcho implements Application {

    /** The response header that carries the echo, hex-encoded, for HEAD requests (whose body is never sent). */
    static final String HEAD_ECHO = "X-Echo";

    /** The entry holding the body. */
    static final String BODY = "gateway.input";

    private static final List<String> KEYS = List.of(Environ.REQUEST_METHOD, Environ.SCRIPT_NAME, Environ.PATH_INFO,
            Environ.QUERY_STRING, Environ.REQUEST_URI, Environ.SERVER_PROTOCOL);

    @Override
    public Iterable<byte[]> call(Map<String, Object> environ, StartResponse startResponse) throws Exception {
        Map<String, String> echoed = new TreeMap<>();
        for (Map.Entry<String, Object> entry : environ.entrySet()) {
            String key = entry.getKey();
            if (KEYS.contains(key) || key.startsWith(Environ.HTTP_PREFIX) || key.startsWith("CONTENT_")) {
                echoed.put(key, (String) entry.getValue());
            }
        }
        InputStream input = (InputStream) environ.get(Environ.GATEWAY_INPUT);
        echoed.put(BODY, new String(input.readAllBytes(), StandardCharsets.ISO_8859_1));
        byte[] body = encode(echoed);
        List<Header> headers = new ArrayList<>(List.of(new Header("Content-Type", "application/octet-stream"),
                new Header("Content-Length", Integer.toString(body.length))));
        if ("HEAD".equals(environ.get(Environ.REQUEST_METHOD))) {
            headers.add(new Header(HEAD_ECHO, HexFormat.of().formatHex(body)));
        }
        startResponse.start("200 OK", headers);
        return List.of(body);
    }

    /**
     * Writes entries in the echo format.
     *
     * @param entries names and values, values one char per byte
     * @return the bytes
     */
    static byte[] encode(Map<String, String> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<String, String> entry : entries.entrySet()) {
            byte[] value = entry.getValue().getBytes(StandardCharsets.ISO_8859_1);
            out.writeBytes((entry.getKey() + " " + value.length + "\n").getBytes(StandardCharsets.ISO_8859_1));
            out.writeBytes(value);
            out.write('\n');
        }
        return out.toByteArray();
    }

    /**
     * Reads entries written by {@link #encode}.
     *
     * @param bytes a response body of the echo application
     * @return the entries, sorted by name
     * @throws IllegalArgumentException if the bytes are not in the echo format
     */
    static Map<String, String> decode(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        Map<String, String> entries = new TreeMap<>();
        int at = 0;
        while (at < text.length()) {
            int space = text.indexOf(' ', at);
            int newline = text.indexOf('\n', at);
            if (space < 0 || newline < space) {
                throw new IllegalArgumentException("Not an echo entry at byte " + at + ": "
                        + text.substring(at, Math.min(text.length(), at + 40)));
            }
            int length = Integer.parseInt(text.substring(space + 1, newline));
            int end = newline + 1 + length;
            if (end >= text.length() || text.charAt(end) != '\n') {
                throw new IllegalArgumentException("Echo entry " + text.substring(at, space) + " is cut short.");
            }
            entries.put(text.substring(at, space), text.substring(newline + 1, end));
            at = end + 1;
        }
        return entries;
    }
}
