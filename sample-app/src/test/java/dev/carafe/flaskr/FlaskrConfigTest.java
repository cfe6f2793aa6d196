package dev.carafe.flaskr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carafe.Config;
import dev.carafe.InstanceFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlaskrConfigTest {

    @TempDir
    Path dir;

    @Test
    void defaultsAreTheDevelopmentKeyAndADatabaseInTheInstanceFolder() {
        Config config = load(Optional.empty(), Map.of());
        assertEquals("dev", config.string("SECRET_KEY"));
        assertEquals(dir.resolve("instance/flaskr.sqlite").toString(), config.string("DATABASE"));
    }

    @Test
    void theEnvironmentSetsTheDatabaseAndTheKey() {
        Config config = load(Optional.empty(), Map.of("FLASKR_DATABASE", "/srv/flaskr.sqlite",
                "FLASKR_SECRET_KEY", "192b9bdd22ab9ed4d12e236c78afcb9a"));
        assertEquals("/srv/flaskr.sqlite", config.string("DATABASE"));
        assertEquals("192b9bdd22ab9ed4d12e236c78afcb9a", config.string("SECRET_KEY"));
        assertEquals(Optional.empty(), FlaskrConfig.secretKeyWarning(config));
    }

    @Test
    void theInstanceFolderConfigIsReadAndTheEnvironmentWinsOverIt() throws IOException {
        Files.createDirectories(dir.resolve("instance"));
        Files.writeString(dir.resolve("instance/config.properties"), "SECRET_KEY=from-file\nDATABASE=/a.sqlite\n");
        Config config = load(Optional.empty(), Map.of("FLASKR_DATABASE", "/b.sqlite"));
        assertEquals("from-file", config.string("SECRET_KEY"));
        assertEquals("/b.sqlite", config.string("DATABASE"));
    }

    @Test
    void aTestConfigReplacesTheDeploymentsSettings() {
        Config config = load(Optional.of(Map.of("TESTING", true, "DATABASE", "/tmp/t.sqlite")),
                Map.of("FLASKR_DATABASE", "/srv/flaskr.sqlite"));
        assertEquals("/tmp/t.sqlite", config.string("DATABASE"));
        assertTrue(config.bool("TESTING"));
        assertEquals(Optional.empty(), FlaskrConfig.secretKeyWarning(config), "no warning in testing mode");
    }

    @Test
    void theDevelopmentKeyOutsideTestingIsWarnedAbout() {
        assertEquals(Optional.of("SECRET_KEY is flaskr's development key 'dev' (from Config.fromMap), so anyone can"
                + " forge this app's session cookies and log in as any user. Before deploying, set FLASKR_SECRET_KEY"
                + " (or SECRET_KEY in instance/config.properties) to a long random value, such as the output of:"
                + " python3 -c 'import secrets; print(secrets.token_hex())'"),
                FlaskrConfig.secretKeyWarning(load(Optional.empty(), Map.of())));
    }

    private Config load(Optional<Map<String, Object>> testConfig, Map<String, String> environment) {
        Config config = new Config();
        FlaskrConfig.load(config, new InstanceFolder(dir.resolve("instance")), testConfig, environment);
        return config;
    }
}
