package dev.carafe.routing;

import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Where a rule sends the requests it matches instead of handing them to its endpoint, Werkzeug's
 * {@code redirect_to}: the router answers {@link RouteMatch.Redirect} (308 Permanent Redirect) to
 * the path this target gives for the matched values.
 *
 * <pre>{@code
 * Rule.of("/users/<int:id>", "users.old").withRedirectTo("/people/<id>");
 * Rule.of("/p/<slug>", "posts.old").withRedirectTo(values -> "/posts/" + values.get("slug"));
 * }</pre>
 */
public sealed interface RedirectTarget {

    /**
     * A path written like a rule, from the application's root: each {@code <name>} is filled with
     * the matched value of that name (a variable or a default of the redirecting rule), written by
     * the converter the target names ({@code <int:id>}) or else by the redirecting rule's converter
     * of that variable. {@link Router#add} checks it.
     *
     * @param pattern for example {@code /people/<id>}
     */
    record RulePattern(String pattern) implements RedirectTarget {
        /**
         * Checks the component.
         */
        public RulePattern {
            Objects.requireNonNull(pattern, "redirect target");
        }
    }

    /**
     * A function of the matched values (variables then defaults) that returns the path to redirect
     * to, from the application's root, not percent-encoded: for example {@code /posts/caf\u00e9}.
     *
     * @param function the function; it must return a path starting with {@code /}
     */
    record Computed(Function<Map<String, Object>, String> function) implements RedirectTarget {
        /**
         * Checks the component.
         */
        public Computed {
            Objects.requireNonNull(function, "redirect function");
        }
    }
}
