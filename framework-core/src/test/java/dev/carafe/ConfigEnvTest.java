package dev.carafe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfigEnvTest {

    @Test
    void aPrefixedVariableSetsTheKeyAfterThePrefix() {
        Config config = new Config().fromPrefixedEnv("FLASKR",
                Map.of("FLASKR_DATABASE", "/srv/flaskr.sqlite", "PATH", "/usr/bin", "FLASKRDEBUG", "true"));

        assertEquals("/srv/flaskr.sqlite", config.string("DATABASE"));
        assertEquals(Optional.of("environment variable FLASKR_DATABASE"), config.source("DATABASE"));
        assertFalse(config.contains("PATH"));
        assertFalse(config.bool("DEBUG"));
    }

    @Test
    void valuesAreParsedAsJsonWhenTheyAreJson() {
        Config config = new Config().fromPrefixedEnv("APP", Map.of(
                "APP_PORT", "5",
                "APP_DEBUG", "true",
                "APP_RATIO", "1.5",
                "APP_HOSTS", "[1,2]",
                "APP_DB", "{\"HOST\": \"db\", \"PORT\": 5432}",
                "APP_QUOTED", "\"5\"",
                "APP_BIG", "123456789012345678901234567890"));

        assertEquals(5, config.require("PORT"));
        assertEquals(true, config.require("DEBUG"));
        assertEquals(1.5, config.require("RATIO"));
        assertEquals(List.of(1, 2), config.require("HOSTS"));
        assertEquals(Map.of("HOST", "db", "PORT", 5432), config.require("DB"));
        assertEquals("5", config.require("QUOTED"));
        assertEquals(new BigInteger("123456789012345678901234567890"), config.require("BIG"));
    }

    @Test
    void valuesThatAreNotJsonStayStrings() {
        Config config = new Config().fromPrefixedEnv("APP", Map.of(
                "APP_DATABASE", "/srv/app.sqlite",
                "APP_SECRET_KEY", "dev key",
                "APP_ZIP", "007",
                "APP_TWO", "1 2",
                "APP_EMPTY", "",
                "APP_BROKEN", "[1,"));

        assertEquals("/srv/app.sqlite", config.require("DATABASE"));
        assertEquals("dev key", config.require("SECRET_KEY"));
        assertEquals("007", config.require("ZIP"));
        assertEquals("1 2", config.require("TWO"));
        assertEquals("", config.require("EMPTY"));
        assertEquals("[1,", config.require("BROKEN"));
    }

    @Test
    void jsonNullRemovesTheKey() {
        Config config = new Config().fromPrefixedEnv("APP", Map.of("APP_APPLICATION_ROOT", "null"));

        assertFalse(config.contains("APPLICATION_ROOT"));
    }

    @Test
    void aDoubleUnderscoreSetsAKeyInsideAMapCreatingIt() {
        Config config = new Config()
                .fromMap(Map.of("DB", Map.of("HOST", "localhost", "PORT", 5432)))
                .fromPrefixedEnv("APP", Map.of("APP_DB__HOST", "db.internal", "APP_CACHE__REDIS__PORT", "6379"));

        assertEquals(Map.of("HOST", "db.internal", "PORT", 5432), config.map("DB"));
        assertEquals(Map.of("REDIS", Map.of("PORT", 6379)), config.map("CACHE"));
        assertEquals(Optional.of("environment variable APP_DB__HOST"), config.source("DB"));
    }

    @Test
    void aDoubleUnderscoreIntoAValueThatIsNotAMapFailsNamingBoth() {
        Config config = new Config().put("DB", "sqlite");

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> config.fromPrefixedEnv("APP", Map.of("APP_DB__HOST", "db")));
        assertEquals("Environment variable APP_DB__HOST sets a key inside 'DB', but 'DB' holds a String (from "
                + "Config.put), not a map. Rename the variable, or make 'DB' a JSON object.", error.getMessage());
        assertEquals("sqlite", config.string("DB"));
    }

    @Test
    void variablesApplyInSortedOrderSoNestedOnesLandOnTheirMap() {
        Config config = new Config().fromPrefixedEnv("APP",
                Map.of("APP_DB__HOST", "db", "APP_DB", "{\"PORT\": 1}"));

        assertEquals(Map.of("PORT", 1, "HOST", "db"), config.map("DB"));
    }

    @Test
    void onlyUpperCaseKeysAreTaken() {
        Config config = new Config().fromPrefixedEnv("APP",
                Map.of("APP_lower", "1", "APP_", "2", "APP_A____B", "3", "APP_OK", "4"));

        assertEquals(List.of("OK"), config.keys().stream().filter(key -> !new Config().contains(key)).toList());
    }

    @Test
    void theMissingKeyMessageNamesTheVariablesThePrefixesWouldRead() {
        Config config = new Config().fromPrefixedEnv("FLASKR", Map.of()).fromPrefixedEnv("CARAFE", Map.of());

        Config.MissingKey error = assertThrows(Config.MissingKey.class, () -> config.string("DATABASE"));
        assertEquals("Missing required config key 'DATABASE'. Set it with app.config().put(\"DATABASE\", ...), in a "
                + "config file loaded with fromProperties/fromJson, or in the environment as FLASKR_DATABASE or "
                + "CARAFE_DATABASE (prefixes given to fromPrefixedEnv).", error.getMessage());
    }

    @Test
    void aPrefixMustBeUpperCaseWithoutItsUnderscore() {
        for (String prefix : List.of("", "flaskr", "FLASKR_")) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> new Config().fromPrefixedEnv(prefix, Map.of()));
            assertEquals("The environment prefix '" + prefix + "' is not usable: give the upper-case name before the "
                    + "underscore, for example fromPrefixedEnv(\"FLASKR\") for FLASKR_DATABASE.", error.getMessage());
        }
    }

    @Test
    void theProcessEnvironmentIsReadWhenNoMapIsGiven() {
        Config config = new Config().fromPrefixedEnv("CARAFE_CONFIG_TEST_UNSET_PREFIX");

        assertTrue(config.keys().containsAll(new Config().keys()));
        assertEquals(new Config().keys(), config.keys());
    }
}
