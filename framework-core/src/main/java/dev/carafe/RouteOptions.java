package dev.carafe;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The options of one route beyond its rule and handler, Flask's {@code @app.route(rule, **options)}:
 * {@code methods}, {@code endpoint}, {@code defaults}, {@code strict_slashes} and {@code merge_slashes}.
 * Immutable; each named method returns a changed copy.
 *
 * <pre>{@code
 * app.route("/users/", RouteOptions.of().withEndpoint("users").withDefaults(Map.of("page", 1)), listUsers);
 * app.route("/users/page/<int:page>", RouteOptions.of().withEndpoint("users"), listUsers);
 * app.route("/docs", RouteOptions.of().withMethods("GET", "POST").withStrictSlashes(false), docs);
 * }</pre>
 *
 * @param methods the HTTP methods, {@code GET} by default (which also answers {@code HEAD}; every
 *     route answers {@code OPTIONS})
 * @param endpoint the endpoint name; empty (the default) for the rule's default name
 * @param defaults values the handler receives in {@link Request#viewArgs()} as if the rule held
 *     them; none by default. URL building picks this rule when the given values equal them.
 * @param strictSlashes true by default: a rule ending in {@code /} redirects the path without it,
 *     and a rule without it does not match the path with it; false matches both forms alike
 * @param mergeSlashes true by default: a path with repeated slashes redirects to the merged one
 */
public record RouteOptions(Set<String> methods, Optional<String> endpoint, Map<String, Object> defaults,
        boolean strictSlashes, boolean mergeSlashes) {

    /**
     * Checks and copies the parts.
     *
     * @throws NullPointerException for a null part, method, default name or default value
     */
    public RouteOptions {
        Set<String> methodCopy = new LinkedHashSet<>();
        for (String method : Objects.requireNonNull(methods, "methods")) {
            methodCopy.add(Objects.requireNonNull(method, "method"));
        }
        methods = Collections.unmodifiableSet(methodCopy);
        Objects.requireNonNull(endpoint, "endpoint");
        Map<String, Object> defaultCopy = new LinkedHashMap<>();
        Objects.requireNonNull(defaults, "defaults").forEach((name, value) -> defaultCopy.put(
                Objects.requireNonNull(name, "default name"),
                Objects.requireNonNull(value, () -> "default '" + name + "' is null; leave it out instead")));
        defaults = Collections.unmodifiableMap(defaultCopy);
    }

    /** @return the options of a plain {@code app.get(rule, handler)}: GET, default endpoint, no defaults, strict */
    public static RouteOptions of() {
        return new RouteOptions(Set.of("GET"), Optional.empty(), Map.of(), true, true);
    }

    /**
     * A copy with other methods; it takes at least one.
     *
     * @param method for example {@code "GET"}; any case
     * @param more more methods, for example {@code "POST"}
     * @return the copy
     */
    public RouteOptions withMethods(String method, String... more) {
        Set<String> chosen = new LinkedHashSet<>();
        chosen.add(method);
        chosen.addAll(Arrays.asList(more));
        return new RouteOptions(chosen, endpoint, defaults, strictSlashes, mergeSlashes);
    }

    /**
     * A copy with an endpoint name of your choice; in a blueprint it is prefixed with the blueprint's name.
     *
     * @param endpoint for example {@code users}
     * @return the copy
     */
    public RouteOptions withEndpoint(String endpoint) {
        return new RouteOptions(methods, Optional.of(endpoint), defaults, strictSlashes, mergeSlashes);
    }

    /**
     * A copy with other defaults, Flask's {@code defaults={"page": 1}}.
     *
     * @param defaults names the rule does not hold (or holds) and the values the handler receives for them
     * @return the copy
     */
    public RouteOptions withDefaults(Map<String, ?> defaults) {
        return new RouteOptions(methods, endpoint, Collections.unmodifiableMap(defaults), strictSlashes, mergeSlashes);
    }

    /**
     * A copy with strict slashes on or off, Flask's {@code strict_slashes}.
     *
     * @param strict false to match both {@code /docs} and {@code /docs/} without a redirect
     * @return the copy
     */
    public RouteOptions withStrictSlashes(boolean strict) {
        return new RouteOptions(methods, endpoint, defaults, strict, mergeSlashes);
    }

    /**
     * A copy with slash merging on or off, Flask's {@code merge_slashes}.
     *
     * @param merge false to answer 404 rather than redirect {@code /a//b} to {@code /a/b}
     * @return the copy
     */
    public RouteOptions withMergeSlashes(boolean merge) {
        return new RouteOptions(methods, endpoint, defaults, strictSlashes, merge);
    }
}
