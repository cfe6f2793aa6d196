package dev.carafe;

import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.core.JacksonException;

/**
 * Sessions kept in the client's cookie, signed with a secret key: Flask's default session store.
 * The whole session travels in one cookie, {@code payload.timestamp.signature} (see
 * {@code docs/sessions.md}): the client can read it but cannot change it without the key.
 *
 * <pre>{@code
 * app.sessionStore(SignedCookieSessions.of(System.getenv("SECRET_KEY")));
 *
 * app.sessionStore(SignedCookieSessions.builder()
 *         .secretKey(newKey)
 *         .fallbackKey(oldKey)                 // cookies signed with it still open
 *         .secure(true)
 *         .permanentLifetime(Duration.ofDays(7))
 *         .build());
 * }</pre>
 *
 * <p>Opening: a missing, malformed, tampered, unsigned or expired cookie (older than the
 * {@linkplain Builder#permanentLifetime permanent lifetime}) opens an empty session, logged at
 * {@code DEBUG} on logger {@code dev.carafe.SignedCookieSessions}. Saving: a changed session is
 * sent in a new cookie; a session emptied in this request deletes the cookie; a permanent session
 * is re-sent on every request, used or not (unless {@link Builder#refreshEachRequest} is off);
 * {@code Vary: Cookie} is added whenever the session was used. Values must be JSON values
 * (strings, booleans, numbers, lists, maps); saving another type fails naming the key.
 * A store is immutable and thread-safe.
 */
public final class SignedCookieSessions implements SessionStore {

    private static final System.Logger LOG = AppLog.logger();

    private final SessionSigner signer;
    private final SessionJson json = new SessionJson();
    private final Cookie cookie;
    private final Duration lifetime;
    private final boolean refreshEachRequest;
    private final Clock clock;

    SignedCookieSessions(SessionSigner signer, Cookie cookie, Duration lifetime, boolean refreshEachRequest,
            Clock clock) {
        this.signer = signer;
        this.cookie = cookie;
        this.lifetime = lifetime;
        this.refreshEachRequest = refreshEachRequest;
        this.clock = clock;
    }

    /**
     * Creates a store with a secret key and every other setting at its default.
     *
     * @param secretKey the secret key, for example from an environment variable; its UTF-8 bytes sign
     * @return the store
     * @throws NullPointerException when the key is null (an unset variable), saying how to set one
     * @throws IllegalArgumentException when the key is empty
     */
    public static SignedCookieSessions of(String secretKey) {
        return builder().secretKey(secretKey).build();
    }

    /** @return a builder with every setting at its default and no secret key yet */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Opens the session of a request from its cookie: empty when there is no cookie or it cannot
     * be trusted.
     *
     * @param request the request
     * @return the session, neither accessed nor modified
     */
    @Override
    public Session open(Request request) {
        Optional<String> value = request.cookie(cookie.name()).filter(v -> !v.isEmpty());
        if (value.isEmpty()) {
            return Session.of(Map.of());
        }
        SessionSigner.Unsigned unsigned = signer.unsign(value.get(), clock.instant(), lifetime);
        if (unsigned instanceof SessionSigner.Invalid invalid) {
            return rejected(request, invalid.reason());
        }
        try {
            return Session.of(json.read(((SessionSigner.Valid) unsigned).payload()));
        } catch (JacksonException e) {
            return rejected(request, "the signed payload is not a JSON object: " + e.getOriginalMessage());
        }
    }

    /**
     * Saves a session with a response: sets, refreshes or deletes the cookie and adds
     * {@code Vary: Cookie}, as the class comment says.
     *
     * @param request the request
     * @param session the session as the request left it
     * @param response the response so far
     * @return the response with the cookie and {@code Vary} headers
     * @throws IllegalArgumentException when a value is not a JSON value, naming it
     */
    /**
     * Yes when permanent sessions are refreshed on every request and the request carries the
     * session cookie: the App then opens it (one signature check) and {@link #save} re-sends it.
     */
    @Override
    public boolean saveWhenUnused(Request request) {
        return refreshEachRequest && request.cookie(cookie.name()).isPresent();
    }

    @Override
    public Response save(Request request, Session session, Response response) {
        boolean used = session.accessed() || session.modified();
        Map<String, Object> values = session.asMap();
        if (values.isEmpty()) {
            if (session.modified()) {
                return Vary.onCookie(response.withDeletedCookie(cookie));
            }
            return used ? Vary.onCookie(response) : response;
        }
        if (!session.modified() && !(session.permanent() && refreshEachRequest)) {
            return used ? Vary.onCookie(response) : response;
        }
        Instant now = clock.instant();
        Cookie signed = new Cookie(cookie.name(), signer.sign(json.write(values), now), Optional.empty(),
                Optional.empty(), cookie.path(), cookie.domain(), cookie.secure(), cookie.httpOnly(),
                cookie.sameSite(), cookie.partitioned());
        if (session.permanent()) {
            signed = signed.withMaxAge(lifetime).withExpires(now.plus(lifetime));
        }
        return Vary.onCookie(response.withCookie(signed));
    }

    @Override
    public String toString() {
        return "SignedCookieSessions[cookie=" + cookie.name() + ", path=" + cookie.path().orElse("/") + ", domain="
                + cookie.domain().orElse("(host only)") + ", permanentLifetime=" + lifetime + ", refreshEachRequest="
                + refreshEachRequest + "]";
    }

    private Session rejected(Request request, String reason) {
        LOG.log(Level.DEBUG, () -> "Ignoring the '" + cookie.name() + "' cookie of " + AppLog.requestLine(
                request.environ()) + ": " + reason + "; the request gets an empty session.");
        return Session.of(Map.of());
    }

    /**
     * The settings of a {@link SignedCookieSessions} store, Flask's {@code SECRET_KEY},
     * {@code SECRET_KEY_FALLBACKS} and {@code SESSION_COOKIE_*} settings. Only the secret key is
     * required; {@link #build()} checks the cookie settings as {@link Cookie} does.
     */
    public static final class Builder {

        private static final String HOW_TO_SET_A_KEY = "Generate one (for example: openssl rand -hex 32), keep it "
                + "out of source control, and pass it in: SignedCookieSessions.builder().secretKey(System.getenv("
                + "\"SECRET_KEY\")).build(), or SignedCookieSessions.of(key).";

        private byte[] secretKey;
        private final List<byte[]> fallbackKeys = new ArrayList<>();
        private String cookieName = "session";
        private Optional<String> domain = Optional.empty();
        private String path = "/";
        private boolean httpOnly = true;
        private boolean secure;
        private Optional<Cookie.SameSite> sameSite = Optional.of(Cookie.SameSite.LAX);
        private boolean partitioned;
        private Duration permanentLifetime = Duration.ofDays(31);
        private boolean refreshEachRequest = true;
        private String salt = "carafe.session";
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * Sets the key that signs cookies (required): long, random and secret, for example the
         * output of {@code openssl rand -hex 32}, read from configuration, never committed.
         *
         * @param key the key; its UTF-8 bytes are used
         * @return this builder
         * @throws NullPointerException when the key is null (an unset variable), saying how to set one
         * @throws IllegalArgumentException when the key is empty
         */
        public Builder secretKey(String key) {
            this.secretKey = keyBytes(key, "secret key");
            return this;
        }

        /**
         * Sets the key that signs cookies (required), as bytes, for example 32 random bytes.
         *
         * @param key the key; copied
         * @return this builder
         * @throws IllegalArgumentException when the key is empty
         */
        public Builder secretKey(byte[] key) {
            this.secretKey = keyBytes(key, "secret key");
            return this;
        }

        /**
         * Adds an old key that still opens cookies signed with it but signs nothing (Flask's
         * {@code SECRET_KEY_FALLBACKS}), for rotating keys without logging everybody out. Call it
         * once per old key; none by default.
         *
         * @param key an old secret key; its UTF-8 bytes are used
         * @return this builder
         * @throws NullPointerException when the key is null
         * @throws IllegalArgumentException when the key is empty
         */
        public Builder fallbackKey(String key) {
            fallbackKeys.add(keyBytes(key, "fallback key"));
            return this;
        }

        /**
         * Adds an old key as bytes; see {@link #fallbackKey(String)}.
         *
         * @param key an old secret key; copied
         * @return this builder
         * @throws IllegalArgumentException when the key is empty
         */
        public Builder fallbackKey(byte[] key) {
            fallbackKeys.add(keyBytes(key, "fallback key"));
            return this;
        }

        /**
         * @param name the cookie's name, a token; {@code session} by default
         * @return this builder
         */
        public Builder cookieName(String name) {
            this.cookieName = name;
            return this;
        }

        /**
         * @param domain the cookie's {@code Domain}, to share it with subdomains; none (host only) by default
         * @return this builder
         */
        public Builder domain(String domain) {
            this.domain = Optional.of(domain);
            return this;
        }

        /**
         * @param path the cookie's {@code Path}, starting with {@code /}; {@code /} by default
         * @return this builder
         */
        public Builder path(String path) {
            this.path = path;
            return this;
        }

        /**
         * @param httpOnly whether the cookie is hidden from JavaScript ({@code HttpOnly}); true by default
         * @return this builder
         */
        public Builder httpOnly(boolean httpOnly) {
            this.httpOnly = httpOnly;
            return this;
        }

        /**
         * @param secure whether the cookie is sent over HTTPS only ({@code Secure}); false by
         *     default, turn it on for any site served over HTTPS
         * @return this builder
         */
        public Builder secure(boolean secure) {
            this.secure = secure;
            return this;
        }

        /**
         * @param sameSite the cookie's {@code SameSite}; {@link Cookie.SameSite#LAX} by default;
         *     {@link Cookie.SameSite#NONE} also sends {@code Secure}
         * @return this builder
         */
        public Builder sameSite(Cookie.SameSite sameSite) {
            this.sameSite = Optional.of(sameSite);
            return this;
        }

        /**
         * Sends the cookie without {@code SameSite} (Flask's default), leaving the policy to the browser.
         *
         * @return this builder
         */
        public Builder noSameSite() {
            this.sameSite = Optional.empty();
            return this;
        }

        /**
         * @param partitioned whether the cookie is {@code Partitioned} (CHIPS, also sends
         *     {@code Secure}); false by default
         * @return this builder
         */
        public Builder partitioned(boolean partitioned) {
            this.partitioned = partitioned;
            return this;
        }

        /**
         * Sets how long a permanent session lives ({@code Max-Age} and {@code Expires} of its
         * cookie), and the maximum age of every cookie's signature, permanent or not: 31 days by default.
         *
         * @param lifetime at least one second
         * @return this builder
         */
        public Builder permanentLifetime(Duration lifetime) {
            this.permanentLifetime = lifetime;
            return this;
        }

        /**
         * @param refresh whether a permanent session's cookie is sent again (with a new expiry) on
         *     every request that used the session, changed or not; true by default
         * @return this builder
         */
        public Builder refreshEachRequest(boolean refresh) {
            this.refreshEachRequest = refresh;
            return this;
        }

        /**
         * Sets the salt mixed into the signing key, so that the same secret key used elsewhere (or
         * by another store) cannot make valid session cookies: {@code carafe.session} by default.
         *
         * @param salt any non-empty text
         * @return this builder
         */
        public Builder salt(String salt) {
            this.salt = salt;
            return this;
        }

        /**
         * @param clock the clock that dates signatures and checks their age; the system UTC clock by default
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * Creates the store.
         *
         * @return the store
         * @throws IllegalStateException when no secret key was set, saying how to set one
         * @throws IllegalArgumentException when a cookie setting is invalid, the lifetime is shorter
         *     than one second, or the salt is empty
         */
        public SignedCookieSessions build() {
            if (secretKey == null) {
                throw new IllegalStateException("Signed cookie sessions need a secret key to sign the cookie with, "
                        + "and none was set. " + HOW_TO_SET_A_KEY);
            }
            if (permanentLifetime == null || permanentLifetime.getSeconds() < 1) {
                throw new IllegalArgumentException("The permanent session lifetime " + permanentLifetime
                        + " is shorter than one second; give a positive duration such as Duration.ofDays(31).");
            }
            if (salt == null || salt.isEmpty()) {
                throw new IllegalArgumentException("The session salt is empty; leave it at its default "
                        + "\"carafe.session\" or give any non-empty text.");
            }
            Cookie cookie = new Cookie(cookieName, "", Optional.empty(), Optional.empty(), Optional.of(path),
                    domain, secure, httpOnly, sameSite, partitioned);
            List<byte[]> keys = new ArrayList<>();
            keys.add(secretKey);
            keys.addAll(fallbackKeys);
            return new SignedCookieSessions(new SessionSigner(keys, salt), cookie, permanentLifetime,
                    refreshEachRequest, Objects.requireNonNull(clock, "clock"));
        }

        private static byte[] keyBytes(String key, String what) {
            if (key == null) {
                throw new NullPointerException("The " + what + " is null (an unset environment variable or "
                        + "setting?). " + HOW_TO_SET_A_KEY);
            }
            return keyBytes(key.getBytes(StandardCharsets.UTF_8), what);
        }

        private static byte[] keyBytes(byte[] key, String what) {
            if (key.length == 0) {
                throw new IllegalArgumentException("The " + what + " is empty, which signs nothing; use a long "
                        + "random secret, for example the output of: openssl rand -hex 32.");
            }
            return key.clone();
        }
    }
}
