package dev.carafe;

import dev.carafe.gateway.Environ;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A cookie to set with {@link Response#withCookie}: a name, a value and the attributes of
 * {@code Set-Cookie} (RFC 6265), written as Werkzeug's {@code dump_cookie} writes them.
 *
 * <pre>{@code
 * Cookie theme = Cookie.of("theme", "dark")
 *         .withMaxAge(Duration.ofDays(30))
 *         .withHttpOnly(true)
 *         .withSameSite(Cookie.SameSite.LAX);
 * return Response.text("saved").withCookie(theme);
 * }</pre>
 *
 * <p>The header lists the attributes in this order: {@code Domain}, {@code Expires},
 * {@code Max-Age}, {@code Secure}, {@code HttpOnly}, {@code Path}, {@code SameSite},
 * {@code Partitioned}. A value made only of letters, digits and
 * {@code !#$%&'()*+-./:<=>?@[]^_`{|}~} is sent as it is; any other value is sent in double quotes,
 * with {@code "} and {@code \} escaped by a backslash and control characters, {@code ,}, {@code ;}
 * and the UTF-8 bytes of non-ASCII characters as backslash and three octal digits (as Python's
 * {@code http.cookies} and Werkzeug do; their cookie parsers undo it).
 *
 * @param name the cookie name, an RFC 9110 token such as {@code session_id}
 * @param value the value, any text (quoted when needed)
 * @param maxAge {@code Max-Age} in whole seconds; when it is set and {@code expires} is not,
 *     {@code Expires} is also sent, computed from the current time, for old clients
 * @param expires {@code Expires}, sent as an IMF-fixdate such as {@code Thu, 01 Jan 1970 00:00:00 GMT}
 * @param path {@code Path}; {@code "/"} from {@link #of}, so the cookie covers the whole site;
 *     characters outside a URL path are percent-encoded
 * @param domain {@code Domain}, stored normalised: port and leading dot removed, IDNA (punycode) for
 *     non-ASCII names; empty for a host-only cookie
 * @param secure {@code Secure}: only sent over HTTPS; forced on by {@code partitioned} and by
 *     {@code SameSite=None}
 * @param httpOnly {@code HttpOnly}: hidden from JavaScript
 * @param sameSite {@code SameSite}
 * @param partitioned {@code Partitioned} (CHIPS): stored per top-level site; implies {@code Secure}
 */
public record Cookie(String name, String value, Optional<Duration> maxAge, Optional<Instant> expires,
        Optional<String> path, Optional<String> domain, boolean secure, boolean httpOnly,
        Optional<SameSite> sameSite, boolean partitioned) {

    /** Where a cookie goes on cross-site requests: the {@code SameSite} attribute. */
    public enum SameSite {
        /** Only same-site requests carry the cookie. */
        STRICT("Strict"),
        /** Same-site requests and top-level cross-site navigations with a safe method carry it. */
        LAX("Lax"),
        /**
         * Every request carries it. Browsers refuse {@code SameSite=None} without {@code Secure},
         * so Carafe always adds {@code Secure} to such a cookie.
         */
        NONE("None");

        private final String attribute;

        SameSite(String attribute) {
            this.attribute = attribute;
        }

        /** @return the attribute value as sent: {@code Strict}, {@code Lax} or {@code None} */
        public String attribute() {
            return attribute;
        }
    }

    /** The latest {@code Expires} Carafe writes; also where a huge {@code Max-Age} is clamped. */
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    /**
     * Creates a cookie, checking its parts.
     *
     * @throws IllegalArgumentException if the name is not a token, the path does not start with
     *     {@code /} or has control characters, the domain is not a host name, or {@code expires}
     *     is after the year 9999
     * @throws NullPointerException if any part is {@code null}
     */
    public Cookie {
        Objects.requireNonNull(name, "cookie name");
        Objects.requireNonNull(value, () -> "value of cookie '" + name + "'");
        Objects.requireNonNull(maxAge, "maxAge");
        Objects.requireNonNull(expires, "expires");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(sameSite, "sameSite");
        checkName(name);
        path.ifPresent(p -> checkPath(name, p));
        domain = domain.map(d -> CookieText.domain(name, d));
        expires.ifPresent(e -> {
            if (e.isAfter(LATEST)) {
                throw new IllegalArgumentException("Cookie '" + name + "' expires at " + e
                        + ", after the year 9999, which HTTP dates cannot express; use an earlier instant.");
            }
        });
    }

    /**
     * Creates a session cookie (no {@code Max-Age}, no {@code Expires}) for the whole site
     * ({@code Path=/}), without other attributes.
     *
     * @param name an RFC 9110 token
     * @param value any text
     * @return the cookie
     * @throws IllegalArgumentException if the name is not a token
     */
    public static Cookie of(String name, String value) {
        return new Cookie(name, value, Optional.empty(), Optional.empty(), Optional.of("/"), Optional.empty(),
                false, false, Optional.empty(), false);
    }

    /**
     * @param maxAge how long the cookie lives, whole seconds; zero or less deletes it
     * @return a copy with {@code Max-Age}
     */
    public Cookie withMaxAge(Duration maxAge) {
        return new Cookie(name, value, Optional.of(maxAge), expires, path, domain, secure, httpOnly, sameSite, partitioned);
    }

    /**
     * @param expires when the cookie expires
     * @return a copy with {@code Expires}
     */
    public Cookie withExpires(Instant expires) {
        return new Cookie(name, value, maxAge, Optional.of(expires), path, domain, secure, httpOnly, sameSite, partitioned);
    }

    /**
     * @param path the path the cookie is sent for, starting with {@code /}
     * @return a copy with {@code Path}
     */
    public Cookie withPath(String path) {
        return new Cookie(name, value, maxAge, expires, Optional.of(path), domain, secure, httpOnly, sameSite, partitioned);
    }

    /** @return a copy without {@code Path}: the browser then uses the directory of the request path */
    public Cookie withoutPath() {
        return new Cookie(name, value, maxAge, expires, Optional.empty(), domain, secure, httpOnly, sameSite, partitioned);
    }

    /**
     * @param domain the domain the cookie is shared with, for example {@code example.com}
     * @return a copy with {@code Domain}
     */
    public Cookie withDomain(String domain) {
        return new Cookie(name, value, maxAge, expires, path, Optional.of(domain), secure, httpOnly, sameSite, partitioned);
    }

    /**
     * @param secure whether the cookie is only sent over HTTPS
     * @return a copy with {@code Secure} set or cleared
     */
    public Cookie withSecure(boolean secure) {
        return new Cookie(name, value, maxAge, expires, path, domain, secure, httpOnly, sameSite, partitioned);
    }

    /**
     * @param httpOnly whether scripts are denied the cookie
     * @return a copy with {@code HttpOnly} set or cleared
     */
    public Cookie withHttpOnly(boolean httpOnly) {
        return new Cookie(name, value, maxAge, expires, path, domain, secure, httpOnly, sameSite, partitioned);
    }

    /**
     * @param sameSite the cross-site policy; {@link SameSite#NONE} also sends {@code Secure}
     * @return a copy with {@code SameSite}
     */
    public Cookie withSameSite(SameSite sameSite) {
        return new Cookie(name, value, maxAge, expires, path, domain, secure, httpOnly, Optional.of(sameSite), partitioned);
    }

    /**
     * @param partitioned whether the cookie is partitioned (CHIPS); also sends {@code Secure}
     * @return a copy with {@code Partitioned} set or cleared
     */
    public Cookie withPartitioned(boolean partitioned) {
        return new Cookie(name, value, maxAge, expires, path, domain, secure, httpOnly, sameSite, partitioned);
    }

    /**
     * Returns the cookie that deletes this one: the same name, path, domain and flags, an empty
     * value, {@code Expires} at the epoch and {@code Max-Age=0}, as Werkzeug's
     * {@code delete_cookie} sends. A browser deletes a cookie only when name, path and domain match.
     *
     * @return the deleting cookie
     */
    public Cookie expired() {
        return new Cookie(name, "", Optional.of(Duration.ZERO), Optional.of(Instant.EPOCH), path, domain, secure,
                httpOnly, sameSite, partitioned);
    }

    /**
     * Returns the {@code Set-Cookie} header value, for example
     * {@code session=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; HttpOnly; Path=/}.
     *
     * @return the value, ASCII only
     */
    public String headerValue() {
        return headerValue(Instant.now());
    }

    /** The header value with {@code Expires} from {@code Max-Age} counted from {@code now}. */
    String headerValue(Instant now) {
        List<String> parts = new ArrayList<>();
        parts.add(name + "=" + CookieText.quoted(value));
        domain.ifPresent(d -> parts.add("Domain=" + d));
        Optional<Instant> expiry = expires.isPresent() ? expires : maxAge.map(age -> plus(now, age));
        expiry.ifPresent(e -> parts.add("Expires=" + CookieText.httpDate(e)));
        maxAge.ifPresent(age -> parts.add("Max-Age=" + age.getSeconds()));
        if (secure || partitioned || sameSite.filter(SameSite.NONE::equals).isPresent()) {
            parts.add("Secure");
        }
        if (httpOnly) {
            parts.add("HttpOnly");
        }
        path.ifPresent(p -> parts.add("Path=" + CookieText.path(p)));
        sameSite.ifPresent(s -> parts.add("SameSite=" + s.attribute()));
        if (partitioned) {
            parts.add("Partitioned");
        }
        return String.join("; ", parts);
    }

    private static Instant plus(Instant now, Duration age) {
        if (age.compareTo(Duration.between(now, LATEST)) >= 0) {
            return LATEST;
        }
        if (age.compareTo(Duration.between(now, Instant.EPOCH)) <= 0) {
            return Instant.EPOCH;
        }
        return now.plus(age);
    }

    private static void checkName(String name) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("A cookie name is empty; give the cookie a name such as 'session'.");
        }
        for (int i = 0; i < name.length(); i++) {
            if (!Environ.isTokenChar(name.charAt(i))) {
                throw new IllegalArgumentException("Cookie name '" + name + "' is not a token: '" + name.charAt(i)
                        + "' at index " + i + " is not allowed. Use letters, digits and !#$%&'*+-.^_`|~ only,"
                        + " for example 'session_id'.");
            }
        }
    }

    private static void checkPath(String name, String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("Path '" + path + "' of cookie '" + name + "' must start with '/',"
                    + " for example '/' or '/admin'.");
        }
    }
}
