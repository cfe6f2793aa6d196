package dev.carafe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ConfigReadsTest {

    private static Config env(String key, String value) {
        return new Config().fromPrefixedEnv("FLASKR", Map.of("FLASKR_" + key, value));
    }

    @Test
    void stringReadsNumbersAndBooleansAsTheirText() {
        Config config = env("DATABASE", "5").put("PATH", Path.of("/srv/db")).put("FLAG", true);

        assertEquals("5", config.string("DATABASE"));
        assertEquals("/srv/db", config.string("PATH"));
        assertEquals("true", config.string("FLAG"));
        assertEquals(Optional.of("5"), config.optionalString("DATABASE"));
    }

    @Test
    void stringRefusesAListNamingKeyValueAndSource() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> env("DATABASE", "[1,2]").string("DATABASE"));
        assertEquals("Config key 'DATABASE' has the value [1, 2] (from environment variable FLASKR_DATABASE), which "
                + "is not a string; expected a single value such as \"dev\" (numbers and booleans are read as their "
                + "text).", error.getMessage());
    }

    @Test
    void integerAcceptsNumbersAndStringsHoldingWholeNumbers() {
        Config config = new Config().put("A", 7).put("B", " 200 ").put("C", 3_000_000_000L - 2_000_000_000L);

        assertEquals(7, config.integer("A"));
        assertEquals(200, config.integer("B"));
        assertEquals(1_000_000_000, config.integer("C"));
    }

    @Test
    void integerRefusesTextNamingKeyValueSourceAndExpectedType() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> env("MAX_FORM_PARTS", "lots").integer("MAX_FORM_PARTS"));
        assertEquals("Config key 'MAX_FORM_PARTS' has the value \"lots\" (from environment variable "
                + "FLASKR_MAX_FORM_PARTS), which is not an integer; expected a whole number from -2147483648 to "
                + "2147483647, such as 1000.", error.getMessage());
    }

    @Test
    void integerRefusesNumbersOutsideTheIntRangeAndFractions() {
        assertThrows(IllegalArgumentException.class, () -> new Config().put("A", 3_000_000_000L).integer("A"));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new Config().put("A", 1.5).integer("A"));
        assertEquals("Config key 'A' has the value 1.5 (from Config.put), which is not an integer; expected a whole "
                + "number from -2147483648 to 2147483647, such as 1000.", error.getMessage());
    }

    @Test
    void longValueReadsLargeNumbersAndStrings() {
        Config config = new Config().put("A", 3_000_000_000L).put("B", "10000000000").put("C", 5);

        assertEquals(3_000_000_000L, config.longValue("A"));
        assertEquals(10_000_000_000L, config.longValue("B"));
        assertEquals(5L, config.longValue("C"));
        assertEquals(OptionalLong.of(5), config.optionalLong("C"));
    }

    @Test
    void longValueRefusesTextWithItsExpectedType() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new Config().put("MAX_CONTENT_LENGTH", "16MB").longValue("MAX_CONTENT_LENGTH"));
        assertEquals("Config key 'MAX_CONTENT_LENGTH' has the value \"16MB\" (from Config.put), which is not a long "
                + "integer; expected a whole number from -9223372036854775808 to 9223372036854775807, such as "
                + "500000.", error.getMessage());
    }

    @Test
    void boolAcceptsBooleansAndTheEnvironmentStyleStrings() {
        Config config = new Config().put("A", true).put("B", "false").put("C", "1").put("D", "0").put("E", "TRUE")
                .fromPrefixedEnv("APP", Map.of("APP_F", "1", "APP_G", "0", "APP_H", "true"));

        assertTrue(config.bool("A"));
        assertFalse(config.bool("B"));
        assertTrue(config.bool("C"));
        assertFalse(config.bool("D"));
        assertTrue(config.bool("E"));
        assertTrue(config.bool("F"));
        assertFalse(config.bool("G"));
        assertTrue(config.bool("H"));
        assertEquals(Optional.of(true), config.optionalBool("H"));
    }

    @Test
    void boolRefusesOtherValues() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> env("DEBUG", "yes").bool("DEBUG"));
        assertEquals("Config key 'DEBUG' has the value \"yes\" (from environment variable FLASKR_DEBUG), which is "
                + "not a boolean; expected true or false, or the strings \"true\", \"false\", \"1\" or \"0\".",
                error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> env("DEBUG", "2").bool("DEBUG"));
    }

    @Test
    void durationReadsSecondsUnitsIsoAndDurations() {
        Config config = new Config().put("A", 30).put("B", "30s").put("C", "5m").put("D", "2h").put("E", "31d")
                .put("F", "500ms").put("G", "PT30M").put("H", "P31D").put("I", Duration.ofMinutes(3))
                .put("J", "1.5").put("K", 0.25).put("L", "90");

        assertEquals(Duration.ofSeconds(30), config.duration("A"));
        assertEquals(Duration.ofSeconds(30), config.duration("B"));
        assertEquals(Duration.ofMinutes(5), config.duration("C"));
        assertEquals(Duration.ofHours(2), config.duration("D"));
        assertEquals(Duration.ofDays(31), config.duration("E"));
        assertEquals(Duration.ofMillis(500), config.duration("F"));
        assertEquals(Duration.ofMinutes(30), config.duration("G"));
        assertEquals(Duration.ofDays(31), config.duration("H"));
        assertEquals(Duration.ofMinutes(3), config.duration("I"));
        assertEquals(Duration.ofMillis(1500), config.duration("J"));
        assertEquals(Duration.ofMillis(250), config.duration("K"));
        assertEquals(Duration.ofSeconds(90), config.duration("L"));
        assertEquals(Optional.of(Duration.ofSeconds(90)), config.optionalDuration("L"));
    }

    @Test
    void durationRefusesOtherValuesListingTheFormats() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new Config().put("PERMANENT_SESSION_LIFETIME", "a month").duration("PERMANENT_SESSION_LIFETIME"));
        assertEquals("Config key 'PERMANENT_SESSION_LIFETIME' has the value \"a month\" (from Config.put), which is "
                + "not a duration; expected seconds as a number (such as 2678400), a number with a unit (\"30s\", "
                + "\"5m\", \"2h\", \"31d\", \"500ms\") or ISO-8601 (\"PT30M\", \"P31D\").", error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Config().put("A", true).duration("A"));
    }

    @Test
    void listReadsListsJsonArraysAndCommaSeparatedStrings() {
        Config config = new Config().put("A", List.of("x", 1)).put("B", "[\"x\", 2]").put("C", " a, b ,,c ")
                .put("D", "").fromPrefixedEnv("APP", Map.of("APP_E", "[1,2]"));

        assertEquals(List.of("x", 1), config.list("A"));
        assertEquals(List.of("x", 2), config.list("B"));
        assertEquals(List.of("a", "b", "c"), config.list("C"));
        assertEquals(List.of(), config.list("D"));
        assertEquals(List.of(1, 2), config.list("E"));
        assertEquals(List.of("1", "2"), config.strings("E"));
    }

    @Test
    void listRefusesABrokenJsonArrayAndOtherValues() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new Config().put("HOSTS", "[1,").list("HOSTS"));
        assertEquals("Config key 'HOSTS' has the value \"[1,\" (from Config.put), which is not a list; expected a list "
                + "such as [\"a\", \"b\"], a JSON array in a string, or comma-separated items (\"a, b\").",
                error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Config().put("HOSTS", 5).list("HOSTS"));
    }

    @Test
    void stringsRefusesNestedItems() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new Config().put("KEYS", List.of(List.of("a"))).strings("KEYS"));
        assertEquals("Config key 'KEYS' has the value [[a]] (from Config.put), which is not a list of strings; "
                + "expected a list of single values, such as [\"old-key-1\", \"old-key-2\"].", error.getMessage());
    }

    @Test
    void mapRefusesAScalar() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new Config().put("DB", "sqlite").map("DB"));
        assertEquals("Config key 'DB' has the value \"sqlite\" (from Config.put), which is not a map; expected a JSON "
                + "object, or environment variables with \"__\" between the key's parts, such as PREFIX_DB__HOST.",
                error.getMessage());
    }

    @Test
    void aMissingRequiredKeyNamesWhereItCouldBeSetWithThePrefixUsed() {
        Config config = new Config().fromPrefixedEnv("FLASKR", Map.of());

        Config.MissingKey error = assertThrows(Config.MissingKey.class, () -> config.require("SECRET_KEY"));
        assertEquals("Missing required config key 'SECRET_KEY'. Set it with app.config().put(\"SECRET_KEY\", ...), "
                + "in a config file loaded with fromProperties/fromJson, or in the environment as FLASKR_SECRET_KEY "
                + "(prefix given to fromPrefixedEnv).", error.getMessage());
        assertEquals("SECRET_KEY", error.key());
    }

    @Test
    void aMissingKeyWithoutAnyPrefixSuggestsOne() {
        Config.MissingKey error = assertThrows(Config.MissingKey.class, () -> new Config().string("DATABASE"));
        assertEquals("Missing required config key 'DATABASE'. Set it with app.config().put(\"DATABASE\", ...), in a "
                + "config file loaded with fromProperties/fromJson, or in the environment with a prefix loaded by "
                + "fromPrefixedEnv, for example as CARAFE_DATABASE with fromPrefixedEnv(\"CARAFE\").",
                error.getMessage());
    }

    @Test
    void everyTypedReadOfAMissingKeyFailsTheSameWay() {
        Config config = new Config();

        assertThrows(Config.MissingKey.class, () -> config.integer("X"));
        assertThrows(Config.MissingKey.class, () -> config.longValue("X"));
        assertThrows(Config.MissingKey.class, () -> config.bool("X"));
        assertThrows(Config.MissingKey.class, () -> config.duration("X"));
        assertThrows(Config.MissingKey.class, () -> config.list("X"));
        assertThrows(Config.MissingKey.class, () -> config.strings("X"));
        assertThrows(Config.MissingKey.class, () -> config.map("X"));
    }

    @Test
    void secretValuesAreNeverShownInMessages() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new Config().put("DB_PASSWORD", List.of("hunter2")).string("DB_PASSWORD"));
        assertEquals("Config key 'DB_PASSWORD' has the value (hidden, 9 characters) (from Config.put), which is not a "
                + "string; expected a single value such as \"dev\" (numbers and booleans are read as their text).",
                error.getMessage());
    }

    @Test
    void longValuesAreShortenedInMessages() {
        String value = "x".repeat(150);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new Config().put("A", value).integer("A"));
        assertTrue(error.getMessage().startsWith("Config key 'A' has the value \"" + "x".repeat(99) + "... (from"),
                error.getMessage());
    }
}
