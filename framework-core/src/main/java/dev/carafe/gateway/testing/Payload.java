package dev.carafe.gateway.testing;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A request body with its content type, and the encoders that make one from form fields and files.
 *
 * @param bytes the body
 * @param contentType its media type, empty when none was given
 */
record Payload(byte[] bytes, Optional<String> contentType) {

    /** A form field: one name, one value (repeat the name for several values). */
    record Field(String name, String value) {
    }

    /** A file in a multipart form. */
    record FilePart(String field, String filename, String contentType, byte[] content) {
    }

    /** {@code application/x-www-form-urlencoded}, UTF-8, in the order given. */
    static Payload urlencoded(List<Field> fields) {
        String body = fields.stream().map(f -> encode(f.name()) + "=" + encode(f.value()))
                .collect(Collectors.joining("&"));
        return new Payload(body.getBytes(StandardCharsets.US_ASCII),
                Optional.of("application/x-www-form-urlencoded"));
    }

    /** {@code multipart/form-data} (RFC 7578): the fields, then the files, with the given boundary. */
    static Payload multipart(List<Field> fields, List<FilePart> files, String boundary) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Field field : fields) {
            ascii(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + quote(field.name())
                    + "\"\r\n\r\n");
            out.writeBytes(field.value().getBytes(StandardCharsets.UTF_8));
            ascii(out, "\r\n");
        }
        for (FilePart file : files) {
            ascii(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + quote(file.field())
                    + "\"; filename=\"" + quote(file.filename()) + "\"\r\nContent-Type: " + file.contentType()
                    + "\r\n\r\n");
            out.writeBytes(file.content());
            ascii(out, "\r\n");
        }
        ascii(out, "--" + boundary + "--\r\n");
        return new Payload(out.toByteArray(), Optional.of("multipart/form-data; boundary=" + boundary));
    }

    /** The query-string form of parameters, as {@link #urlencoded} writes them. */
    static String query(List<Field> params) {
        return params.stream().map(f -> encode(f.name()) + "=" + encode(f.value())).collect(Collectors.joining("&"));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** Escapes a name for a quoted Content-Disposition parameter as browsers do (WHATWG HTML). */
    private static String quote(String name) {
        return name.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static void ascii(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
