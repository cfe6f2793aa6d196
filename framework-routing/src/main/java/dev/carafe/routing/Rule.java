package dev.carafe.routing;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * One URL rule: a pattern such as {@code /users/<int:id>}, the endpoint it leads to, and its options.
 *
 * <p>Immutable; the {@code with...} methods return copies. {@link Router#add(Rule)} checks it.
 *
 * <pre>{@code
 * Rule update = Rule.of("/<int:id>/update", "blog.update").withMethods("GET", "POST");
 * Rule page = Rule.of("/page/", "page").withDefaults(Map.of("n", 1));
 * Rule moved = Rule.of("/users/<int:id>", "users.old").withRedirectTo("/people/<id>");
 * }</pre>
 *
 * @param pattern the rule text, starting with {@code /}
 * @param endpoint the name URLs are built from and views are registered under
 * @param methods the HTTP methods, upper case; HEAD is implied by GET and OPTIONS is always allowed
 * @param defaults values for the view that the pattern does not hold (insertion order kept)
 * @param host a host pattern such as {@code <user>.example.com}, for a router in host-matching mode
 * @param subdomain a subdomain pattern such as {@code <user>}, for a router in subdomain-matching mode
 * @param strictSlashes when true (the default) a rule ending in {@code /} redirects the path without
 *     it, and a rule without it does not match a path with it; when false both forms match
 * @param mergeSlashes when true (the default) a path with repeated slashes redirects to the merged one
 * @param buildOnly when true the rule never matches and only builds URLs
 * @param redirectTo when present, a match is answered with a 308 redirect to this target instead
 */
public record Rule(String pattern, String endpoint, Set<String> methods, Map<String, Object> defaults,
        Optional<String> host, Optional<String> subdomain, boolean strictSlashes, boolean mergeSlashes,
        boolean buildOnly, Optional<RedirectTarget> redirectTo) {

    /**
     * Checks and copies the components.
     *
     * @throws IllegalArgumentException when the endpoint is blank, a method is not an HTTP token or
     *     there are no methods, or a default key or value is null
     */
    public Rule {
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(subdomain, "subdomain");
        Objects.requireNonNull(redirectTo, "redirectTo");
        if (endpoint.isBlank()) {
            throw new IllegalArgumentException("Rule '" + pattern + "' has a blank endpoint; name it, e.g. 'users.show'.");
        }
        Set<String> upper = new LinkedHashSet<>();
        for (String m : methods) {
            if (m == null || !m.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
                throw new IllegalArgumentException("Rule '" + pattern + "' has an invalid method '" + m
                        + "'; use HTTP method names such as GET or POST.");
            }
            upper.add(m.toUpperCase(Locale.ROOT));
        }
        if (upper.isEmpty()) {
            throw new IllegalArgumentException("Rule '" + pattern + "' has no methods; give at least one, e.g. GET.");
        }
        methods = Collections.unmodifiableSet(upper);
        Map<String, Object> copy = new LinkedHashMap<>();
        defaults.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "default name"),
                Objects.requireNonNull(v, () -> "Rule '" + pattern + "': default '" + k + "' is null")));
        defaults = Collections.unmodifiableMap(copy);
    }

    /**
     * A GET rule with the default options.
     *
     * @param pattern the rule text, e.g. {@code /users/<int:id>}
     * @param endpoint the endpoint, e.g. {@code users.show}
     * @return the rule
     */
    public static Rule of(String pattern, String endpoint) {
        return new Rule(pattern, endpoint, Set.of("GET"), Map.of(), Optional.empty(), Optional.empty(),
                true, true, false, Optional.empty());
    }

    /**
     * A copy with these methods instead.
     *
     * @param methods HTTP method names, e.g. {@code "GET", "POST"}
     * @return the copy
     */
    public Rule withMethods(String... methods) {
        return new Rule(pattern, endpoint, new LinkedHashSet<>(Arrays.asList(methods)), defaults, host, subdomain,
                strictSlashes, mergeSlashes, buildOnly, redirectTo);
    }

    /**
     * A copy with these defaults instead.
     *
     * @param defaults values given to the view when the pattern does not hold them
     * @return the copy
     */
    public Rule withDefaults(Map<String, ?> defaults) {
        return new Rule(pattern, endpoint, methods, Collections.unmodifiableMap(defaults), host, subdomain,
                strictSlashes, mergeSlashes, buildOnly, redirectTo);
    }

    /**
     * A copy bound to a host pattern (for a router in host-matching mode).
     *
     * @param host e.g. {@code api.example.com} or {@code <tenant>.example.com}
     * @return the copy
     */
    public Rule withHost(String host) {
        return new Rule(pattern, endpoint, methods, defaults, Optional.of(host), subdomain, strictSlashes,
                mergeSlashes, buildOnly, redirectTo);
    }

    /**
     * A copy bound to a subdomain pattern (for a router in subdomain-matching mode).
     *
     * @param subdomain e.g. {@code api} or {@code <user>}
     * @return the copy
     */
    public Rule withSubdomain(String subdomain) {
        return new Rule(pattern, endpoint, methods, defaults, host, Optional.of(subdomain), strictSlashes,
                mergeSlashes, buildOnly, redirectTo);
    }

    /**
     * A copy with strict slashes on or off.
     *
     * @param strict false to match both {@code /dir} and {@code /dir/} without redirecting
     * @return the copy
     */
    public Rule withStrictSlashes(boolean strict) {
        return new Rule(pattern, endpoint, methods, defaults, host, subdomain, strict, mergeSlashes, buildOnly,
                redirectTo);
    }

    /**
     * A copy with slash merging on or off.
     *
     * @param merge false to answer 404 rather than redirect {@code //a///b} to {@code /a/b}
     * @return the copy
     */
    public Rule withMergeSlashes(boolean merge) {
        return new Rule(pattern, endpoint, methods, defaults, host, subdomain, strictSlashes, merge, buildOnly,
                redirectTo);
    }

    /**
     * A copy that never matches requests and only builds URLs (e.g. for pages another server serves).
     *
     * @return the copy
     */
    public Rule asBuildOnly() {
        return new Rule(pattern, endpoint, methods, defaults, host, subdomain, strictSlashes, mergeSlashes, true,
                redirectTo);
    }

    /**
     * A copy that redirects, Werkzeug's {@code redirect_to="..."}: a match answers 308 to the target
     * path, each {@code <name>} filled with the matched value (see {@link RedirectTarget.RulePattern}).
     *
     * @param target for example {@code /people/<id>}, from the application's root
     * @return the copy
     */
    public Rule withRedirectTo(String target) {
        return withRedirectTo(new RedirectTarget.RulePattern(target));
    }

    /**
     * A copy that redirects to the path a function computes from the matched values (see
     * {@link RedirectTarget.Computed}), Werkzeug's {@code redirect_to=function}.
     *
     * @param target returns the path, for example {@code values -> "/posts/" + values.get("slug")}
     * @return the copy
     */
    public Rule withRedirectTo(Function<Map<String, Object>, String> target) {
        return withRedirectTo(new RedirectTarget.Computed(target));
    }

    /**
     * A copy that redirects to a target.
     *
     * @param target a {@link RedirectTarget.RulePattern} or a {@link RedirectTarget.Computed}
     * @return the copy
     */
    public Rule withRedirectTo(RedirectTarget target) {
        return new Rule(pattern, endpoint, methods, defaults, host, subdomain, strictSlashes, mergeSlashes, buildOnly,
                Optional.of(target));
    }

    /**
     * The rule as messages show it.
     *
     * @return e.g. {@code '/users/<int:id>' (GET) -> users.show}
     */
    @Override
    public String toString() {
        return "'" + pattern + "' (" + String.join(", ", methods) + ") -> " + endpoint;
    }
}
