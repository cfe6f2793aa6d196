package dev.carafe;

import dev.carafe.routing.RedirectTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Where registrations go: the App itself, or one registration of a blueprint (its full dotted name
 * and its URL prefix), Flask's {@code BlueprintSetupState}. The App calls these methods at once for
 * its own routes and hooks; a {@link Blueprint} records the same calls and replays them on the
 * scope each registration creates, so both share one implementation of routes, controllers, views,
 * static files, hooks and error handlers.
 *
 * <p>Every scope keeps its own hooks and error handlers. When the App freezes, {@link #freeze()}
 * combines them with the enclosing scopes' into what a request under this scope runs: the App's
 * before-functions first, then the outer blueprint's, then this one's; after and teardown functions
 * in the reverse order; error handlers innermost first.
 */
final class Scope {

    private final Routes routes;
    private final Blueprints blueprints;
    private final Optional<Scope> parent;
    private final Optional<Blueprint> blueprint;
    private final Optional<String> name;
    private final String prefix;
    final Hooks hooks;
    final ErrorHandlers errorHandlers;
    private Hooks requestHooks;
    private List<ErrorHandlers> handlerChain;

    private Scope(Routes routes, Blueprints blueprints, Optional<Scope> parent, Optional<Blueprint> blueprint,
            Optional<String> name, String prefix, Hooks hooks, ErrorHandlers errorHandlers) {
        this.routes = routes;
        this.blueprints = blueprints;
        this.parent = parent;
        this.blueprint = blueprint;
        this.name = name;
        this.prefix = prefix;
        this.hooks = hooks;
        this.errorHandlers = errorHandlers;
    }

    /** The App's own scope: no name, no prefix, the App's hooks and error handlers. */
    static Scope root(Routes routes, Blueprints blueprints, Hooks hooks, ErrorHandlers errorHandlers) {
        return new Scope(routes, blueprints, Optional.empty(), Optional.empty(), Optional.empty(), "", hooks,
                errorHandlers);
    }

    /**
     * A blueprint registered inside this scope.
     *
     * @param registered the blueprint
     * @param ownName the blueprint's name (or the one its registration gives), without dots
     * @param ownPrefix its URL prefix, {@code ""} for none
     * @return the new scope: name {@code this.name + "." + ownName}, prefix joined to this one's
     * @throws IllegalArgumentException when the blueprint is already registered in this scope's chain
     */
    Scope child(Blueprint registered, String ownName, String ownPrefix) {
        for (Optional<Scope> s = Optional.of(this); s.isPresent(); s = s.get().parent) {
            if (s.get().blueprint.filter(b -> b == registered).isPresent()) {
                throw new IllegalArgumentException("Blueprint '" + registered.name() + "' is nested in itself ("
                        + qualified(ownName) + "): nested blueprints must not form a cycle.");
            }
        }
        return new Scope(routes, blueprints, Optional.of(this), Optional.of(registered),
                Optional.of(qualified(ownName)), join(prefix, ownPrefix), new Hooks(), new ErrorHandlers());
    }

    /** @return the full dotted name of the blueprint registration, empty for the App */
    Optional<String> name() {
        return name;
    }

    /** @return the URL prefix of every rule in this scope, {@code ""} for none */
    String prefix() {
        return prefix;
    }

    /** @return the blueprint registrations of the App this scope belongs to */
    Blueprints blueprints() {
        return blueprints;
    }

    /** @return the App's scope at the top of this one's chain */
    Scope root() {
        return parent.map(Scope::root).orElse(this);
    }

    /**
     * Joins a URL prefix and a rule as Flask does: {@code /auth} and {@code /login} give
     * {@code /auth/login}, {@code /auth/} and {@code /} give {@code /auth/}, an empty side gives
     * the other.
     */
    static String join(String prefix, String rule) {
        if (prefix.isEmpty()) {
            return rule;
        }
        if (rule.isEmpty()) {
            return prefix;
        }
        int end = prefix.length();
        while (end > 0 && prefix.charAt(end - 1) == '/') {
            end--;
        }
        int start = 0;
        while (start < rule.length() && rule.charAt(start) == '/') {
            start++;
        }
        return prefix.substring(0, end) + "/" + rule.substring(start);
    }

    /** An endpoint of this scope: {@code login} in blueprint {@code auth} is {@code auth.login}. */
    String qualified(String endpoint) {
        return name.map(n -> n + "." + endpoint).orElse(endpoint);
    }

    /**
     * Adds a route under this scope's prefix and name.
     *
     * @param rule the rule as given, before the prefix
     * @param options the methods, the endpoint within the scope (empty for the default name of
     *     {@code rule}) and the rule's options
     * @param handler the handler
     */
    void route(String rule, RouteOptions options, Handler handler) {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(options, "options");
        String full = join(prefix, rule);
        routes.add(full, options.withEndpoint(endpointName(rule, full, options.endpoint())), handler, this);
    }

    /**
     * Adds a rule that redirects (308) every method to a target, both under this scope's prefix.
     *
     * @param rule the rule as given, before the prefix
     * @param target a pattern or a function giving a path from the scope's prefix
     */
    void redirect(String rule, RedirectTarget target) {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(target, "target");
        String full = join(prefix, rule);
        RedirectTarget prefixed = target;
        if (!prefix.isEmpty() && target instanceof RedirectTarget.RulePattern pattern) {
            prefixed = new RedirectTarget.RulePattern(join(prefix, pattern.pattern()));
        } else if (!prefix.isEmpty() && target instanceof RedirectTarget.Computed computed) {
            prefixed = new RedirectTarget.Computed(values -> {
                String path = computed.function().apply(values);
                return path != null && path.startsWith("/") ? join(prefix, path) : path;
            });
        }
        routes.addRedirect(full, endpointName(rule, full, Optional.empty()), prefixed);
    }

    /** The full endpoint of a rule: the one given, or the rule's default name unless another rule has it. */
    private String endpointName(String rule, String full, Optional<String> endpoint) {
        String local = endpoint.orElseGet(() -> Routes.defaultEndpoint(rule));
        String endpointName = qualified(local);
        if (endpoint.isEmpty()) {
            routes.earlierPattern(endpointName, full).ifPresent(earlier -> {
                throw new IllegalArgumentException("Rule '" + full + "' gets the default endpoint '" + endpointName
                        + "', which rule '" + earlier + "' already has. Name one of them: "
                        + name.map(n -> "blueprint").orElse("app") + ".route(\"" + rule + "\", methods, \"" + local
                        + ".other\", handler).");
            });
        }
        return endpointName;
    }

    /** Adds a route for methods, with an endpoint within the scope or the rule's default name, and no other options. */
    void route(String rule, Set<String> methods, Optional<String> endpoint, Handler handler) {
        route(rule, new RouteOptions(methods, endpoint, Map.of(), true, true), handler);
    }

    /** Adds the annotated methods of a controller object as routes of this scope. */
    void controller(Object controller) {
        for (ControllerRoute route : ControllerScanner.scan(Objects.requireNonNull(controller, "controller"))) {
            route(route.rule(), route.options(), route.handler());
        }
    }

    /** Adds a class-based view: one rule, one handler per HTTP method the view defines. */
    void view(String rule, Optional<String> endpoint, Object view) {
        Objects.requireNonNull(rule, "rule");
        ViewHandler handler = ViewHandler.of(view, rule);
        route(rule, handler.methods(), endpoint, handler);
    }

    /** Serves a static folder at {@code urlPath/<path:filename>} under this scope, endpoint {@code static}. */
    void staticFiles(StaticFolder folder, String urlPath) {
        route(join(urlPath, "/<path:filename>"), Set.of("GET"), Optional.of("static"), folder::send);
    }

    /**
     * Whether a request path falls under this scope's prefix, for the 404 and 405 answers a
     * blueprint owns: {@code /api} owns {@code /api} and {@code /api/...}, not {@code /apis}.
     * A scope without a prefix (or with {@code /}) owns nothing.
     */
    boolean owns(String path) {
        String p = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        return !p.isEmpty() && path.startsWith(p) && (path.length() == p.length() || path.charAt(p.length()) == '/');
    }

    /** Combines hooks and error handlers with the enclosing scopes'; parents freeze before children. */
    void freeze() {
        if (parent.isEmpty()) {
            requestHooks = hooks;
            handlerChain = List.of(errorHandlers);
            return;
        }
        Scope outer = parent.get();
        requestHooks = Hooks.concat(outer.requestHooks(), hooks);
        List<ErrorHandlers> chain = new ArrayList<>();
        chain.add(errorHandlers);
        chain.addAll(outer.handlerChain());
        handlerChain = List.copyOf(chain);
    }

    /** @return the request hooks a request under this scope runs, App's first (after {@link #freeze()}) */
    Hooks requestHooks() {
        return Objects.requireNonNull(requestHooks, "scope not frozen");
    }

    /** @return the error handlers tried for a request under this scope, innermost first */
    List<ErrorHandlers> handlerChain() {
        return Objects.requireNonNull(handlerChain, "scope not frozen");
    }

    @Override
    public String toString() {
        return name.map(n -> "blueprint '" + n + "'").orElse("the App");
    }
}
