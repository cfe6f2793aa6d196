package dev.carafe;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * Parses request bodies into {@link FormData}: {@code application/x-www-form-urlencoded} here,
 * {@code multipart/form-data} in {@link MultipartParser}; any other type gives an empty form
 * without reading the body, as Flask leaves {@code request.form} empty for JSON.
 *
 * <p>urlencoded rules (the WHATWG URL standard's form parsing): pairs separated by {@code &},
 * empty pairs skipped, {@code +} is a space, {@code %XX} escapes are decoded as UTF-8 (or the
 * {@code charset} parameter; invalid byte sequences become U+FFFD), repeated names keep every value
 * in order, a name without {@code =} has the empty value. In a body a malformed escape such as
 * {@code %zz} is a 400; the whole body may not exceed {@code maxFormMemorySize} (413).
 */
final class FormParser {

    /** The media type of HTML forms without files. */
    static final String URLENCODED = "application/x-www-form-urlencoded";
    /** The media type of HTML forms with files. */
    static final String MULTIPART = "multipart/form-data";

    private FormParser() {
    }

    /**
     * Parses a body by its content type.
     *
     * @param body the request body (not closed)
     * @param contentType the request's parsed {@code Content-Type}
     * @param contentLength the declared {@code Content-Length}, or -1 when unknown (chunked)
     * @param limits the limits to enforce
     * @return the form; close it to delete spooled uploads
     * @throws BodyTooLargeException (413) when a limit is broken
     * @throws MalformedBodyException (400) when the body is malformed
     * @throws IOException when reading the body fails
     */
    static FormData parse(InputStream body, MediaType contentType, long contentLength, BodyLimits limits)
            throws IOException {
        return parse(body, contentType, contentLength, limits, Path.of(System.getProperty("java.io.tmpdir")));
    }

    /**
     * Parses a body by its content type, spooling large uploads into the given directory.
     *
     * @param spoolDirectory where temporary files of uploads above {@code spoolThreshold} go
     * @see #parse(InputStream, MediaType, long, BodyLimits)
     */
    static FormData parse(InputStream body, MediaType contentType, long contentLength, BodyLimits limits,
            Path spoolDirectory) throws IOException {
        if (contentType.is(URLENCODED)) {
            InputStream input = LimitedInput.of(body, contentLength, limits);
            byte[] bytes = readForm(input, contentLength, limits.maxFormMemorySize());
            Charset charset = contentType.charset().orElse(StandardCharsets.UTF_8);
            return new FormData(decode(bytes, charset, true, "form"), Map.of());
        }
        if (contentType.is(MULTIPART)) {
            return MultipartParser.parse(LimitedInput.of(body, contentLength, limits), contentType, limits,
                    spoolDirectory);
        }
        return FormData.empty();
    }

    /**
     * Parses a query string ({@code QUERY_STRING}, whose chars are the raw bytes) leniently: a
     * malformed escape is kept as it is, as browsers and Werkzeug do.
     *
     * @return the arguments, labelled {@code "query"}
     */
    static MultiMap query(String queryString) {
        return decode(queryString.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8, false, "query");
    }

    private static byte[] readForm(InputStream input, long contentLength, long max) throws IOException {
        if (contentLength > max) {
            throw formTooLarge(contentLength + " bytes", max);
        }
        byte[] bytes = input.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        if (bytes.length > max) {
            throw formTooLarge("more than " + max + " bytes", max);
        }
        return bytes;
    }

    private static BodyTooLargeException formTooLarge(String size, long max) {
        return new BodyTooLargeException("maxFormMemorySize", "form body of " + size + " exceeds maxFormMemorySize "
                + max + "; raise it with app.maxFormSize(bytes, parts) or send the data as multipart/form-data");
    }

    /**
     * Decodes urlencoded bytes.
     *
     * @param strict whether a malformed escape is an error (bodies) or kept literally (query strings)
     */
    static MultiMap decode(byte[] bytes, Charset charset, boolean strict, String source) {
        MultiMap.Builder builder = MultiMap.builder(source);
        int start = 0;
        while (start <= bytes.length) {
            int end = indexOf(bytes, (byte) '&', start);
            if (end > start) {
                int equals = indexOf(bytes, (byte) '=', start);
                if (equals > end) {
                    equals = end;
                }
                String name = unescape(bytes, start, equals, charset, strict, true, "the form body");
                String value = equals < end
                        ? unescape(bytes, equals + 1, end, charset, strict, true, "the form body") : "";
                builder.add(name, value);
            }
            start = end + 1;
        }
        return builder.build();
    }

    /**
     * Percent-decodes {@code bytes[from, to)} and decodes the result with a charset.
     *
     * @param strict whether a malformed escape throws {@link MalformedBodyException} or is kept
     * @param plusIsSpace whether {@code +} means a space (forms) or itself (RFC 5987 values)
     * @param where what is being decoded, for the error message, for example {@code the form body}
     */
    static String unescape(byte[] bytes, int from, int to, Charset charset, boolean strict, boolean plusIsSpace,
            String where) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (b == '+' && plusIsSpace) {
                out.write(' ');
            } else if (b == '%') {
                int high = i + 2 < to ? Character.digit(bytes[i + 1], 16) : -1;
                int low = high >= 0 ? Character.digit(bytes[i + 2], 16) : -1;
                if (low >= 0) {
                    out.write(high << 4 | low);
                    i += 2;
                } else if (strict) {
                    String escape = new String(bytes, i, Math.min(3, to - i), StandardCharsets.ISO_8859_1);
                    throw new MalformedBodyException("malformed percent-escape '" + escape + "' at byte " + i
                            + " of " + where + "; expected '%' followed by two hex digits (send '%' itself as %25)");
                } else {
                    out.write(b);
                }
            } else {
                out.write(b);
            }
        }
        return new String(out.toByteArray(), charset);
    }

    private static int indexOf(byte[] bytes, byte wanted, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return bytes.length;
    }
}
