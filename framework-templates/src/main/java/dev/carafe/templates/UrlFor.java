package dev.carafe.templates;

import dev.carafe.LinkOptions;
import dev.carafe.Request;
import dev.carafe.gateway.Environ;
import dev.carafe.routing.UrlBuildException;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.extension.Function;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Flask's {@code url_for} in templates: {@code url_for('blog.update', id=post.id)}, the rule's
 * values by name, the others in the query string; {@code _external=true} for an absolute URL,
 * {@code _anchor='comments'} for a fragment, {@code _method='POST'} for the rule of a method, and
 * {@code _scheme='https'} (with {@code _external=true}, as in Flask) for the scheme. Inside a request the URL is built under the request's
 * mount point (as {@link Request#urlFor}); outside one, as {@link dev.carafe.App#urlFor}.
 *
 * <p>{@code url_for('static', filename='style.css')} uses the App's {@code static} endpoint when it
 * has one; without one it builds {@code <mount point>/static/style.css}, where the
 * {@code StaticFiles} middleware serves files by default.
 */
final class UrlFor implements Function {

    @Override
    public List<String> getArgumentNames() {
        return null;   // the endpoint by position, the rule's values by any name
    }

    @Override
    public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int line) {
        RenderScope scope = RenderScope.of(context, self, line);
        Object endpoint = args.containsKey("0") ? args.get("0") : args.get("endpoint");
        if (!(endpoint instanceof String name) || name.isEmpty()) {
            throw new PebbleException(null, "url_for needs an endpoint name as its first argument, for example "
                    + "url_for('blog.index'); got " + describe(endpoint), line, self.getName());
        }
        Map<String, Object> values = new LinkedHashMap<>();
        boolean external = false;
        Optional<String> anchor = Optional.empty();
        LinkOptions link = LinkOptions.of();
        for (Map.Entry<String, Object> arg : args.entrySet()) {
            String key = arg.getKey();
            if (key.equals("0") || key.equals("endpoint") && !args.containsKey("0")) {
                continue;
            }
            if (Character.isDigit(key.charAt(0))) {
                throw new PebbleException(null, "url_for('" + name + "', ...) takes one positional argument, the "
                        + "endpoint; pass the rule's values by name, for example url_for('blog.update', id=post.id)",
                        line, self.getName());
            }
            if (key.equals("_external")) {
                external = Truthiness.of(arg.getValue());
            } else if (key.equals("_anchor")) {
                anchor = Optional.ofNullable(arg.getValue()).map(String::valueOf);
            } else if (key.equals("_method") && arg.getValue() != null) {
                link = link.withMethod(String.valueOf(arg.getValue()));
            } else if (key.equals("_scheme") && arg.getValue() != null) {
                link = link.withScheme(String.valueOf(arg.getValue()));
            } else if (key.startsWith("_")) {
                throw new PebbleException(null, "url_for('" + name + "', ...) does not know the option '" + key
                        + "'; it knows _external, _anchor, _method and _scheme", line, self.getName());
            } else if (arg.getValue() != null) {
                values.put(key, arg.getValue());
            }
        }
        if (link.scheme().isPresent() && !external) {
            throw new PebbleException(null, "url_for('" + name + "', _scheme=...) builds an absolute URL: add "
                    + "_external=true, as Flask requires", line, self.getName());
        }
        String url = build(scope, name, values, external ? link.asExternal() : link, self, line);
        return anchor.map(fragment -> url + "#" + quote(fragment)).orElse(url);
    }

    private static String build(RenderScope scope, String endpoint, Map<String, Object> values, LinkOptions link,
            PebbleTemplate self, int line) {
        Optional<Request> request = scope.request();
        try {
            if (request.isEmpty()) {
                return scope.app().urlFor(endpoint, values, link);
            }
            return request.get().urlFor(endpoint, values, link);
        } catch (UrlBuildException e) {
            if (endpoint.equals("static") && e.reason() == UrlBuildException.Reason.NO_SUCH_ENDPOINT
                    && values.get("filename") instanceof String filename) {
                return staticUrl(request, filename, values);
            }
            throw new PebbleException(e, "url_for('" + endpoint + "') failed: " + e.getMessage(), line,
                    self.getName());
        }
    }

    /** The StaticFiles middleware's default place: {@code <mount point>/static/<filename>?<other values>}. */
    private static String staticUrl(Optional<Request> request, String filename, Map<String, Object> values) {
        StringBuilder url = new StringBuilder(request.map(Request::scriptRoot).orElse(""))
                .append("/static/").append(quote(filename.startsWith("/") ? filename.substring(1) : filename));
        char separator = '?';
        for (Map.Entry<String, Object> value : values.entrySet()) {
            if (!value.getKey().equals("filename")) {
                url.append(separator).append(URLEncoder.encode(value.getKey(), StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(String.valueOf(value.getValue()), StandardCharsets.UTF_8));
                separator = '&';
            }
        }
        return url.toString();
    }

    private static String quote(String text) {
        return Environ.quotePath(new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
    }

    private static String describe(Object value) {
        return value == null ? "nothing (an undefined value?)" : value.getClass().getSimpleName() + " '" + value + "'";
    }
}
