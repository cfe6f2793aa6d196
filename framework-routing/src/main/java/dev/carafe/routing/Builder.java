package dev.carafe.routing;

import dev.carafe.routing.UrlBuildException.Reason;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** URL building: choose the endpoint's rule for the values and method, then write path, query and anchor. */
final class Builder {

    private Builder() {
    }

    static String build(Compiled compiled, String endpoint, Map<String, ?> values, UrlOptions options) {
        String target = compiled.aliases.getOrDefault(endpoint, endpoint);
        List<CompiledRule> rules = compiled.byEndpoint.get(target);
        if (rules == null) {
            Set<String> known = new TreeSet<>(compiled.byEndpoint.keySet());
            known.addAll(compiled.aliases.keySet());
            String best = Suggestions.closest(endpoint, known);
            throw new UrlBuildException(endpoint, Reason.NO_SUCH_ENDPOINT, "Cannot build a URL for endpoint '"
                    + endpoint + "': no such endpoint." + (best == null ? "" : " Did you mean '" + best + "'?"));
        }
        for (Object value : values.values()) {
            if (value == null) {
                values = withoutNulls(values);
                break;
            }
        }
        String method = options.method().map(m -> m.toUpperCase(Locale.ROOT)).orElse(null);
        CompiledRule.BadValue bad = null;
        for (int pass = method == null ? 0 : 1; pass < 2; pass++) {
            String wanted = pass == 0 ? "GET" : method;
            for (CompiledRule rule : rules) {
                if (wanted != null && !rule.accepts(wanted) || !rule.suitable(values)) {
                    continue;
                }
                try {
                    return write(compiled, rule, values, options);
                } catch (CompiledRule.BadValue e) {
                    bad = bad == null ? e : bad;
                }
            }
        }
        throw failure(endpoint, target, rules, values, method, bad);
    }

    private static String write(Compiled compiled, CompiledRule rule, Map<String, ?> values, UrlOptions options) {
        String domain = rule.buildDomain(values);
        String path = rule.buildPath(values, true);
        String ruleHost = switch (compiled.mode) {
            case NONE -> null;
            case HOST -> domain;
            case SUBDOMAIN -> domain == null || domain.isEmpty() ? compiled.serverName
                    : domain + "." + compiled.serverName;
        };
        String currentHost = options.host().orElse(compiled.mode == Compiled.DomainMode.SUBDOMAIN
                ? compiled.serverName : null);
        boolean external = options.external()
                || ruleHost != null && currentHost != null && !ruleHost.equalsIgnoreCase(currentHost);
        StringBuilder url = new StringBuilder(64);
        if (external) {
            String host = ruleHost != null ? ruleHost : options.host().orElseThrow(() -> new UrlBuildException(
                    rule.rule.endpoint(), Reason.NO_HOST, "Cannot build an external URL for '" + rule.rule.endpoint()
                            + "': no host is known; pass UrlOptions.defaults().withHost(\"example.com\").asExternal()."));
            url.append(options.scheme()).append("://").append(host);
        }
        String script = options.scriptName();
        url.append(UrlText.path(script.endsWith("/") ? script.substring(0, script.length() - 1) : script, true));
        url.append(path);
        if (values.size() > rule.arguments.size() || !rule.arguments.containsAll(values.keySet())) {
            appendQuery(url, rule, values);
        }
        options.anchor().ifPresent(a -> url.append('#').append(UrlText.fragment(a)));
        return url.toString();
    }

    private static void appendQuery(StringBuilder url, CompiledRule rule, Map<String, ?> values) {
        char separator = '?';
        for (String key : new TreeSet<>(values.keySet())) {
            if (rule.arguments.contains(key)) {
                continue;
            }
            for (Object item : items(values.get(key))) {
                url.append(separator).append(UrlText.query(key)).append('=').append(UrlText.query(String.valueOf(item)));
                separator = '&';
            }
        }
    }

    private static List<Object> items(Object value) {
        List<Object> items = new ArrayList<>();
        if (value instanceof Iterable<?> iterable) {
            iterable.forEach(i -> {
                if (i != null) {
                    items.add(i);
                }
            });
        } else if (value instanceof Object[] array) {
            for (Object i : array) {
                if (i != null) {
                    items.add(i);
                }
            }
        } else {
            items.add(value);
        }
        return items;
    }

    private static UrlBuildException failure(String endpoint, String target, List<CompiledRule> rules,
            Map<String, ?> values, String method, CompiledRule.BadValue bad) {
        String name = endpoint.equals(target) ? "'" + endpoint + "'" : "'" + endpoint + "' (alias of '" + target + "')";
        if (bad != null) {
            CompiledRule owner = rules.stream().filter(r -> r.variables.contains(bad.variable)).findFirst().orElseThrow();
            return new UrlBuildException(endpoint, Reason.BAD_VALUE, "Cannot build a URL for " + name
                    + ": value "
                    + BuiltIns.describe(bad.value) + " for '" + bad.variable.name() + "' does not fit <"
                    + bad.variable.converterName().replace("default", "string") + ":" + bad.variable.name()
                    + "> (rule '" + owner.rule.pattern() + "'): " + bad.getMessage() + ".");
        }
        List<CompiledRule> candidates = rules.stream().filter(r -> method == null || r.accepts(method)).toList();
        if (candidates.isEmpty()) {
            Set<String> accepted = new LinkedHashSet<>();
            rules.forEach(r -> accepted.addAll(r.rule.methods()));
            return new UrlBuildException(endpoint, Reason.WRONG_METHOD, "Cannot build a URL for "
                    + name + " with method " + method
                    + ": its rules accept " + String.join(", ", accepted) + ". Pass one of those methods, or none.");
        }
        CompiledRule closest = candidates.get(0);
        for (CompiledRule r : candidates) {
            if (r.missing(values).size() < closest.missing(values).size()) {
                closest = r;
            }
        }
        List<String> missing = closest.missing(values);
        if (!missing.isEmpty()) {
            return new UrlBuildException(endpoint, Reason.MISSING_VALUE, "Cannot build a URL for "
                    + name + ": missing value"
                    + (missing.size() == 1 ? "" : "s") + " for "
                    + missing.stream().map(m -> "'" + m + "'").collect(Collectors.joining(", "))
                    + " (rule '" + closest.rule.pattern() + "').");
        }
        String conflicts = closest.rule.defaults().entrySet().stream()
                .filter(d -> values.containsKey(d.getKey()) && !CompiledRule.sameValue(values.get(d.getKey()), d.getValue()))
                .map(d -> "value " + values.get(d.getKey()) + " for '" + d.getKey() + "' differs from the default "
                        + d.getValue())
                .collect(Collectors.joining("; "));
        return new UrlBuildException(endpoint, Reason.DEFAULT_MISMATCH, "Cannot build a URL for "
                + name + ": " + conflicts + " of rule '"
                + closest.rule.pattern() + "', and no other rule of '" + target + "' takes that value.");
    }

    private static Map<String, ?> withoutNulls(Map<String, ?> values) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (v != null) {
                copy.put(k, v);
            }
        });
        return copy;
    }
}
