package dev.carafe.benchmarks.routing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The baseline: a list of compiled regular expressions tried one after the other (what a simple
 * router does). It returns the same information as the real router: endpoint, typed values, 405.
 */
final class RegexListRouter {

    /** A match: endpoint and values, or no endpoint with the allowed methods. */
    record Result(String endpoint, Map<String, Object> values, List<String> allowed) {
    }

    private record Entry(Pattern pattern, List<String> methods, String endpoint, List<String> names,
            List<Boolean> ints, List<String> template) {
    }

    private static final Pattern VARIABLE = Pattern.compile("<(?:(int|string):)?([a-z_]+)>");

    private final List<Entry> entries = new ArrayList<>();
    private final Map<String, Entry> byEndpoint = new HashMap<>();

    RegexListRouter(List<ApiRoutes.Route> routes) {
        for (ApiRoutes.Route route : routes) {
            StringBuilder regex = new StringBuilder();
            List<String> names = new ArrayList<>();
            List<Boolean> ints = new ArrayList<>();
            List<String> template = new ArrayList<>();
            Matcher m = VARIABLE.matcher(route.pattern());
            int last = 0;
            while (m.find()) {
                String text = route.pattern().substring(last, m.start());
                regex.append(Pattern.quote(text));
                template.add(text);
                boolean isInt = "int".equals(m.group(1));
                regex.append("(").append(isInt ? "[0-9]+" : "[^/]+").append(")");
                names.add(m.group(2));
                ints.add(isInt);
                template.add(null);
                last = m.end();
            }
            regex.append(Pattern.quote(route.pattern().substring(last)));
            template.add(route.pattern().substring(last));
            Entry entry = new Entry(Pattern.compile(regex.toString()), route.methods(), route.endpoint(), names, ints,
                    template);
            entries.add(entry);
            byEndpoint.putIfAbsent(route.endpoint(), entry);
        }
    }

    Result match(String method, String path) {
        List<String> allowed = null;
        for (Entry entry : entries) {
            Matcher m = entry.pattern().matcher(path);
            if (!m.matches()) {
                continue;
            }
            if (!entry.methods().contains(method)) {
                if (allowed == null) {
                    allowed = new ArrayList<>();
                }
                allowed.addAll(entry.methods());
                continue;
            }
            Map<String, Object> values = new LinkedHashMap<>();
            for (int i = 0; i < entry.names().size(); i++) {
                String text = m.group(i + 1);
                values.put(entry.names().get(i), entry.ints().get(i) ? (Object) Integer.parseInt(text) : text);
            }
            return new Result(entry.endpoint(), values, List.of());
        }
        return new Result(null, Map.of(), allowed == null ? List.of() : allowed);
    }

    String build(String endpoint, Map<String, ?> values) {
        Entry entry = byEndpoint.get(endpoint);
        StringBuilder out = new StringBuilder();
        int variable = 0;
        for (String piece : entry.template()) {
            out.append(piece != null ? piece : String.valueOf(values.get(entry.names().get(variable++))));
        }
        return out.toString();
    }
}
