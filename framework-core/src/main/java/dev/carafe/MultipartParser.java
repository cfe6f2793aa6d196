package dev.carafe;

import dev.carafe.gateway.Header;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A streaming {@code multipart/form-data} parser (RFC 7578 on RFC 2046's syntax), reading the
 * body once through {@link MultipartInput}:
 * <ul>
 *   <li>the boundary comes from the {@code boundary} parameter (1 to 70 characters, quoted or not);</li>
 *   <li>the preamble before the first delimiter and the epilogue after the last are ignored;</li>
 *   <li>each part's header block may have at most {@value #MAX_HEADER_BYTES} bytes (413);</li>
 *   <li>a part with a file name is an upload, spooled by {@link Spool}; any other part is a field
 *       of at most {@code maxFormMemorySize} bytes (413), decoded with the part's {@code charset}
 *       or UTF-8;</li>
 *   <li>at most {@code maxFormParts} parts (413);</li>
 *   <li>a body that ends before the closing delimiter is a 400.</li>
 * </ul>
 * On any failure, temporary files created so far are deleted before the exception leaves.
 */
final class MultipartParser {

    /** The most bytes of one part's header block, CRLFs included. */
    static final int MAX_HEADER_BYTES = 16 * 1024;

    private final MultipartInput input;
    private final String boundary;
    private final BodyLimits limits;
    private final Path spoolDirectory;
    private final MultiMap.Builder fields = MultiMap.builder("form");
    private final Map<String, List<UploadedFile>> files = new LinkedHashMap<>();
    private Spool spool;

    private MultipartParser(InputStream body, String boundary, BodyLimits limits, Path spoolDirectory) {
        this.input = new MultipartInput(body, boundary);
        this.boundary = boundary;
        this.limits = limits;
        this.spoolDirectory = spoolDirectory;
    }

    /**
     * Parses a body; the caller has already limited it to {@code maxContentLength}.
     *
     * @throws MalformedBodyException (400) for a missing boundary or a malformed body
     * @throws BodyTooLargeException (413) when a limit is broken
     */
    static FormData parse(InputStream body, MediaType contentType, BodyLimits limits, Path spoolDirectory)
            throws IOException {
        String boundary = contentType.parameter("boundary").orElse("");
        if (boundary.isEmpty() || boundary.length() > 70) {
            throw new MalformedBodyException("Content-Type '" + contentType + "' has " + (boundary.isEmpty()
                    ? "no boundary" : "a boundary of " + boundary.length() + " characters")
                    + "; multipart/form-data needs a boundary of 1 to 70 characters, for example"
                    + " 'multipart/form-data; boundary=----carafe7MA4YWxkTrZu0gW'");
        }
        return new MultipartParser(body, boundary, limits, spoolDirectory).parse();
    }

    private FormData parse() throws IOException {
        try {
            if (!input.readToDelimiter((bytes, offset, length) -> { })) {
                throw new MalformedBodyException("the multipart body has no delimiter '--" + boundary
                        + "'; the boundary in Content-Type does not match the body");
            }
            int part = 0;
            while (!afterDelimiterIsClose()) {
                part++;
                if (part > limits.maxFormParts()) {
                    throw new BodyTooLargeException("maxFormParts", "multipart body has more than "
                            + limits.maxFormParts() + " parts, exceeding maxFormParts " + limits.maxFormParts()
                            + "; raise it with app.maxFormSize(bytes, parts) or send fewer fields");
                }
                readPart(PartHeaders.of(readHeaders(part), part), part);
            }
            return new FormData(fields.build(), files);
        } catch (IOException | RuntimeException e) {
            FormData partial = new FormData(MultiMap.empty("form"), files);
            try {
                if (spool != null) {
                    spool.discard();
                }
                partial.close();
            } catch (IOException | RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /** Reads what follows a delimiter: {@code --} closes the body, optional blanks and CRLF start a part. */
    private boolean afterDelimiterIsClose() throws IOException {
        int first = input.read();
        int second = input.read();
        if (first == '-' && second == '-') {
            return true;
        }
        while (first == ' ' || first == '\t') {
            first = second;
            second = input.read();
        }
        if (first == '\r' && second == '\n') {
            return false;
        }
        if (first < 0 || second < 0) {
            throw endedEarly();
        }
        throw new MalformedBodyException("the multipart body has '" + (char) first + (char) second
                + "' after the delimiter '--" + boundary + "'; expected CRLF or '--' (the boundary must not occur"
                + " inside the content)");
    }

    private List<Header> readHeaders(int part) throws IOException {
        List<Header> headers = new ArrayList<>();
        int budget = MAX_HEADER_BYTES;
        while (true) {
            byte[] line = input.readLine(budget);
            if (line == null) {
                throw endedEarly();
            }
            budget -= line.length + 2;
            if (budget < 0) {
                throw new BodyTooLargeException("part headers", "the headers of part " + part
                        + " of the multipart body exceed " + MAX_HEADER_BYTES + " bytes; part headers are"
                        + " normally a few hundred bytes: check what the client sends");
            }
            if (line.length == 0) {
                return headers;
            }
            String text = headerText(line);
            if ((text.charAt(0) == ' ' || text.charAt(0) == '\t') && !headers.isEmpty()) {
                Header previous = headers.remove(headers.size() - 1);
                headers.add(new Header(previous.name(), previous.value() + " " + text.strip()));
                continue;
            }
            int colon = text.indexOf(':');
            if (colon <= 0 || !HeaderParameters.isToken(text.substring(0, colon))) {
                throw new MalformedBodyException("part " + part + " of the multipart body has a malformed header"
                        + " line '" + text + "'; expected 'Name: value'");
            }
            headers.add(new Header(text.substring(0, colon), text.substring(colon + 1).strip()));
        }
    }

    private void readPart(PartHeaders part, int number) throws IOException {
        if (part.isFile()) {
            spool = new Spool(limits.spoolThreshold(), spoolDirectory);
            if (!input.readToDelimiter(spool)) {
                throw endedEarly();
            }
            String type = part.contentType().map(MediaType::toString).orElse("application/octet-stream");
            UploadedFile file = spool.finish(part.name(), part.filename().orElseThrow(), type, part.headers());
            spool = null;
            files.computeIfAbsent(part.name(), name -> new ArrayList<>()).add(file);
            return;
        }
        long max = limits.maxFormMemorySize();
        ByteArrayOutputStream value = new ByteArrayOutputStream();
        boolean delimited = input.readToDelimiter((bytes, offset, length) -> {
            if (value.size() + (long) length > max) {
                throw new BodyTooLargeException("maxFormMemorySize", "form field '" + part.name() + "' of more than "
                        + max + " bytes exceeds maxFormMemorySize " + max + "; raise it with app.maxFormSize(bytes, parts)"
                        + " or send the value as a file");
            }
            value.write(bytes, offset, length);
        });
        if (!delimited) {
            throw endedEarly();
        }
        Charset charset = part.contentType().flatMap(MediaType::charset).orElse(StandardCharsets.UTF_8);
        fields.add(part.name(), new String(value.toByteArray(), charset));
    }

    private MalformedBodyException endedEarly() {
        return new MalformedBodyException("the multipart body ended before its closing delimiter '--" + boundary
                + "--'; the upload was cut short");
    }

    /** Header bytes are UTF-8 as browsers send them; bytes that are not UTF-8 are read as ISO-8859-1. */
    private static String headerText(byte[] line) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(line)).toString();
        } catch (CharacterCodingException e) {
            return new String(line, StandardCharsets.ISO_8859_1);
        }
    }
}
