package dev.carafe.gateway.middleware;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * A URL path prefix under which something is mounted, checked once at setup and matched against
 * {@code PATH_INFO} on segment boundaries: {@code /api} matches {@code /api} and {@code /api/x},
 * never {@code /apix}.
 *
 * @param text the prefix as the user wrote it, for messages
 * @param bytes the prefix in the environ's form: its UTF-8 bytes, one char per byte
 */
record MountPrefix(String text, String bytes) {

    /** The prefix {@code /}, which matches every path (only static files allow it). */
    static final MountPrefix ROOT = new MountPrefix("/", "");

    /**
     * Checks a prefix: it starts with {@code /}, does not end with {@code /}, has no empty,
     * {@code .} or {@code ..} segment and no {@code ?}, {@code #}, backslash or control character.
     *
     * @param what what is mounted, for messages ("Mount prefix", "Static prefix")
     * @throws IllegalArgumentException naming the problem and the fix
     */
    static MountPrefix parse(String what, String prefix) {
        Objects.requireNonNull(prefix, what);
        if (!prefix.startsWith("/")) {
            throw new IllegalArgumentException(what + " '" + prefix + "' must start with '/', for example '/"
                    + (prefix.isEmpty() ? "api" : prefix) + "'.");
        }
        if (prefix.length() > 1 && prefix.endsWith("/")) {
            throw new IllegalArgumentException(what + " '" + prefix + "' must not end with '/'; use '"
                    + prefix.replaceAll("/+$", "") + "'.");
        }
        for (int i = 0; i < prefix.length(); i++) {
            char c = prefix.charAt(i);
            if (c < 0x20 || c == 0x7F || c == '?' || c == '#' || c == '\\') {
                throw new IllegalArgumentException(what + " '" + prefix + "' contains the character U+"
                        + String.format("%04X", (int) c) + " at index " + i
                        + "; a prefix is a plain path without query, fragment, backslash or control characters.");
            }
        }
        for (String segment : prefix.substring(1).split("/", -1)) {
            if (prefix.length() > 1 && (segment.isEmpty() || segment.equals(".") || segment.equals(".."))) {
                throw new IllegalArgumentException(what + " '" + prefix + "' has an empty, '.' or '..' segment;"
                        + " write the path in its normal form, for example '/static/css'.");
            }
        }
        if (prefix.equals("/")) {
            return ROOT;
        }
        return new MountPrefix(prefix, new String(prefix.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
    }

    /**
     * Matches a {@code PATH_INFO} against this prefix.
     *
     * @param pathInfo the decoded path, one char per byte
     * @return the rest of the path after the prefix ({@code ""} or starting with {@code /}), or empty
     *     if the path is not under this prefix
     */
    Optional<String> match(String pathInfo) {
        if (!pathInfo.startsWith(bytes)) {
            return Optional.empty();
        }
        if (pathInfo.length() == bytes.length() || pathInfo.charAt(bytes.length()) == '/') {
            return Optional.of(pathInfo.substring(bytes.length()));
        }
        return Optional.empty();
    }

    /** The number of bytes of the prefix: longer prefixes are tried first. */
    int length() {
        return bytes.length();
    }
}
