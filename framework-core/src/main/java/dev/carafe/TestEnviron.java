package dev.carafe;

import dev.carafe.gateway.Application;
import dev.carafe.gateway.testing.TestClient;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The App's address for tests, as Flask's test client and {@code test_request_context} use it, and
 * the environ of the made-up {@code GET} request of {@link App#testRequestContext}: the test client's.
 */
final class TestEnviron {

    /** Answers nothing; the test client is only asked for the environ it builds. */
    private static final Application NO_CONTENT = (environ, startResponse) -> {
        startResponse.start("204 No Content", List.of());
        return List.of();
    };

    private TestEnviron() {
    }

    /**
     * Builds the environ the test client sends for {@code GET target} on the App's address ({@link #baseUrl}).
     *
     * @param target a path with an optional query, for example {@code /users/7?tab=posts}
     * @param overrides entries added or replaced last
     * @return a fresh mutable environ
     */
    static Map<String, Object> build(Config config, String target, Map<String, ?> overrides) {
        Objects.requireNonNull(target, "target");
        if (!target.startsWith("/")) {
            throw new IllegalArgumentException("The target '" + target + "' must start with '/', for example "
                    + "\"/users/7?tab=posts\".");
        }
        Map<String, Object> environ = new HashMap<>(client(NO_CONTENT, config).validator(false).echoErrors(false)
                .build().get(target).environ());
        environ.putAll(overrides);
        return environ;
    }

    /**
     * A gateway test client for an application on the App's address, Flask's test base URL:
     * {@code PREFERRED_URL_SCHEME://SERVER_NAME/APPLICATION_ROOT}, {@code localhost} without a name.
     *
     * @throws IllegalArgumentException when those keys make no URL, naming the three
     */
    static TestClient.Builder client(Application app, Config config) {
        String scheme = config.string("PREFERRED_URL_SCHEME");
        String host = config.optionalString("SERVER_NAME").orElse("localhost");
        String root = config.string("APPLICATION_ROOT");
        try {
            return TestClient.builder(app).baseUrl(scheme + "://" + host + (root.startsWith("/") ? root : "/" + root));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The test client cannot reach the App at the address its config gives "
                    + "(PREFERRED_URL_SCHEME \"" + scheme + "\", SERVER_NAME \"" + host + "\", APPLICATION_ROOT \""
                    + root + "\"): " + e.getMessage(), e);
        }
    }
}
