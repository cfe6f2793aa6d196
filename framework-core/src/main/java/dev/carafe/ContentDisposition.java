package dev.carafe;

import dev.carafe.gateway.Environ;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * The {@code Content-Disposition} of a sent file (RFC 6266): {@code inline} or {@code attachment}
 * with the file name, plus {@code filename*=UTF-8''…} (RFC 8187) for a name that is not ASCII, whose
 * plain {@code filename} then is the name with accents stripped and other non-ASCII left out.
 */
final class ContentDisposition {

    /** RFC 8187 attr-char besides ASCII letters and digits. */
    private static final String ATTR_CHARS = "!#$&+-.^_`|~";

    private ContentDisposition() {
    }

    static String of(boolean attachment, String name) {
        StringBuilder value = new StringBuilder(attachment ? "attachment" : "inline").append("; filename=");
        boolean ascii = name.chars().allMatch(c -> c < 0x80);
        if (ascii) {
            return value.append(quoted(name)).toString();
        }
        String simple = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("[^\\x00-\\x7F]", "");
        value.append(quoted(simple)).append("; filename*=UTF-8''");
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || ATTR_CHARS.indexOf(c) >= 0)) {
                value.append((char) c);
            } else {
                value.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return value.toString();
    }

    /** A token as it is, anything else in double quotes with {@code "} and {@code \} escaped. */
    private static String quoted(String text) {
        if (!text.isEmpty() && text.chars().allMatch(c -> c < 0x80 && Environ.isTokenChar((char) c))) {
            return text;
        }
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** @throws IllegalArgumentException if the name is empty or has a slash, a backslash or a control character */
    static void checkName(String name) {
        boolean bad = name.isEmpty() || name.chars().anyMatch(c -> c < 0x20 || c == 0x7F || c == '/' || c == '\\');
        if (bad) {
            throw new IllegalArgumentException("Download name \"" + name.replace("\r", "\\r").replace("\n", "\\n")
                    + "\" must be a file name: not empty, without '/', '\\' or control characters, for example"
                    + " 'report.pdf'.");
        }
    }
}
