package dev.carafe;

import java.util.Objects;

/**
 * One registration of a {@link Blueprint} on an App, as {@link App#blueprints()} lists them: the
 * same blueprint object registered twice under two names appears twice, and a nested blueprint
 * appears under its full dotted name after its parent.
 *
 * <pre>{@code
 * for (RegisteredBlueprint registered : app.blueprints()) {
 *     System.out.println(registered.name() + " at " + registered.urlPrefix());   // auth at /auth
 * }
 * }</pre>
 *
 * @param name the full dotted name endpoints start with, for example {@code api.v1}
 * @param urlPrefix the full URL prefix of its rules, for example {@code /api/v1}; {@code ""} for none
 * @param blueprint the blueprint registered
 */
public record RegisteredBlueprint(String name, String urlPrefix, Blueprint blueprint) {

    /**
     * Checks the parts.
     *
     * @throws NullPointerException if a part is {@code null}
     */
    public RegisteredBlueprint {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(urlPrefix, "urlPrefix");
        Objects.requireNonNull(blueprint, "blueprint");
    }
}
