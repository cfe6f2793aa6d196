package dev.carafe.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.carafe.Config;
import dev.carafe.InstanceFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the code of docs/config.md. */
class ConfigSnippetsTest {

    @TempDir
    Path dir;

    @Test
    void flaskrReadsItsInstanceConfigOutsideTests() throws IOException {
        InstanceFolder instance = new InstanceFolder(dir.resolve("instance"));
        instance.create();
        Files.writeString(instance.resolve("config.properties"), "SECRET_KEY=from-instance\n");

        Config config = ConfigSnippets.flaskrConfig(instance, Optional.empty());

        assertEquals("from-instance", config.string("SECRET_KEY"));
        assertEquals(instance.path().resolve("flaskr.sqlite").toString(), config.string("DATABASE"));
    }

    @Test
    void flaskrTestsReplaceTheInstanceConfig() throws IOException {
        InstanceFolder instance = new InstanceFolder(dir.resolve("instance"));
        instance.create();
        Files.writeString(instance.resolve("config.properties"), "SECRET_KEY=from-instance\n");

        Config config = ConfigSnippets.flaskrConfig(instance,
                Optional.of(Map.of("TESTING", true, "DATABASE", "test.sqlite")));

        assertEquals("dev", config.string("SECRET_KEY"));
        assertEquals("test.sqlite", config.string("DATABASE"));
        assertEquals(true, config.bool("TESTING"));
    }

    @Test
    void theLoadersStackUp() throws IOException {
        Path properties = Files.writeString(dir.resolve("settings.properties"), "MAX_FORM_PARTS=200\n");
        Path json = Files.writeString(dir.resolve("config.json"), "{\"DB\": {\"HOST\": \"db.internal\", \"PORT\": 5432}}");

        Config config = ConfigSnippets.loaders(properties, json);

        assertEquals(200, config.integer("MAX_FORM_PARTS"));
        assertEquals("classpath.sqlite", config.string("DATABASE"));
        assertEquals(20, config.integer("PAGE_SIZE"));
        assertEquals("app.sqlite 20 false 31 false [] {HOST=db.internal, PORT=5432}",
                ConfigSnippets.reads(config.put("DATABASE", "app.sqlite").put("DEBUG", false)));
    }

    @Test
    void theEnvironmentExampleSetsTypedValues() {
        Config config = ConfigSnippets.environment();

        assertEquals("/srv/flaskr/flaskr.sqlite", config.string("DATABASE"));
        assertEquals(16_777_216L, config.longValue("MAX_CONTENT_LENGTH"));
        assertFalse(config.bool("DEBUG"));
        assertEquals(List.of("old-key"), config.strings("SECRET_KEY_FALLBACKS"));
        assertEquals(Map.of("HOST", "db.internal"), config.map("DB"));
    }

    @Test
    void theNamespaceExampleTrimsThePrefix() {
        assertEquals(Map.of("TYPE", "fs", "PATH", "/var/app/images"), ConfigSnippets.namespace());
    }
}
