package dev.carafe.gateway.testing;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A cookie in a {@link CookieJar}, as RFC 6265 stores it.
 *
 * @param name the cookie name
 * @param value the cookie value, exactly as the server set it
 * @param domain the host (for a host-only cookie) or the domain it is sent to
 * @param hostOnly true if the cookie goes only to {@code domain} itself, false if it also goes to
 *     its subdomains (the server gave a {@code Domain} attribute)
 * @param path the path prefix the cookie is sent for, starting with {@code /}
 * @param secure true if the cookie is sent only over https
 * @param httpOnly true if the server marked it {@code HttpOnly} (kept for inspection; the test
 *     client sends it like any other cookie)
 * @param expires when the cookie expires; empty for a session cookie, which lives as long as the jar
 */
public record Cookie(String name, String value, String domain, boolean hostOnly, String path, boolean secure,
        boolean httpOnly, Optional<Instant> expires) {

    /**
     * Creates a cookie.
     *
     * @throws NullPointerException if any component is null
     * @throws IllegalArgumentException if the name is empty or the path does not start with {@code /}
     */
    public Cookie {
        Objects.requireNonNull(name, "cookie name");
        Objects.requireNonNull(value, () -> "value of cookie '" + name + "'");
        Objects.requireNonNull(domain, () -> "domain of cookie '" + name + "'");
        Objects.requireNonNull(path, () -> "path of cookie '" + name + "'");
        Objects.requireNonNull(expires, () -> "expiry of cookie '" + name + "'");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("A cookie name must not be empty; give the cookie a name.");
        }
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("The path of cookie '" + name + "' is \"" + path
                    + "\"; expected a path starting with \"/\", such as \"/\".");
        }
    }

    /**
     * A session cookie for {@code localhost}, every path, over http and https: what the test
     * client's default host receives. For a client with another base URL, use
     * {@link CookieJar#set(String, String)}, which takes the client's host.
     *
     * @param name the cookie name
     * @param value the value
     * @return the cookie
     */
    public static Cookie of(String name, String value) {
        return new Cookie(name, value, Target.DEFAULT_HOST, true, "/", false, false, Optional.empty());
    }

    /** Tells whether the cookie has expired at the given instant. */
    boolean expiredAt(Instant now) {
        return expires.isPresent() && !expires.get().isAfter(now);
    }

    /** Tells whether the cookie goes with a request to the target (RFC 6265 §5.4). */
    boolean matches(Target target) {
        boolean domainMatch = hostOnly ? target.host().equals(domain)
                : target.host().equals(domain) || target.host().endsWith("." + domain);
        return domainMatch && pathMatches(target.rawPath())
                && (!secure || target.scheme().equals("https"));
    }

    private boolean pathMatches(String requestPath) {
        return requestPath.equals(path) || requestPath.startsWith(path)
                && (path.endsWith("/") || requestPath.charAt(path.length()) == '/');
    }
}
