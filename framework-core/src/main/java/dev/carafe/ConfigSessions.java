package dev.carafe;

import java.util.Locale;
import java.util.Optional;

/**
 * Builds the App's session store from its config when the App freezes: with a {@code SECRET_KEY}
 * (and no store set explicitly), sessions are signed cookies shaped by the {@code SESSION_COOKIE_*}
 * keys, as in Flask.
 */
final class ConfigSessions {

    private ConfigSessions() {
    }

    /**
     * The signed-cookie store the config describes.
     *
     * @return empty when the config has no {@code SECRET_KEY}
     * @throws IllegalArgumentException naming the key and its source when a value does not fit
     */
    static Optional<SessionStore> fromConfig(Config config) {
        Optional<String> secret = config.optionalString("SECRET_KEY");
        if (secret.isEmpty()) {
            return Optional.empty();
        }
        SignedCookieSessions.Builder store = SignedCookieSessions.builder().secretKey(secret.get());
        config.strings("SECRET_KEY_FALLBACKS").forEach(store::fallbackKey);
        store.cookieName(config.string("SESSION_COOKIE_NAME"));
        config.optionalString("SESSION_COOKIE_DOMAIN").ifPresent(store::domain);
        store.path(config.optionalString("SESSION_COOKIE_PATH").orElse(config.string("APPLICATION_ROOT")));
        store.httpOnly(config.bool("SESSION_COOKIE_HTTPONLY"));
        store.secure(config.bool("SESSION_COOKIE_SECURE"));
        store.partitioned(config.bool("SESSION_COOKIE_PARTITIONED"));
        store.refreshEachRequest(config.bool("SESSION_REFRESH_EACH_REQUEST"));
        store.permanentLifetime(config.duration("PERMANENT_SESSION_LIFETIME"));
        Optional<String> sameSite = config.optionalString("SESSION_COOKIE_SAMESITE");
        if (sameSite.isEmpty()) {
            store.noSameSite();
        } else {
            store.sameSite(sameSite(config, sameSite.get()));
        }
        return Optional.of(store.build());
    }

    private static Cookie.SameSite sameSite(Config config, String value) {
        try {
            return Cookie.SameSite.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Config key 'SESSION_COOKIE_SAMESITE' has the value \"" + value
                    + "\" (from " + config.source("SESSION_COOKIE_SAMESITE").orElseThrow() + "); expected \"Strict\", "
                    + "\"Lax\" or \"None\", or remove the key for no SameSite attribute.", e);
        }
    }
}
