package dev.carafe;

import dev.carafe.routing.UrlOptions;
import java.util.Map;
import java.util.Objects;

/** URL building for one App: inside a request (mount point, host and scheme of the request) and outside. */
final class Urls {

    private final App app;

    Urls(App app) {
        this.app = app;
    }

    /** {@code app.urlFor}: the current request's URL when it belongs to this App, else from the settings. */
    String forApp(String endpoint, Map<String, ?> values) {
        var context = RequestContext.find().filter(c -> c.app() == app);
        if (context.isPresent()) {
            return forRequest(context.get().request(), endpoint, values, false);
        }
        Settings settings = app.settings;
        UrlOptions options = settings.serverName
                .map(host -> UrlOptions.defaults().withScheme(settings.scheme).withHost(host).asExternal())
                .orElse(UrlOptions.defaults());
        return build(endpoint, values, options);
    }

    /**
     * {@code request.urlFor}: under the request's mount point; absolute with its scheme and host when
     * asked; an endpoint with a leading dot is relative to the request's blueprint, as in Flask.
     */
    String forRequest(Request request, String endpoint, Map<String, ?> values, boolean external) {
        UrlOptions options = UrlOptions.defaults().withScriptName(request.scriptRoot())
                .withScheme(request.scheme()).withHost(request.host());
        String absolute = endpoint;
        if (endpoint != null && endpoint.startsWith(".")) {
            absolute = request.blueprint().map(name -> name + endpoint).orElse(endpoint.substring(1));
        }
        return build(absolute, values, external ? options.asExternal() : options);
    }

    private String build(String endpoint, Map<String, ?> values, UrlOptions options) {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(values, () -> "values for endpoint '" + endpoint + "'; use Map.of() for none");
        return app.routes.router().build(endpoint, values, options);
    }
}
