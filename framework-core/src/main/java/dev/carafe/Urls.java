package dev.carafe;

import dev.carafe.routing.Rule;
import dev.carafe.routing.UrlOptions;
import java.util.ArrayList;
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
    /** Flask's {@code url_defaults} functions, in registration order; set up before the App serves. */
    final List<UrlDefaults> defaults = new ArrayList<>();

    Urls(App app) {
        this.app = app;
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

    /** The values after the url-defaults functions; what they added that no rule of the endpoint uses is dropped. */
    private Map<String, ?> withDefaults(String endpoint, Map<String, ?> values) {
        Map<String, Object> filled = new LinkedHashMap<>(values);
        for (UrlDefaults function : defaults) {
            function.addDefaults(endpoint, filled);
        }
        Set<String> used = new HashSet<>();
        for (Rule rule : app.routes.router().rules()) {
            if (rule.endpoint().equals(endpoint)) {
                used.addAll(rule.defaults().keySet());
                used.addAll(RuleVariables.of(rule.pattern()).keySet());
                rule.host().or(rule::subdomain).ifPresent(host -> used.addAll(RuleVariables.of(host).keySet()));
            }
        }
        filled.keySet().removeIf(name -> !values.containsKey(name) && !used.contains(name));
        return filled;
    }
}
