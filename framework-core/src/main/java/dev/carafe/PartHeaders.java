package dev.carafe;

import dev.carafe.gateway.Header;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The headers of one part of a {@code multipart/form-data} body (RFC 7578 §4.2): the field name
 * and file name from {@code Content-Disposition} ({@code filename*} in RFC 5987 form wins over
 * {@code filename}) and the part's {@code Content-Type}.
 *
 * @param headers the headers as sent
 * @param name the field name
 * @param filename the file name as sent, if the part is a file (possibly empty: no file selected)
 * @param contentType the part's content type, if it sent a well-formed one
 */
record PartHeaders(List<Header> headers, String name, Optional<String> filename, Optional<MediaType> contentType) {

    /**
     * Reads the field and file name of part number {@code part} (from 1).
     *
     * @throws MalformedBodyException (400) when {@code Content-Disposition} is missing, has no name,
     *     or is malformed
     */
    static PartHeaders of(List<Header> headers, int part) {
        String disposition = headers.stream().filter(h -> h.is("Content-Disposition")).map(Header::value)
                .findFirst().orElseThrow(() -> new MalformedBodyException("part " + part
                        + " of the multipart body has no Content-Disposition header; expected for example"
                        + " 'Content-Disposition: form-data; name=\"title\"'"));
        Map<String, String> parameters;
        try {
            int semicolon = disposition.indexOf(';');
            parameters = HeaderParameters.parse(disposition, semicolon < 0 ? disposition.length() : semicolon);
        } catch (IllegalArgumentException e) {
            throw new MalformedBodyException("part " + part + " of the multipart body has a malformed"
                    + " Content-Disposition '" + disposition + "': " + e.getMessage());
        }
        String name = parameters.get("name");
        if (name == null) {
            throw new MalformedBodyException("part " + part + " of the multipart body has no field name in"
                    + " Content-Disposition '" + disposition + "'; expected form-data; name=\"...\"");
        }
        Optional<String> filename = Optional.ofNullable(parameters.get("filename*"))
                .map(value -> extendedValue(value, part))
                .or(() -> Optional.ofNullable(parameters.get("filename")));
        Optional<MediaType> contentType = headers.stream().filter(h -> h.is("Content-Type")).findFirst()
                .flatMap(h -> MediaType.tryParse(h.value()));
        return new PartHeaders(headers, name, filename, contentType);
    }

    /** Tells whether the part is a file (it has a file name, even an empty one) rather than a field. */
    boolean isFile() {
        return filename.isPresent();
    }

    /** Decodes an RFC 5987 {@code charset'language'percent-encoded} value. */
    private static String extendedValue(String value, int part) {
        int first = value.indexOf('\'');
        int second = first < 0 ? -1 : value.indexOf('\'', first + 1);
        if (second < 0) {
            throw new MalformedBodyException("part " + part + " of the multipart body has a malformed filename* '"
                    + value + "'; expected charset'language'percent-encoded-name, for example UTF-8''%E2%82%AC.txt");
        }
        Charset charset;
        try {
            charset = Charset.forName(value.substring(0, first));
        } catch (IllegalArgumentException e) {
            throw new MalformedBodyException("part " + part + " of the multipart body has an unsupported charset '"
                    + value.substring(0, first) + "' in filename* '" + value + "'; expected UTF-8");
        }
        byte[] bytes = value.substring(second + 1).getBytes(StandardCharsets.UTF_8);
        return FormParser.unescape(bytes, 0, bytes.length, charset, true, false,
                "filename* '" + value + "' of part " + part);
    }
}
