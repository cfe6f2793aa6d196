package dev.carafe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ConfigSettingsTest {

    @Test
    void theDefaultsGiveTheAppsDefaultSettings() {
        Settings settings = new Settings();

        ConfigSettings.apply(new Config(), settings);

        assertFalse(settings.debug);
        assertFalse(settings.testing);
        assertEquals(Optional.empty(), settings.serverName);
        assertEquals("http", settings.scheme);
        assertEquals(BodyLimits.defaults(), settings.limits);
    }

    @Test
    void debugTestingServerNameAndLimitsComeFromTheConfig() {
        Config config = new Config().fromPrefixedEnv("FLASKR", Map.of(
                "FLASKR_DEBUG", "1", "FLASKR_TESTING", "true", "FLASKR_SERVER_NAME", "example.com",
                "FLASKR_PREFERRED_URL_SCHEME", "https", "FLASKR_MAX_CONTENT_LENGTH", "1048576",
                "FLASKR_MAX_FORM_MEMORY_SIZE", "1000", "FLASKR_MAX_FORM_PARTS", "10"));
        Settings settings = new Settings();

        ConfigSettings.apply(config, settings);

        assertTrue(settings.debug);
        assertTrue(settings.testing);
        assertEquals(Optional.of("example.com"), settings.serverName);
        assertEquals("https", settings.scheme);
        assertEquals(OptionalLong.of(1_048_576), settings.limits.maxContentLength());
        assertEquals(1000, settings.limits.maxFormMemorySize());
        assertEquals(10, settings.limits.maxFormParts());
        assertEquals(BodyLimits.DEFAULT_SPOOL_THRESHOLD, settings.limits.spoolThreshold());
    }

    @Test
    void removingMaxContentLengthLiftsAnEarlierLimit() {
        BodyLimits limited = BodyLimits.defaults().withMaxContentLength(10);

        BodyLimits limits = ConfigSettings.limits(new Config(), limited);

        assertEquals(OptionalLong.empty(), limits.maxContentLength());
    }

    @Test
    void anUnusableLimitNamesItsKeyAndSource() {
        Config config = new Config().fromPrefixedEnv("FLASKR", Map.of("FLASKR_MAX_FORM_PARTS", "0"));

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ConfigSettings.apply(config, new Settings()));
        assertEquals("Config key 'MAX_FORM_PARTS' (from environment variable FLASKR_MAX_FORM_PARTS) is not usable: "
                + "maxFormParts must be >= 1, but was 0", error.getMessage());
    }

    @Test
    void anUnusableServerNameNamesItsKeyAndSource() {
        Config config = new Config().put("SERVER_NAME", "http://example.com");

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ConfigSettings.apply(config, new Settings()));
        assertEquals("Config key 'SERVER_NAME' (from Config.put) is not usable: The server name 'http://example.com' "
                + "is not a host; give a host and an optional port, for example \"example.com\" or "
                + "\"localhost:5000\".", error.getMessage());
    }

    @Test
    void anUnknownUrlSchemeIsRefused() {
        Config config = new Config().put("PREFERRED_URL_SCHEME", "ftp");

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ConfigSettings.apply(config, new Settings()));
        assertEquals("Config key 'PREFERRED_URL_SCHEME' has the value \"ftp\" (from Config.put), which is not a URL "
                + "scheme Carafe builds; expected \"http\" or \"https\".", error.getMessage());
    }
}
