package dev.carafe.gateway.server;

import dev.carafe.gateway.Header;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * An access-log line format in Gunicorn's atom syntax: {@code %(atom)s} placeholders in literal
 * text, {@code %%} for a percent sign. Every value is {@linkplain #escape escaped}. A missing value
 * prints as {@code -}; so do the atoms of the
 * request head for a request the server refused before the application ran ({@code r} prints its
 * request line only if it was read whole and passed the grammar).
 *
 * <p>Atoms: h remote address, l {@code -}, u user from Basic auth, t time {@code [10/Oct/2000:13:55:36 +0000]},
 * r request line, m method, U path, q query, H protocol, s status, B body bytes, b body bytes or
 * {@code -}, f Referer, a User-Agent, T seconds, M milliseconds, D microseconds, L decimal seconds,
 * p {@code <pid>}, {@code {name}i} request header, {@code {name}o} response header, {@code {name}e}
 * process environment variable.
 */
final class AccessLogFormat {

    static final Set<String> ATOMS = Set.of("h", "l", "u", "t", "r", "m", "U", "q", "H", "s", "B", "b", "f", "a",
            "T", "M", "D", "L", "p");
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("'['dd/MMM/yyyy:HH:mm:ss Z']'", Locale.ENGLISH);

    private final List<Function<AccessLogEntry, String>> parts;

    private AccessLogFormat(List<Function<AccessLogEntry, String>> parts) {
        this.parts = parts;
    }

    /**
     * Parses a format.
     *
     * @throws IllegalArgumentException naming the position and the problem
     */
    static AccessLogFormat parse(String format) {
        List<Function<AccessLogEntry, String>> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < format.length()) {
            char c = format.charAt(i);
            if (c != '%') {
                literal.append(c);
                i++;
                continue;
            }
            if (format.startsWith("%%", i)) {
                literal.append('%');
                i += 2;
                continue;
            }
            int close = format.indexOf(")s", i);
            if (!format.startsWith("%(", i) || close < 0) {
                throw new IllegalArgumentException("accessLogFormat has a '%' at index " + i + " that does not start "
                        + "an atom like %(h)s; write %% for a percent sign. Format: \"" + format + "\"");
            }
            if (!literal.isEmpty()) {
                String text = literal.toString();
                parts.add(entry -> text);
                literal.setLength(0);
            }
            Function<AccessLogEntry, String> atom = atom(format.substring(i + 2, close), format);
            parts.add(entry -> escape(atom.apply(entry)));
            i = close + 2;
        }
        if (!literal.isEmpty()) {
            String text = literal.toString();
            parts.add(entry -> text);
        }
        return new AccessLogFormat(List.copyOf(parts));
    }

    /** @return the line for an exchange, without line terminator */
    String format(AccessLogEntry entry) {
        StringBuilder line = new StringBuilder(160);
        for (Function<AccessLogEntry, String> part : parts) {
            line.append(part.apply(entry));
        }
        return line.toString();
    }

    private static Function<AccessLogEntry, String> atom(String name, String format) {
        if (name.length() > 3 && name.startsWith("{") && name.charAt(name.length() - 2) == '}') {
            String key = name.substring(1, name.length() - 2);
            switch (name.charAt(name.length() - 1)) {
                case 'i' -> {
                    return entry -> dash(field(entry, key).orElse(null));
                }
                case 'o' -> {
                    return entry -> dash(entry.responseHeaders().stream().filter(h -> h.is(key))
                            .map(Header::value).findFirst().orElse(null));
                }
                case 'e' -> {
                    return entry -> dash(System.getenv().entrySet().stream()
                            .filter(e -> e.getKey().equalsIgnoreCase(key)).map(Map.Entry::getValue)
                            .findFirst().orElse(null));
                }
                default -> { }
            }
        }
        if (!ATOMS.contains(name)) {
            throw new IllegalArgumentException("accessLogFormat has an unknown atom %(" + name + ")s; known atoms are "
                    + "h l u t r m U q H s B b f a T M D L p and {header}i {header}o {variable}e. Format: \""
                    + format + "\"");
        }
        return simple(name.charAt(0));
    }

    private static Function<AccessLogEntry, String> simple(char atom) {
        return switch (atom) {
            case 'h' -> e -> dash(e.remoteAddr());
            case 'l' -> e -> "-";
            case 'u' -> e -> user(field(e, "Authorization").orElse(""));
            case 't' -> e -> TIME.format(Instant.ofEpochMilli(e.startMillis()).atZone(ZoneId.systemDefault()));
            case 'r' -> e -> e.requestLine().orElse("-");
            case 'm' -> e -> e.head().map(RequestHead::method).orElse("-");
            case 'U' -> e -> e.head().map(RequestHead::path).orElse("-");
            case 'q' -> e -> e.head().map(RequestHead::query).orElse("-");
            case 'H' -> e -> e.head().map(RequestHead::version).orElse("-");
            case 's' -> e -> e.status() == 0 ? "-" : Integer.toString(e.status());
            case 'B' -> e -> Long.toString(e.bytes());
            case 'b' -> e -> e.bytes() == 0 ? "-" : Long.toString(e.bytes());
            case 'f' -> e -> dash(field(e, "Referer").orElse(null));
            case 'a' -> e -> dash(field(e, "User-Agent").orElse(null));
            case 'T' -> e -> Long.toString(e.durationNanos() / 1_000_000_000L);
            case 'M' -> e -> Long.toString(e.durationNanos() / 1_000_000L);
            case 'D' -> e -> Long.toString(e.durationNanos() / 1_000L);
            case 'L' -> e -> String.format(Locale.ROOT, "%d.%06d", e.durationNanos() / 1_000_000_000L,
                    e.durationNanos() / 1_000L % 1_000_000L);
            case 'p' -> e -> "<" + ProcessHandle.current().pid() + ">";
            default -> throw new IllegalArgumentException("Unknown access-log atom " + atom);
        };
    }

    /** @return the first value of a request header field; empty for a refused request, which has no checked head */
    private static Optional<String> field(AccessLogEntry entry, String name) {
        return entry.head().flatMap(head -> head.field(name));
    }

    /**
     * Makes a value safe to put in a log line, as nginx's access log does: a double quote, a
     * backslash, a control character and anything beyond ASCII become {@code \xHH} (the UTF-8
     * bytes of a char above U+00FF, each so escaped), so that no client can end a line, forge
     * another, break out of a quoted field or send escape sequences to a terminal.
     */
    static String escape(String value) {
        int i = 0;
        while (i < value.length() && plain(value.charAt(i))) {
            i++;
        }
        if (i == value.length()) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length() + 16).append(value, 0, i);
        for (; i < value.length(); i++) {
            char c = value.charAt(i);
            if (plain(c)) {
                out.append(c);
            } else if (c <= 0xFF) {
                hex(out, c);
            } else {
                int end = Character.isHighSurrogate(c) && i + 1 < value.length() ? i + 2 : i + 1;
                for (byte b : value.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                    hex(out, b & 0xFF);
                }
                i = end - 1;
            }
        }
        return out.toString();
    }

    private static boolean plain(char c) {
        return c >= 0x20 && c < 0x7F && c != '"' && c != '\\';
    }

    private static void hex(StringBuilder out, int b) {
        out.append("\\x").append(Character.toUpperCase(Character.forDigit(b >> 4, 16)))
                .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
    }

    private static String dash(String value) {
        return value == null || value.isEmpty() ? "-" : value;
    }

    /** The user name of a Basic Authorization, as Gunicorn's {@code u} atom. */
    private static String user(String authorization) {
        if (authorization.length() < 6 || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return "-";
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
                    StandardCharsets.ISO_8859_1);
            int colon = decoded.indexOf(':');
            return colon > 0 ? decoded.substring(0, colon) : "-";
        } catch (IllegalArgumentException e) {
            return "-";
        }
    }
}
