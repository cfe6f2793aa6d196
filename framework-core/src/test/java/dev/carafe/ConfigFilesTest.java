package dev.carafe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFilesTest {

    @TempDir
    Path dir;

    @Test
    void aPropertiesFileSetsItsUpperCaseKeysAsStrings() throws IOException {
        Path file = Files.writeString(dir.resolve("app.properties"),
                "# deployment\nDATABASE=/srv/app.sqlite\nMAX_FORM_PARTS = 200\nGREETING=Grüß dich\nlower=x\n");

        Config config = new Config().fromProperties(file);

        assertEquals("/srv/app.sqlite", config.string("DATABASE"));
        assertEquals("200", config.require("MAX_FORM_PARTS"));
        assertEquals(200, config.integer("MAX_FORM_PARTS"));
        assertEquals("Grüß dich", config.string("GREETING"));
        assertFalse(config.contains("lower"));
        assertEquals(Optional.of("file " + file.toAbsolutePath()), config.source("DATABASE"));
    }

    @Test
    void aJsonFileKeepsTypesNestedObjectsAndArrays() throws IOException {
        Path file = Files.writeString(dir.resolve("config.json"), "{\"DEBUG\": true, \"MAX_FORM_PARTS\": 200, "
                + "\"DB\": {\"HOST\": \"db\", \"PORT\": 5432}, \"SECRET_KEY_FALLBACKS\": [\"old\"], "
                + "\"APPLICATION_ROOT\": null, \"lower\": 1}");

        Config config = new Config().fromJson(file);

        assertEquals(true, config.require("DEBUG"));
        assertEquals(200, config.require("MAX_FORM_PARTS"));
        assertEquals(Map.of("HOST", "db", "PORT", 5432), config.map("DB"));
        assertEquals(List.of("old"), config.strings("SECRET_KEY_FALLBACKS"));
        assertFalse(config.contains("APPLICATION_ROOT"));
        assertFalse(config.contains("lower"));
        assertEquals(Optional.of("file " + file.toAbsolutePath()), config.source("DB"));
    }

    @Test
    void aWrongTypeFromAFileNamesTheFile() throws IOException {
        Path file = Files.writeString(dir.resolve("config.json"), "{\"DEBUG\": \"maybe\"}");
        Config config = new Config().fromJson(file);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> config.bool("DEBUG"));
        assertEquals("Config key 'DEBUG' has the value \"maybe\" (from file " + file.toAbsolutePath() + "), which is "
                + "not a boolean; expected true or false, or the strings \"true\", \"false\", \"1\" or \"0\".",
                error.getMessage());
    }

    @Test
    void malformedJsonFailsWithLineAndColumn() throws IOException {
        Path file = Files.writeString(dir.resolve("config.json"), "{\n  \"DEBUG\": tru\n}");

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new Config().fromJson(file));
        String start = "Cannot read config file " + file + ": it is not valid JSON (line 2, column 12): ";
        assertTrue(error.getMessage().startsWith(start), error.getMessage());
        assertTrue(error.getMessage().length() > start.length(), "Jackson's reason follows");
    }

    @Test
    void aJsonFileMustHoldAnObject() throws IOException {
        Path file = Files.writeString(dir.resolve("config.json"), "[1, 2]");

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new Config().fromJson(file));
        assertEquals("Cannot read config file " + file + ": it must hold a JSON object of keys and values, such as "
                + "{\"SECRET_KEY\": \"...\"}, but holds an array.", error.getMessage());
    }

    @Test
    void aMissingFileFailsNamingItAndTheSilentAlternative() {
        Path file = dir.resolve("missing.properties");

        UncheckedIOException error = assertThrows(UncheckedIOException.class, () -> new Config().fromProperties(file));
        assertEquals("Cannot read config file " + file + ": there is no such file. Check the path (relative paths "
                + "start at the working directory " + Path.of("").toAbsolutePath() + "), or use fromInstanceFolder "
                + "to load config.properties or config.json only when present.", error.getMessage());
    }

    @Test
    void aFileWithTheWrongExtensionIsRefused() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new Config().fromJson(dir.resolve("config.properties")));
        assertEquals("Config file " + dir.resolve("config.properties") + " does not end with .json; use "
                + "fromProperties for a .properties file, or rename it.", error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Config().fromProperties(dir.resolve("a.json")));
    }

    @Test
    void aClasspathResourceIsReadLikeAFile() {
        Config config = new Config().fromResource("dev/carafe/config-test.properties");

        assertEquals("classpath.sqlite", config.string("DATABASE"));
        assertEquals(50, config.integer("MAX_FORM_PARTS"));
        assertFalse(config.contains("lower"));
        assertEquals(Optional.of("classpath resource dev/carafe/config-test.properties"), config.source("DATABASE"));
    }

    @Test
    void aMissingClasspathResourceFailsSayingWhereToPutIt() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new Config().fromResource("nowhere/app.properties"));
        assertEquals("Cannot read classpath resource 'nowhere/app.properties': it is not on the classpath. Put it "
                + "under src/main/resources (or src/test/resources for tests) and give its path without a leading "
                + "slash, for example \"config/app.properties\".", error.getMessage());
    }

    @Test
    void theInstanceFolderConfigIsLoadedWhenPresentAndSkippedWhenAbsent() throws IOException {
        InstanceFolder instance = new InstanceFolder(dir.resolve("instance"));

        Config nothing = new Config().fromInstanceFolder(instance);
        assertEquals(new Config().asMap(), nothing.asMap());
        assertFalse(Files.exists(instance.path()));

        instance.create();
        Files.writeString(instance.path().resolve("config.properties"), "SECRET_KEY=from-properties\nA=1\n");
        Files.writeString(instance.path().resolve("config.json"), "{\"SECRET_KEY\": \"from-json\"}");
        Config config = new Config().fromInstanceFolder(instance);

        assertEquals("from-json", config.string("SECRET_KEY"));
        assertEquals(Optional.of("file " + instance.path().resolve("config.json")), config.source("SECRET_KEY"));
        assertEquals(Optional.of("file " + instance.path().resolve("config.properties")), config.source("A"));
    }
}
