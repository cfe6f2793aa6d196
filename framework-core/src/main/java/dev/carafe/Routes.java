package dev.carafe;

import dev.carafe.routing.RedirectTarget;
import dev.carafe.routing.Rule;
import dev.carafe.routing.Router;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The App's routes: its router, the handler and {@link Scope} of each rule, and the patterns of the
 * default endpoint names. Rules come in through {@link Scope#route}, which adds prefixes and names.
 */
final class Routes {

    /** A variable in a rule: {@code <name>} or {@code <converter:name>} or {@code <converter(args):name>}. */
    private static final Pattern VARIABLE = Pattern.compile("<(?:[^<>:]*(?:\\([^)]*\\))?:)?\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*>");

    /**
     * What a matched rule leads to.
     *
     * @param handler the handler
     * @param name how errors name it: {@code 'users.show' (/users/<int:id>)}
     * @param scope the App or the blueprint registration the rule belongs to
     */
    record Target(Handler handler, String name, Scope scope) {
    }

    /** The methods a redirecting rule answers (HEAD with GET, OPTIONS always). */
    private static final List<String> REDIRECTED = List.of("GET", "POST", "PUT", "PATCH", "DELETE");

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
     * The pattern an endpoint was first registered with, when it is not {@code pattern}: two
     * patterns must not share a default endpoint name.
     *
     * @param endpoint the full endpoint name
     * @param pattern the full rule
     * @return the other pattern, or empty
     */
    Optional<String> earlierPattern(String endpoint, String pattern) {
        return Optional.ofNullable(patterns.get(endpoint)).filter(earlier -> !earlier.equals(pattern));
    }

    /**
     * Adds a rule and its handler.
     *
     * @param pattern the full rule text, prefix included
     * @param options the methods (at least one), the full endpoint name and the rule's options
     * @param handler the handler
     * @param scope the scope the rule belongs to
     * @return the rule added
     */
    Rule add(String pattern, RouteOptions options, Handler handler, Scope scope) {
        Objects.requireNonNull(pattern, "rule");
        Objects.requireNonNull(handler, () -> "handler of rule '" + pattern + "'");
        if (options.methods().isEmpty()) {
            throw new IllegalArgumentException("Rule '" + pattern + "' has no methods; give at least one, for example "
                    + "Set.of(\"GET\", \"POST\").");
        }
        String endpoint = options.endpoint().orElseThrow();
        Rule rule = Rule.of(pattern, endpoint).withMethods(options.methods().toArray(String[]::new))
                .withDefaults(options.defaults()).withStrictSlashes(options.strictSlashes())
                .withMergeSlashes(options.mergeSlashes());
        router.add(rule);
        patterns.putIfAbsent(endpoint, pattern);
        targets.put(rule, new Target(handler, "'" + endpoint + "' (" + pattern + ")", scope));
        return rule;
    }

    /**
     * Adds a rule that answers every method of {@link #REDIRECTED} with a 308 redirect to a target;
     * it has no handler.
     *
     * @param pattern the full rule text, prefix included
     * @param endpoint the full endpoint name
     * @param target the pattern or function, prefix included
     */
    void addRedirect(String pattern, String endpoint, RedirectTarget target) {
        router.add(Rule.of(pattern, endpoint).withMethods(REDIRECTED.toArray(String[]::new)).withRedirectTo(target));
        patterns.putIfAbsent(endpoint, pattern);
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
