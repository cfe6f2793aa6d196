package dev.carafe.gateway.middleware;

import dev.carafe.gateway.Environ;
import java.util.Optional;

/**
 * Turns the part of {@code PATH_INFO} after a static prefix into a relative file name that cannot
 * leave the exported directory, or rejects it.
 *
 * <p>{@code PATH_INFO} is already percent-decoded, so {@code /static/..%2fsecret} arrives here as
 * {@code /../secret} and is caught like the plain form. Rejected: {@code .} and {@code ..}
 * segments, empty segments (which includes absolute paths such as {@code //etc/passwd}),
 * backslashes, NUL and other control characters, a trailing {@code /} (a directory).
 */
final class SafePath {

    private SafePath() {
    }

    /**
     * @param rest the path after the prefix: {@code ""} or starting with {@code /}, one char per byte
     * @return the relative name as text (UTF-8 decoded, {@code /}-separated), or empty if rejected
     */
    static Optional<String> relative(String rest) {
        if (rest.length() < 2) {
            return Optional.empty();
        }
        return name(Environ.utf8(rest.substring(1)));
    }

    /**
     * Checks a relative file name given as text, such as a path value from a route.
     *
     * @param name a {@code /}-separated name
     * @return the name, or empty if rejected: empty, absolute, {@code .} or {@code ..} segments,
     *     empty segments, backslashes, control characters
     */
    static Optional<String> name(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7F || c == '\\') {
                return Optional.empty();
            }
        }
        for (String segment : name.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return Optional.empty();
            }
        }
        return Optional.of(name);
    }
}
