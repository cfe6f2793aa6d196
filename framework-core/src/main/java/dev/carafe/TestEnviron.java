package dev.carafe;

import dev.carafe.gateway.Application;
import dev.carafe.gateway.testing.TestClient;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The environ of the made-up {@code GET} request of {@link App#testRequestContext}: the test client's. */
final class TestEnviron {

    /** Answers nothing; the test client is only asked for the environ it builds. */
    private static final Application NO_CONTENT = (environ, startResponse) -> {
        startResponse.start("204 No Content", List.of());
        return List.of();
    };

    private TestEnviron() {
    }

    /**
     * Builds the environ the test client sends for {@code GET target} on {@code http://localhost}.
     *
     * @param target a path with an optional query, for example {@code /users/7?tab=posts}
     * @param overrides entries added or replaced last
     * @return a fresh mutable environ
     */
    static Map<String, Object> build(String target, Map<String, ?> overrides) {
        Objects.requireNonNull(target, "target");
        if (!target.startsWith("/")) {
            throw new IllegalArgumentException("The target '" + target + "' must start with '/', for example "
                    + "\"/users/7?tab=posts\".");
        }
        Map<String, Object> environ = new HashMap<>(TestClient.builder(NO_CONTENT).validator(false).echoErrors(false)
                .build().get(target).environ());
        environ.putAll(overrides);
        return environ;
    }
}
