package dev.carafe.gateway.testing;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Parses a {@code Set-Cookie} field value into a {@link Cookie}, following RFC 6265 §5.2 and §5.3. */
final class SetCookie {

    /** {@code Expires} formats: RFC 1123, and the dashed form older servers still send. */
    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.RFC_1123_DATE_TIME,
            DateTimeFormatter.ofPattern("EEE, dd-MMM-yyyy HH:mm:ss zzz", Locale.ROOT),
            DateTimeFormatter.ofPattern("EEE, dd-MMM-yy HH:mm:ss zzz", Locale.ROOT));

    private SetCookie() {
    }

    /**
     * The cookie a header sets for a response to the target; empty when the header is not a
     * cookie (no {@code =}, empty name) or its Domain does not cover the target's host, which a
     * browser would ignore as well. An expired cookie is returned as is: storing it deletes.
     */
    static Optional<Cookie> parse(String header, Target target, Instant now) {
        String[] parts = header.split(";");
        int eq = parts[0].indexOf('=');
        if (eq < 0) {
            return Optional.empty();
        }
        String name = parts[0].substring(0, eq).strip();
        String value = parts[0].substring(eq + 1).strip();
        if (name.isEmpty()) {
            return Optional.empty();
        }
        String domain = target.host();
        boolean hostOnly = true;
        String path = defaultPath(target.rawPath());
        boolean secure = false;
        boolean httpOnly = false;
        Optional<Instant> expires = Optional.empty();
        Optional<Instant> maxAge = Optional.empty();
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i].strip();
            int at = part.indexOf('=');
            String key = (at < 0 ? part : part.substring(0, at)).strip().toLowerCase(Locale.ROOT);
            String arg = at < 0 ? "" : part.substring(at + 1).strip();
            switch (key) {
                case "max-age" -> {
                    Optional<Instant> seconds = maxAge(arg, now);
                    maxAge = seconds.isPresent() ? seconds : maxAge;
                }
                case "expires" -> {
                    Optional<Instant> date = date(arg);
                    expires = date.isPresent() ? date : expires;
                }
                case "domain" -> {
                    String d = (arg.startsWith(".") ? arg.substring(1) : arg).toLowerCase(Locale.ROOT);
                    if (!d.isEmpty()) {
                        if (!target.host().equals(d) && !target.host().endsWith("." + d)) {
                            return Optional.empty();
                        }
                        domain = d;
                        hostOnly = false;
                    }
                }
                case "path" -> path = arg.startsWith("/") ? arg : defaultPath(target.rawPath());
                case "secure" -> secure = true;
                case "httponly" -> httpOnly = true;
                default -> {
                    // SameSite, Priority, Partitioned and unknown attributes change nothing in a test client.
                }
            }
        }
        return Optional.of(new Cookie(name, value, domain, hostOnly, path, secure, httpOnly,
                maxAge.isPresent() ? maxAge : expires));
    }

    private static Optional<Instant> maxAge(String arg, Instant now) {
        if (!arg.matches("-?[0-9]+")) {
            return Optional.empty();
        }
        try {
            long seconds = Long.parseLong(arg);
            return Optional.of(seconds <= 0 ? Instant.EPOCH : now.plusSeconds(seconds));
        } catch (NumberFormatException e) {
            return Optional.of(arg.startsWith("-") ? Instant.EPOCH : Instant.MAX);
        }
    }

    private static Optional<Instant> date(String arg) {
        for (DateTimeFormatter format : DATES) {
            try {
                return Optional.of(ZonedDateTime.parse(arg, format).toInstant());
            } catch (DateTimeParseException e) {
                // try the next format
            }
        }
        return Optional.empty();
    }

    /** RFC 6265 §5.1.4: the request path up to, not including, its last slash; "/" when that is empty. */
    static String defaultPath(String requestPath) {
        int last = requestPath.lastIndexOf('/');
        return last <= 0 ? "/" : requestPath.substring(0, last);
    }
}
