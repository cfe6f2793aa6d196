package dev.carafe;

import dev.carafe.routing.Rule;
import dev.carafe.routing.Router;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The App's routes: its router, the handler of each rule, and the default endpoint names. */
final class Routes {

    /** A variable in a rule: {@code <name>} or {@code <converter:name>} or {@code <converter(args):name>}. */
    private static final Pattern VARIABLE = Pattern.compile("<(?:[^<>:]*(?:\\([^)]*\\))?:)?\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*>");

    /** The handler of one rule and the name errors use for it. */
    record Target(Handler handler, String name) {
    }

    private final Router router = new Router();
    private final Map<Rule, Target> targets = new IdentityHashMap<>();
    /** Which pattern each endpoint was first registered with, to keep default names unique. */
    private final Map<String, String> patterns = new HashMap<>();

    Router router() {
        return router;
    }

    /**
     * The endpoint a rule gets when none is given: its segments joined with dots, a variable
     * standing for its name, {@code index} for {@code /}.
     *
     * @param pattern the rule, for example {@code /users/<int:id>/posts}
     * @return for example {@code users.id.posts}
     */
    static String defaultEndpoint(String pattern) {
        Matcher m = VARIABLE.matcher(pattern);
        String text = m.replaceAll(r -> Matcher.quoteReplacement(r.group(1)));
        StringBuilder name = new StringBuilder();
        for (String segment : text.split("/")) {
            if (!segment.isEmpty()) {
                name.append(name.length() == 0 ? "" : ".").append(segment);
            }
        }
        return name.length() == 0 ? "index" : name.toString();
    }

    /**
     * Adds a rule and its handler.
     *
     * @param pattern the rule text
     * @param methods the methods, at least one
     * @param endpoint the endpoint, or null for the default name
     * @param handler the handler
     * @return the rule added
     */
    Rule add(String pattern, Set<String> methods, String endpoint, Handler handler) {
        Objects.requireNonNull(pattern, "rule");
        Objects.requireNonNull(handler, () -> "handler of rule '" + pattern + "'");
        if (Objects.requireNonNull(methods, "methods").isEmpty()) {
            throw new IllegalArgumentException("Rule '" + pattern + "' has no methods; give at least one, for example "
                    + "Set.of(\"GET\", \"POST\").");
        }
        String name = endpoint != null ? endpoint : defaultEndpoint(pattern);
        String earlier = patterns.get(name);
        if (endpoint == null && earlier != null && !earlier.equals(pattern)) {
            throw new IllegalArgumentException("Rule '" + pattern + "' gets the default endpoint '" + name
                    + "', which rule '" + earlier + "' already has. Name one of them: app.route(\"" + pattern
                    + "\", methods, \"" + name + ".other\", handler).");
        }
        Rule rule = Rule.of(pattern, name).withMethods(new LinkedHashSet<>(methods).toArray(String[]::new));
        router.add(rule);
        patterns.putIfAbsent(name, pattern);
        targets.put(rule, new Target(handler, "'" + name + "' (" + pattern + ")"));
        return rule;
    }

    /**
     * The handler of a matched rule.
     *
     * @param rule a rule of this router
     * @return its target
     */
    Target target(Rule rule) {
        Target target = targets.get(rule);
        if (target == null) {
            throw new IllegalStateException("Rule " + rule + " matched but has no handler; this is a bug in Carafe.");
        }
        return target;
    }
}
