package dev.carafe;

import dev.carafe.routing.Rule;
import dev.carafe.routing.UrlOptions;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** URL building for one App: inside a request (mount point, host and scheme of the request) and outside. */
final class Urls {

    private final App app;
    /**
     * Flask's {@code url_defaults} functions by scope, set when the App freezes: {@code ""} for the
     * App's, a blueprint registration's full name for its own. Empty when there are none.
     */
    private volatile Map<String, List<UrlDefaults>> defaults = Map.of();
    /** For each endpoint, the value names its rules use; filled only when there are url-defaults functions. */
    private volatile Map<String, Set<String>> names = Map.of();

    Urls(App app) {
        this.app = app;
    }

    /** Takes the url-defaults functions of the App's scope and its blueprints' once setup ends (the router is frozen). */
    void freeze(Scope root, Blueprints blueprints) {
        Map<String, List<UrlDefaults>> byScope = new HashMap<>();
        if (!root.hooks.urlDefaults.isEmpty()) {
            byScope.put("", List.copyOf(root.hooks.urlDefaults));
        }
        for (Scope scope : blueprints.scopes()) {
            if (!scope.hooks.urlDefaults.isEmpty()) {
                byScope.put(scope.name().orElseThrow(), List.copyOf(scope.hooks.urlDefaults));
            }
        }
        if (byScope.isEmpty()) {
            return;
        }
        Map<String, Set<String>> used = new HashMap<>();
        for (Rule rule : app.routes.router().rules()) {
            Set<String> variables = used.computeIfAbsent(rule.endpoint(), e -> new HashSet<>());
            variables.addAll(rule.defaults().keySet());
            variables.addAll(RuleVariables.of(rule.pattern()).keySet());
            rule.host().or(rule::subdomain).ifPresent(host -> variables.addAll(RuleVariables.of(host).keySet()));
        }
        this.names = Map.copyOf(used);
        this.defaults = Map.copyOf(byScope);
    }

    /**
     * {@code app.urlFor}: the current request's URL when it belongs to this App; else under
     * {@code APPLICATION_ROOT}, absolute when a server name is set.
     */
    String forApp(String endpoint, Map<String, ?> values, LinkOptions link) {
        var context = RequestContext.find().filter(c -> c.app() == app);
        if (context.isPresent()) {
            return forRequest(context.get().request(), endpoint, values, link);
        }
        Settings settings = app.settings;
        UrlOptions options = UrlOptions.defaults().withScriptName(settings.applicationRoot);
        if (settings.serverName.isPresent()) {
            options = options.withScheme(link.scheme().orElse(settings.scheme)).withHost(settings.serverName.get())
                    .asExternal();
        } else if (link.external()) {
            throw new IllegalStateException("Cannot build an absolute URL for '" + endpoint + "' outside a request: "
                    + "the App has no server name to put in it. Set one with app.serverName(host, scheme) (or "
                    + "SERVER_NAME in the config), or build a path.");
        }
        return build(endpoint, values, linked(options, link));
    }

    /**
     * {@code request.urlFor}: under the request's mount point; absolute with its scheme and host when
     * asked; an endpoint with a leading dot is relative to the request's blueprint, as in Flask.
     */
    String forRequest(Request request, String endpoint, Map<String, ?> values, LinkOptions link) {
        UrlOptions options = UrlOptions.defaults().withScriptName(request.scriptRoot())
                .withScheme(link.scheme().orElse(request.scheme())).withHost(request.host());
        String absolute = endpoint;
        if (endpoint != null && endpoint.startsWith(".")) {
            absolute = request.blueprint().map(name -> name + endpoint).orElse(endpoint.substring(1));
        }
        return build(absolute, values, linked(link.external() ? options.asExternal() : options, link));
    }

    /** The router's options with the link's anchor and method. */
    private static UrlOptions linked(UrlOptions options, LinkOptions link) {
        UrlOptions anchored = link.anchor().map(options::withAnchor).orElse(options);
        return link.method().map(method -> anchored.withMethod(method.toUpperCase(Locale.ROOT))).orElse(anchored);
    }

    private String build(String endpoint, Map<String, ?> values, UrlOptions options) {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(values, () -> "values for endpoint '" + endpoint + "'; use Map.of() for none");
        return app.routes.router().build(endpoint, defaults.isEmpty() ? values : withDefaults(endpoint, values),
                options);
    }

    /**
     * The values after the url-defaults functions: the App's, then those of each blueprint the
     * endpoint's name lies in, outermost first ({@code a.b.view}: {@code a}, then {@code a.b}), as
     * Flask runs them. What they added that no rule of the endpoint uses is dropped.
     */
    private Map<String, ?> withDefaults(String endpoint, Map<String, ?> values) {
        Map<String, Object> filled = new LinkedHashMap<>(values);
        run(defaults.get(""), endpoint, filled);
        for (int dot = endpoint.indexOf('.'); dot > 0; dot = endpoint.indexOf('.', dot + 1)) {
            run(defaults.get(endpoint.substring(0, dot)), endpoint, filled);
        }
        Set<String> used = names.getOrDefault(endpoint, Set.of());
        filled.keySet().removeIf(name -> !values.containsKey(name) && !used.contains(name));
        return filled;
    }

    private static void run(List<UrlDefaults> functions, String endpoint, Map<String, Object> values) {
        if (functions != null) {
            for (UrlDefaults function : functions) {
                function.addDefaults(endpoint, values);
            }
        }
    }
}
