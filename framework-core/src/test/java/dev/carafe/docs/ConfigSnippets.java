package dev.carafe.docs;

import dev.carafe.Config;
import dev.carafe.InstanceFolder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The code of docs/config.md; ConfigSnippetsTest runs it. */
final class ConfigSnippets {

    private ConfigSnippets() {
    }

    // tag::flaskr[]
    static Config flaskrConfig(InstanceFolder instance, Optional<Map<String, Object>> testConfig) {
        Config config = new Config().fromMap(Map.of(
                "SECRET_KEY", "dev",
                "DATABASE", instance.resolve("flaskr.sqlite").toString()));   // creates the folder
        if (testConfig.isEmpty()) {
            config.fromInstanceFolder(instance)         // instance/config.properties or .json, if present
                    .fromPrefixedEnv("FLASKR");           // FLASKR_SECRET_KEY, FLASKR_DATABASE, ...
        } else {
            config.fromMap(testConfig.get());           // the tests' own settings win
        }
        return config;
    }
    // end::flaskr[]

    static Config loaders(Path settingsFile, Path jsonFile) {
        // tag::loaders[]
        Config config = new Config()                      // the built-in keys and their defaults
                .fromMap(Map.of("DATABASE", "app.sqlite", "PAGE_SIZE", 20))
                .fromResource("dev/carafe/config-test.properties")   // shipped in the jar
                .fromProperties(settingsFile)             // MAX_FORM_PARTS=200
                .fromJson(jsonFile)                       // {"DB": {"HOST": "db.internal", "PORT": 5432}}
                .put("TESTING", true);                    // one key, from code
        // end::loaders[]
        return config;
    }

    static Config environment() {
        // tag::environment[]
        Map<String, String> environment = Map.of(        // System.getenv() in production
                "FLASKR_DATABASE", "/srv/flaskr/flaskr.sqlite",
                "FLASKR_MAX_CONTENT_LENGTH", "16777216",   // JSON: the number 16777216
                "FLASKR_DEBUG", "false",                   // JSON: the boolean false
                "FLASKR_SECRET_KEY_FALLBACKS", "[\"old-key\"]",
                "FLASKR_DB__HOST", "db.internal");         // sets HOST inside the map DB
        Config config = new Config().fromPrefixedEnv("FLASKR", environment);
        // end::environment[]
        return config;
    }

    static String reads(Config config) {
        // tag::reads[]
        String database = config.string("DATABASE");
        int pageSize = config.integer("PAGE_SIZE");
        boolean debug = config.bool("DEBUG");
        Duration lifetime = config.duration("PERMANENT_SESSION_LIFETIME");     // 31 days
        Optional<String> secret = config.optionalString("SECRET_KEY");
        List<String> fallbacks = config.strings("SECRET_KEY_FALLBACKS");
        Map<String, Object> db = config.map("DB");
        // end::reads[]
        return database + " " + pageSize + " " + debug + " " + lifetime.toDays() + " " + secret.isPresent() + " "
                + fallbacks + " " + db;
    }

    static Map<String, Object> namespace() {
        // tag::namespace[]
        Config config = new Config()
                .put("IMAGE_STORE_TYPE", "fs")
                .put("IMAGE_STORE_PATH", "/var/app/images");
        Map<String, Object> imageStore = config.namespace("IMAGE_STORE_");   // {TYPE=fs, PATH=/var/app/images}
        // end::namespace[]
        return imageStore;
    }
}
