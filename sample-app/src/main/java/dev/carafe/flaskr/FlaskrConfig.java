package dev.carafe.flaskr;

import dev.carafe.Config;
import dev.carafe.InstanceFolder;
import java.util.Map;
import java.util.Optional;

/**
 * flaskr's configuration, as its {@code create_app} sets it: defaults, then either the deployment's
 * own settings (the instance folder's {@code config.properties} or {@code config.json}, then the
 * {@code FLASKR_*} environment variables) or, in tests, the test's config.
 */
final class FlaskrConfig {

    /** The development secret key flaskr ships with: fine on a laptop, never in production. */
    static final String DEVELOPMENT_KEY = "dev";

    private FlaskrConfig() {
    }

    // tag::config[]
    static void load(Config config, InstanceFolder instance, Optional<Map<String, Object>> testConfig,
            Map<String, String> environment) {
        config.fromMap(Map.of(
                "SECRET_KEY", DEVELOPMENT_KEY,
                "DATABASE", instance.path().resolve("flaskr.sqlite").toString()));
        if (testConfig.isEmpty()) {
            config.fromInstanceFolder(instance)              // instance/config.properties or .json, if present
                    .fromPrefixedEnv("FLASKR", environment);   // FLASKR_SECRET_KEY, FLASKR_DATABASE, ...
        } else {
            config.fromMap(testConfig.get());                // the test's settings win
        }
    }
    // end::config[]

    /**
     * The warning to log when the App would sign its sessions with the development key outside
     * testing.
     *
     * @param config the loaded config
     * @return the warning, or empty when the key was changed or the App is in testing mode
     */
    static Optional<String> secretKeyWarning(Config config) {
        if (config.bool("TESTING") || !config.optionalString("SECRET_KEY").orElse("").equals(DEVELOPMENT_KEY)) {
            return Optional.empty();
        }
        String source = config.source("SECRET_KEY").orElse("unknown");
        return Optional.of("SECRET_KEY is flaskr's development key '" + DEVELOPMENT_KEY + "' (from " + source
                + "), so anyone can forge this app's session cookies and log in as any user. Before deploying,"
                + " set FLASKR_SECRET_KEY (or SECRET_KEY in instance/config.properties) to a long random value,"
                + " such as the output of: python3 -c 'import secrets; print(secrets.token_hex())'");
    }
}
