package dev.carafe.gateway.host;

import dev.carafe.gateway.Environ;
import java.util.Optional;

/**
 * A request path split at the mount point of an application: {@code SCRIPT_NAME} and
 * {@code PATH_INFO}, both percent-decoded, one char per byte.
 *
 * <p>Hosts know the mount point in decoded form (a context path, a servlet path) but must derive
 * {@code PATH_INFO} from the raw request path, so that {@code %2F} and UTF-8 bytes arrive as the
 * contract says. {@link #of} walks the raw path until its decoded bytes spell the mount point.
 *
 * <pre>{@code
 * PathSplit.of("/shop/caf%C3%A9", "/shop")   // SCRIPT_NAME "/shop", PATH_INFO "/caf\u00C3\u00A9"
 * PathSplit.of("/shopping", "/shop")         // empty: not below the mount point
 * }</pre>
 *
 * @param scriptName the mount point, {@code ""} or a path starting with {@code /}, never ending with one
 * @param pathInfo the rest, {@code ""} or starting with {@code /}
 */
public record PathSplit(String scriptName, String pathInfo) {

    /**
     * Splits a raw request path at a mount point. Path parameters ({@code ;name=value}) in the
     * mount's segments are skipped, as Servlet containers do when they match a context.
     *
     * @param rawPath the path of the request target as received, not decoded
     * @param mount the decoded mount point, one char per byte: {@code ""} for the root, else a path
     *     starting with {@code /} and not ending with one
     * @return the split, or empty if the raw path does not lie at or below the mount point
     * @throws IllegalArgumentException if the mount is {@code "/"}, ends with {@code /} or does not
     *     start with one
     */
    public static Optional<PathSplit> of(String rawPath, String mount) {
        if (!mount.isEmpty() && (!mount.startsWith("/") || mount.endsWith("/"))) {
            throw new IllegalArgumentException("Mount point \"" + mount + "\" must be \"\" for the root or start with"
                    + " '/' and not end with one, for example \"/shop\".");
        }
        int raw = 0;
        for (int m = 0; m < mount.length(); m++) {
            raw = skipParameters(rawPath, raw);
            if (raw >= rawPath.length()) {
                return Optional.empty();
            }
            int b = rawPath.charAt(raw);
            int width = 1;
            if (b == '%' && raw + 2 < rawPath.length() && hex(rawPath.charAt(raw + 1)) >= 0
                    && hex(rawPath.charAt(raw + 2)) >= 0) {
                b = hex(rawPath.charAt(raw + 1)) << 4 | hex(rawPath.charAt(raw + 2));
                width = 3;
            }
            if (b != mount.charAt(m)) {
                return Optional.empty();
            }
            raw += width;
        }
        raw = skipParameters(rawPath, raw);
        String rest = rawPath.substring(raw);
        if (!rest.isEmpty() && rest.charAt(0) != '/') {
            return Optional.empty();
        }
        return Optional.of(new PathSplit(mount, Environ.decodePath(rest)));
    }

    private static int skipParameters(String rawPath, int at) {
        if (at < rawPath.length() && rawPath.charAt(at) == ';') {
            int slash = rawPath.indexOf('/', at);
            return slash < 0 ? rawPath.length() : slash;
        }
        return at;
    }

    private static int hex(char c) {
        return c < 0x80 ? Character.digit(c, 16) : -1;
    }
}
