package dev.carafe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ConfigTest {

    @Test
    void aNewConfigHoldsFlasksDefaultsForTheKeysCarafeUses() {
        Config config = new Config();

        assertFalse(config.bool("DEBUG"));
        assertFalse(config.bool("TESTING"));
        assertEquals(List.of(), config.strings("SECRET_KEY_FALLBACKS"));
        assertEquals("/", config.string("APPLICATION_ROOT"));
        assertEquals("http", config.string("PREFERRED_URL_SCHEME"));
        assertEquals("session", config.string("SESSION_COOKIE_NAME"));
        assertTrue(config.bool("SESSION_COOKIE_HTTPONLY"));
        assertFalse(config.bool("SESSION_COOKIE_SECURE"));
        assertEquals("Lax", config.string("SESSION_COOKIE_SAMESITE"));
        assertFalse(config.bool("SESSION_COOKIE_PARTITIONED"));
        assertEquals(Duration.ofDays(31), config.duration("PERMANENT_SESSION_LIFETIME"));
        assertTrue(config.bool("SESSION_REFRESH_EACH_REQUEST"));
        assertEquals(500_000, config.longValue("MAX_FORM_MEMORY_SIZE"));
        assertEquals(1_000, config.integer("MAX_FORM_PARTS"));
        assertEquals(4093, config.integer("MAX_COOKIE_SIZE"));
        assertTrue(config.bool("PROVIDE_AUTOMATIC_OPTIONS"));
        assertEquals(Optional.of("the built-in default"), config.source("DEBUG"));
    }

    @Test
    void keysWhoseFlaskDefaultIsNoneAreAbsent() {
        Config config = new Config();

        for (String key : List.of("SECRET_KEY", "SERVER_NAME", "SESSION_COOKIE_DOMAIN", "SESSION_COOKIE_PATH",
                "MAX_CONTENT_LENGTH", "SEND_FILE_MAX_AGE_DEFAULT", "TEMPLATES_AUTO_RELOAD")) {
            assertFalse(config.contains(key), key);
            assertEquals(Optional.empty(), config.optional(key), key);
        }
        assertEquals(OptionalLong.empty(), config.optionalLong("MAX_CONTENT_LENGTH"));
        assertEquals(Optional.empty(), config.optionalBool("TEMPLATES_AUTO_RELOAD"));
        assertEquals(Optional.empty(), config.optionalDuration("SEND_FILE_MAX_AGE_DEFAULT"));
        assertEquals(Optional.empty(), config.optionalString("SECRET_KEY"));
    }

    @Test
    void aLaterLayerWinsOverAnEarlierOne() {
        Config config = new Config()
                .fromMap(Map.of("DATABASE", "from-map.sqlite", "DEBUG", true))
                .fromPrefixedEnv("FLASKR", Map.of("FLASKR_DATABASE", "from-env.sqlite"))
                .put("DEBUG", false);

        assertEquals("from-env.sqlite", config.string("DATABASE"));
        assertEquals(Optional.of("environment variable FLASKR_DATABASE"), config.source("DATABASE"));
        assertFalse(config.bool("DEBUG"));
        assertEquals(Optional.of("Config.put"), config.source("DEBUG"));
    }

    @Test
    void fromMapTakesOnlyUpperCaseKeys() {
        Config config = new Config().fromMap(Map.of("DATABASE", "x", "secret_key", "nope", "Debug", true,
                "DB_2", "y", "_", "z"));

        assertEquals("x", config.string("DATABASE"));
        assertEquals("y", config.string("DB_2"));
        assertFalse(config.contains("secret_key"));
        assertFalse(config.contains("Debug"));
        assertFalse(config.contains("_"));
        assertEquals(Optional.of("Config.fromMap"), config.source("DATABASE"));
    }

    @Test
    void aNullValueInAMapRemovesTheKey() {
        Map<String, Object> values = new HashMap<>();
        values.put("APPLICATION_ROOT", null);

        Config config = new Config().fromMap(values);

        assertFalse(config.contains("APPLICATION_ROOT"));
    }

    @Test
    void putTakesAnyKeyAndRefusesNullSayingToUseRemove() {
        Config config = new Config().put("lower.case", 1);
        assertEquals(1, config.require("lower.case"));

        NullPointerException error = assertThrows(NullPointerException.class, () -> config.put("SECRET_KEY", null));
        assertEquals("Config value for 'SECRET_KEY' is null; use remove(\"SECRET_KEY\") to unset a key.",
                error.getMessage());
    }

    @Test
    void removeMakesAKeyAbsent() {
        Config config = new Config().remove("DEBUG");

        assertFalse(config.contains("DEBUG"));
        assertEquals(Optional.empty(), config.source("DEBUG"));
    }

    @Test
    void keysKeepTheOrderTheyWereFirstSetIn() {
        Config config = new Config().put("ZETA", 1).put("ALPHA", 2).put("ZETA", 3);

        List<String> keys = List.copyOf(config.keys());
        assertEquals(List.of("ZETA", "ALPHA"), keys.subList(keys.size() - 2, keys.size()));
        assertEquals(3, config.asMap().get("ZETA"));
    }

    @Test
    void namespaceReturnsThePrefixedKeysWithThePrefixTrimmed() {
        Config config = new Config()
                .put("IMAGE_STORE_TYPE", "fs")
                .put("IMAGE_STORE_PATH", "/var/app/images")
                .put("IMAGE_STORE_BASE_URL", "http://img.website.com")
                .put("IMAGE_STORE_", "just the prefix");

        assertEquals(Map.of("TYPE", "fs", "PATH", "/var/app/images", "BASE_URL", "http://img.website.com"),
                config.namespace("IMAGE_STORE_"));
        assertEquals(List.of("TYPE", "PATH", "BASE_URL"), List.copyOf(config.namespace("IMAGE_STORE_").keySet()));
        assertEquals(Map.of(), config.namespace("NOTHING_"));
    }

    @Test
    void writesAfterFreezingFailSayingSetupIsOver() {
        Config config = new Config().put("DATABASE", "x").freeze();

        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> config.put("SECRET_KEY", "late"));
        assertEquals("The config can no longer be changed (put(\"SECRET_KEY\")): setup is over, and the config was "
                + "frozen (an App freezes it at its first request, app.run() or app.urlFor(...)). Set every key "
                + "during setup, before the App serves.", error.getMessage());
        assertThrows(IllegalStateException.class, () -> config.fromMap(Map.of("A", 1)));
        assertThrows(IllegalStateException.class, () -> config.fromPrefixedEnv("APP", Map.of()));
        assertThrows(IllegalStateException.class, () -> config.remove("DATABASE"));
        assertThrows(IllegalStateException.class,
                () -> config.fromInstanceFolder(new InstanceFolder(java.nio.file.Path.of("nowhere"))));
        assertTrue(config.frozen());
        assertEquals("x", config.string("DATABASE"));
        assertFalse(config.contains("SECRET_KEY"));
    }

    @Test
    void freezingTwiceIsHarmless() {
        Config config = new Config().freeze().freeze();

        assertTrue(config.frozen());
    }

    @Test
    void aSnapshotFromAsMapDoesNotChangeWithLaterWrites() {
        Config config = new Config();
        Map<String, Object> before = config.asMap();

        config.put("DATABASE", "x");

        assertFalse(before.containsKey("DATABASE"));
        assertThrows(UnsupportedOperationException.class, () -> before.put("DEBUG", true));
    }

    @Test
    void twoConfigsShareNothing() {
        Config first = new Config().put("DEBUG", true);
        Config second = new Config();

        assertTrue(first.bool("DEBUG"));
        assertFalse(second.bool("DEBUG"));
    }
}
