package dev.carafe;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The built-in keys a new {@link Config} starts with: Flask's {@code default_config} for the keys
 * that apply to Carafe. Keys whose Flask default is {@code None} ({@code SECRET_KEY},
 * {@code SERVER_NAME}, {@code TRUSTED_HOSTS}, {@code SESSION_COOKIE_DOMAIN}, {@code SESSION_COOKIE_PATH},
 * {@code MAX_CONTENT_LENGTH}, {@code SEND_FILE_MAX_AGE_DEFAULT}, {@code TEMPLATES_AUTO_RELOAD})
 * are absent.
 */
final class ConfigDefaults {

    /** Where a default value comes from, as error messages and {@link Config#source} say it. */
    static final String SOURCE = "the built-in default";

    /** Flask's {@code PERMANENT_SESSION_LIFETIME}: 31 days, in seconds. */
    static final int PERMANENT_SESSION_LIFETIME_SECONDS = 31 * 24 * 60 * 60;

    private static final Map<String, Object> VALUES = values();

    private ConfigDefaults() {
    }

    /** Returns the defaults, in the order of the documentation's table. */
    static Map<String, Object> all() {
        return VALUES;
    }

    private static Map<String, Object> values() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("DEBUG", false);
        values.put("DEBUG_SOURCE_ROOTS", List.of("src/main/java"));
        values.put("TESTING", false);
        values.put("SECRET_KEY_FALLBACKS", List.of());
        values.put("APPLICATION_ROOT", "/");
        values.put("PREFERRED_URL_SCHEME", "http");
        values.put("SESSION_COOKIE_NAME", "session");
        values.put("SESSION_COOKIE_HTTPONLY", true);
        values.put("SESSION_COOKIE_SECURE", false);
        values.put("SESSION_COOKIE_SAMESITE", "Lax");
        values.put("SESSION_COOKIE_PARTITIONED", false);
        values.put("PERMANENT_SESSION_LIFETIME", PERMANENT_SESSION_LIFETIME_SECONDS);
        values.put("SESSION_REFRESH_EACH_REQUEST", true);
        values.put("MAX_FORM_MEMORY_SIZE", (int) BodyLimits.DEFAULT_MAX_FORM_MEMORY_SIZE);
        values.put("MAX_FORM_PARTS", BodyLimits.DEFAULT_MAX_FORM_PARTS);
        values.put("MAX_COOKIE_SIZE", CookieSize.LIMIT);
        values.put("PROVIDE_AUTOMATIC_OPTIONS", true);
        return Collections.unmodifiableMap(values);
    }
}
