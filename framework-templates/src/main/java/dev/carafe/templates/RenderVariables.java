package dev.carafe.templates;

import dev.carafe.Config;
import dev.carafe.Request;
import dev.carafe.Session;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The variables of one render, without copying any: the model given to {@code render} first, then
 * the context processors' variables, then Flask's template context ({@code request},
 * {@code session}, {@code g}, {@code config}). Pebble looks up the globals registered on the
 * builder after these, so a model entry hides a global of the same name, as in Flask.
 */
final class RenderVariables implements LookupMap.Source {

    private final Map<String, ?> model;
    private final Map<String, ?> processed;
    private final RenderScope scope;
    private final Map<String, Object> config;
    private Map<String, Object> session;

    RenderVariables(Map<String, ?> model, Map<String, ?> processed, RenderScope scope, Map<String, Object> config) {
        this.model = model;
        this.processed = processed;
        this.scope = scope;
        this.config = config;
    }

    /** A read-only map of a config's keys, for {@code config['DEBUG']} and {@code config.DEBUG}. */
    static Map<String, Object> configView(Config config) {
        return new LookupMap(new LookupMap.Source() {
            @Override
            public Object value(String key) {
                return config.optional(key).orElse(null);
            }

            @Override
            public boolean has(String key) {
                return config.contains(key);
            }

            @Override
            public Set<String> keys() {
                return config.keys();
            }
        });
    }

    /** A read-only map of a request's session, opened (and marked accessed) only when a template reads it. */
    static Map<String, Object> sessionView(Request request) {
        return new LookupMap(new LookupMap.Source() {
            @Override
            public Object value(String key) {
                return request.session().get(key).orElse(null);
            }

            @Override
            public boolean has(String key) {
                return request.session().contains(key);
            }

            @Override
            public Set<String> keys() {
                Session session = request.session();
                return session.keys();
            }
        });
    }

    @Override
    public Object value(String key) {
        Object value = model.get(key);
        if (value != null || model.containsKey(key)) {
            return value;
        }
        if (!processed.isEmpty()) {
            value = processed.get(key);
            if (value != null || processed.containsKey(key)) {
                return value;
            }
        }
        return context(key);
    }

    @Override
    public boolean has(String key) {
        return model.containsKey(key) || processed.containsKey(key) || context(key) != null;
    }

    @Override
    public Set<String> keys() {
        Set<String> keys = new LinkedHashSet<>();
        for (String name : new String[] {"request", "session", "g", "config"}) {
            if (context(name) != null) {
                keys.add(name);
            }
        }
        keys.addAll(processed.keySet());
        keys.addAll(model.keySet());
        return keys;
    }

    /** Flask's template context, and the render's scope for the template functions. */
    private Object context(String key) {
        switch (key) {
            case "request":
                return scope.request().orElse(null);
            case "session":
                if (session == null && scope.request().isPresent()) {
                    session = sessionView(scope.request().get());
                }
                return session;
            case "g":
                return scope.request().map(Request::g).orElse(null);
            case "config":
                return config;
            case RenderScope.VARIABLE:
                return scope;
            default:
                return null;
        }
    }
}
