package dev.carafe.gateway.testing;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The cookies a {@link TestClient} keeps across requests, like a browser's: it stores every
 * {@code Set-Cookie} of a response (replacing a cookie of the same name, domain and path, removing
 * it when {@code Max-Age} is zero or negative or {@code Expires} is past) and sends the matching,
 * unexpired cookies with each request in one {@code Cookie} header, longest path first.
 *
 * <pre>{@code
 * client.get("/login");
 * String session = client.cookies().value("session").orElseThrow();
 * client.cookies().set("theme", "dark");
 * }</pre>
 */
public final class CookieJar {

    private final Clock clock;
    private final BaseUrl base;
    private final List<Cookie> cookies = new ArrayList<>();

    CookieJar(Clock clock, BaseUrl base) {
        this.clock = clock;
        this.base = base;
    }

    /**
     * The cookies held now, expired ones left out, in the order they were stored.
     *
     * @return a snapshot of the cookies
     */
    public List<Cookie> cookies() {
        purge();
        return List.copyOf(cookies);
    }

    /**
     * The first unexpired cookie with a name.
     *
     * @param name the cookie name
     * @return the cookie, or empty if the jar has none with that name
     */
    public Optional<Cookie> cookie(String name) {
        return cookies().stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /**
     * The value of the first unexpired cookie with a name.
     *
     * @param name the cookie name
     * @return the value, or empty if the jar has no such cookie
     */
    public Optional<String> value(String name) {
        return cookie(name).map(Cookie::value);
    }

    /**
     * Stores a cookie, replacing one with the same name, domain and path; an expired cookie
     * removes that one instead.
     *
     * @param cookie the cookie
     */
    public void set(Cookie cookie) {
        cookies.removeIf(c -> c.name().equals(cookie.name()) && c.domain().equals(cookie.domain())
                && c.path().equals(cookie.path()));
        if (!cookie.expiredAt(clock.instant())) {
            cookies.add(cookie);
        }
    }

    /**
     * Stores a session cookie for the client's host (its base URL's), every path, over http and
     * https: the cookie a browser would keep after {@code Set-Cookie: name=value; Path=/}.
     *
     * @param name the cookie name
     * @param value the value
     */
    public void set(String name, String value) {
        set(new Cookie(name, value, base.host(), true, "/", false, false, Optional.empty()));
    }

    /**
     * Removes every cookie with a name.
     *
     * @param name the cookie name
     */
    public void remove(String name) {
        cookies.removeIf(c -> c.name().equals(name));
    }

    /** Removes every cookie. */
    public void clear() {
        cookies.clear();
    }

    /**
     * Stores the cookie of a {@code Set-Cookie} header as the client does for a response to a
     * request for {@code url} (its domain, path, expiry; an expired one deletes the cookie), for
     * code that sets cookies the way an application would without sending a request.
     *
     * @param setCookie the header's value, for example {@code session=abc; Path=/; HttpOnly}
     * @param url the path (on the client's base URL) or absolute URL the response answered
     */
    public void receive(String setCookie, String url) {
        receive(List.of(setCookie), Target.parse(url, base));
    }

    /**
     * The {@code Cookie} header the client sends with a request for {@code url}.
     *
     * @param url a path (on the client's base URL) or an absolute URL
     * @return the header's value, or empty when no cookie matches
     */
    public Optional<String> header(String url) {
        return header(Target.parse(url, base));
    }

    /** Stores the cookies of a response to a request for the target. */
    void receive(List<String> setCookies, Target target) {
        for (String header : setCookies) {
            SetCookie.parse(header, target, clock.instant()).ifPresent(this::set);
        }
    }

    /** The Cookie header for a request to the target, if any cookie matches. */
    Optional<String> header(Target target) {
        purge();
        String value = cookies.stream().filter(c -> c.matches(target))
                .sorted(Comparator.comparingInt((Cookie c) -> c.path().length()).reversed())
                .map(c -> c.name() + "=" + c.value()).collect(Collectors.joining("; "));
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    private void purge() {
        cookies.removeIf(c -> c.expiredAt(clock.instant()));
    }
}
