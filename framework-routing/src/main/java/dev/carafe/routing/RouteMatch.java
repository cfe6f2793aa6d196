package dev.carafe.routing;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What {@link Router#match} found for a method and path: switch over it exhaustively.
 *
 * <pre>{@code
 * switch (router.match("GET", "/users/7")) {
 *     case RouteMatch.Found f -> views.get(f.endpoint()).handle(f.values());
 *     case RouteMatch.Redirect r -> redirect(r.status(), r.location(scriptName, query));
 *     case RouteMatch.MethodNotAllowed m -> error(405, "Allow: " + String.join(", ", m.allowed()));
 *     case RouteMatch.NotFound n -> error(404);
 * }
 * }</pre>
 */
public sealed interface RouteMatch {

    /**
     * A rule matched.
     *
     * @param rule the rule
     * @param values the typed variable values then the rule's defaults, in rule order, immutable
     */
    record Found(Rule rule, Map<String, Object> values) implements RouteMatch {
        /**
         * Checks the components.
         */
        public Found {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(values, "values");
        }

        /**
         * The endpoint of the rule.
         *
         * @return e.g. {@code users.show}
         */
        public String endpoint() {
            return rule.endpoint();
        }
    }

    /** No rule matches the path (404). */
    record NotFound() implements RouteMatch {
    }

    /**
     * Some rule matches the path but none accepts the method (405).
     *
     * @param allowed the methods the path accepts, for the {@code Allow} header: HEAD where GET is,
     *     OPTIONS always, OPTIONS last
     */
    record MethodNotAllowed(Set<String> allowed) implements RouteMatch {
        /**
         * Checks the components.
         */
        public MethodNotAllowed {
            Objects.requireNonNull(allowed, "allowed");
        }
    }

    /**
     * The canonical URL is another path: answer a 308 redirect (the method and body are kept).
     * It happens for a missing trailing slash, repeated slashes, values equal to a rule's defaults,
     * and a rule with a redirect target ({@link Rule#withRedirectTo(String)}).
     *
     * @param path the canonical path, decoded like {@code PATH_INFO}
     */
    record Redirect(String path) implements RouteMatch {
        /**
         * Checks the components.
         */
        public Redirect {
            Objects.requireNonNull(path, "path");
        }

        /**
         * The redirect status: always 308 Permanent Redirect, as Werkzeug answers.
         *
         * @return 308
         */
        public int status() {
            return 308;
        }

        /**
         * The value of the {@code Location} header.
         *
         * @param scriptName the mount prefix ({@code SCRIPT_NAME}, decoded), {@code ""} at the root
         * @param queryString the raw query string to keep, {@code ""} for none
         * @return e.g. {@code /app/dir/?page=2}, percent-encoded
         */
        public String location(String scriptName, String queryString) {
            String prefix = UrlText.path(scriptName.endsWith("/") ? scriptName.substring(0, scriptName.length() - 1)
                    : scriptName, true);
            String location = prefix + UrlText.path(path, true);
            return queryString.isEmpty() ? location : location + "?" + queryString;
        }
    }
}
