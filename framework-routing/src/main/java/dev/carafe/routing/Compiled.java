package dev.carafe.routing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The frozen router: the trie, the static-path table, and the rules of each endpoint in build order. */
final class Compiled {

    /** How the domain takes part in matching. */
    enum DomainMode { NONE, SUBDOMAIN, HOST }

    private static final RouteMatch NOT_FOUND = new RouteMatch.NotFound();

    /** Build order, as Werkzeug's: more arguments first, then more defaults, then registration order. */
    static final Comparator<CompiledRule> BUILD_ORDER = Comparator
            .comparingInt((CompiledRule r) -> -r.arguments.size())
            .thenComparingInt(r -> -r.rule.defaults().size())
            .thenComparingInt(r -> r.order);

    final DomainMode mode;
    final String serverName;
    private final Trie trie = new Trie();
    /** Domain, then exact path, then the static rules of that path in registration order. */
    private final Map<String, Map<String, CompiledRule[]>> staticPaths = new HashMap<>();
    final Map<String, List<CompiledRule>> byEndpoint;
    final Map<String, String> aliases;
    private final int maxVariables;

    Compiled(List<CompiledRule> rules, Map<String, String> aliases, DomainMode mode, String serverName) {
        this.mode = mode;
        this.serverName = serverName;
        this.aliases = Map.copyOf(aliases);
        Map<String, List<CompiledRule>> endpoints = new LinkedHashMap<>();
        int max = 0;
        for (CompiledRule rule : rules) {
            endpoints.computeIfAbsent(rule.rule.endpoint(), k -> new ArrayList<>()).add(rule);
            max = Math.max(max, rule.variables.size());
        }
        endpoints.replaceAll((k, list) -> {
            list.sort(BUILD_ORDER);
            return List.copyOf(list);
        });
        this.byEndpoint = Collections.unmodifiableMap(endpoints);
        this.maxVariables = max;
        for (CompiledRule rule : rules) {
            rule.defaultProviders = providers(rule);
            if (!rule.rule.buildOnly()) {
                trie.add(rule, mode == DomainMode.HOST);
            }
        }
        trie.seal();
        Map<String, Map<String, List<CompiledRule>>> paths = new HashMap<>();
        for (CompiledRule rule : rules) {
            boolean hostless = rule.domain == null && mode == DomainMode.HOST;
            if (rule.staticFound != null && !rule.rule.buildOnly() && !hostless) {
                String domain = rule.domain == null ? "" : rule.domain.staticText().toLowerCase(Locale.ROOT);
                paths.computeIfAbsent(domain, k -> new HashMap<>())
                        .computeIfAbsent(rule.rule.pattern(), k -> new ArrayList<>()).add(rule);
            }
        }
        paths.forEach((domain, byPath) -> {
            Map<String, CompiledRule[]> table = new HashMap<>();
            byPath.forEach((path, list) -> {
                if (list.stream().allMatch(r -> r.defaultProviders.isEmpty() && r.redirection == null)) {
                    table.put(path, list.toArray(new CompiledRule[0]));
                }
            });
            staticPaths.put(domain, table);
        });
    }

    /** Earlier rules of the same endpoint with defaults and the same arguments: matching this one redirects there. */
    private List<CompiledRule> providers(CompiledRule rule) {
        List<CompiledRule> out = new ArrayList<>();
        for (CompiledRule other : byEndpoint.get(rule.rule.endpoint())) {
            if (other == rule) {
                break;
            }
            if (!other.rule.buildOnly() && !other.rule.defaults().isEmpty() && other.arguments.equals(rule.arguments)) {
                out.add(other);
            }
        }
        return List.copyOf(out);
    }

    RouteMatch match(String method, String host, String path) {
        String domain = domain(host);
        if (domain == null) {
            return NOT_FOUND;
        }
        Map<String, CompiledRule[]> byPath = staticPaths.get(domain);
        if (byPath != null) {
            CompiledRule[] candidates = byPath.get(path);
            if (candidates != null) {
                for (CompiledRule rule : candidates) {
                    if (rule.accepts(method)) {
                        return rule.staticFound;
                    }
                }
            }
        }
        return search(method, domain, path);
    }

    Set<String> allowedMethods(String host, String path) {
        String domain = domain(host);
        if (domain == null) {
            return Set.of();
        }
        Search search = new Search("", path, maxVariables);
        search.find(trie.root, domain, start(path));
        return ordered(search.allowed());
    }

    private RouteMatch search(String method, String domain, String path) {
        int start = start(path);
        Search search = new Search(method, path, maxVariables);
        CompiledRule rule = search.find(trie.root, domain, start);
        if (search.slashRequired) {
            return new RouteMatch.Redirect("/" + path.substring(start) + "/");
        }
        if (rule != null) {
            return found(rule, search.values(), method);
        }
        Set<String> allowed = new LinkedHashSet<>(search.allowed());
        String rest = path.substring(start);
        if (rest.contains("//")) {
            String merged = rest.replaceAll("/{2,}", "/");
            Search again = new Search(method, merged, maxVariables);
            CompiledRule mergedRule = again.find(trie.root, domain, 0);
            if (again.slashRequired) {
                return new RouteMatch.Redirect("/" + merged + "/");
            }
            if (mergedRule != null && mergedRule.rule.mergeSlashes()) {
                return new RouteMatch.Redirect("/" + merged);
            }
            allowed.addAll(again.allowed());
        }
        return allowed.isEmpty() ? NOT_FOUND : new RouteMatch.MethodNotAllowed(ordered(allowed));
    }

    private RouteMatch found(CompiledRule rule, Object[] values, String method) {
        RouteMatch.Found found = rule.found(values);
        for (CompiledRule provider : rule.defaultProviders) {
            if (provider.accepts(method) && provider.suitable(found.values())) {
                Map<String, Object> merged = new LinkedHashMap<>(found.values());
                merged.putAll(provider.rule.defaults());
                return new RouteMatch.Redirect(provider.buildPath(merged, false));
            }
        }
        return rule.redirection == null ? found : rule.redirection.redirect(found.values());
    }

    private static int start(String path) {
        int start = 0;
        while (start < path.length() && path.charAt(start) == '/') {
            start++;
        }
        return start;
    }

    /**
     * The request's domain as rules see it: "" without domain matching, the subdomain, or the host;
     * null for a host outside the server name, which no rule matches.
     */
    private String domain(String host) {
        if (mode == DomainMode.NONE) {
            return "";
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (mode == DomainMode.HOST) {
            return h;
        }
        if (h.indexOf(':') >= 0 && serverName.indexOf(':') < 0) {
            h = h.substring(0, h.indexOf(':'));
        }
        if (h.equals(serverName)) {
            return "";
        }
        return h.endsWith("." + serverName) ? h.substring(0, h.length() - serverName.length() - 1) : null;
    }

    /** Allowed methods in the {@code Allow} order: HEAD with GET, alphabetical, OPTIONS last. */
    static Set<String> ordered(Set<String> methods) {
        if (methods.isEmpty()) {
            return Set.of();
        }
        Set<String> sorted = new TreeSet<>(methods);
        if (sorted.contains("GET")) {
            sorted.add("HEAD");
        }
        sorted.remove("OPTIONS");
        Set<String> out = new LinkedHashSet<>(sorted);
        out.add("OPTIONS");
        return Collections.unmodifiableSet(out);
    }
}
