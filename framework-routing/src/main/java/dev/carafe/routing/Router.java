package dev.carafe.routing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The URL map: rules added one by one during setup, each checked at once, then frozen for matching
 * and building. After freezing, matching and building are thread-safe and setup calls fail.
 *
 * <pre>{@code
 * Router router = new Router();
 * router.add(Rule.of("/", "blog.index"));
 * router.add(Rule.of("/<int:id>/update", "blog.update").withMethods("GET", "POST"));
 * router.alias("index", "blog.index");
 * router.freeze();
 * router.match("GET", "/7/update");               // Found blog.update {id=7}
 * router.build("blog.update", Map.of("id", 7));   // "/7/update"
 * }</pre>
 */
public final class Router {

    private final List<CompiledRule> rules = new ArrayList<>();
    private final Map<String, List<CompiledRule>> byKey = new HashMap<>();
    private final Map<String, String> aliases = new LinkedHashMap<>();
    private Converters converters = Converters.builtIns();
    private Compiled.DomainMode mode = Compiled.DomainMode.NONE;
    private String serverName = "";
    private volatile Compiled compiled;

    /** An empty router with the built-in converters, matching paths only (no host or subdomain). */
    public Router() {
    }

    /**
     * Registers a converter by name for the rules added after this call ({@code <name:variable>}).
     *
     * @param name the name, letters, digits and {@code _}; may replace a built-in
     * @param converter the converter
     * @return this router
     * @throws IllegalArgumentException when the name is not an identifier or the regex does not compile
     * @throws IllegalStateException after {@link #freeze()}
     */
    public synchronized Router converter(String name, Converter converter) {
        checkSetup("register converter '" + name + "'");
        converters = converters.with(name, converter);
        return this;
    }

    /**
     * Matches rules' subdomains against the part of the host before {@code serverName}.
     * Rules without a subdomain match the bare {@code serverName} only. Call before adding rules.
     *
     * @param serverName e.g. {@code example.com} (with {@code :port} if the Host header carries one)
     * @return this router
     * @throws IllegalStateException when rules were already added or the router is frozen
     */
    public synchronized Router subdomainMatching(String serverName) {
        setMode(Compiled.DomainMode.SUBDOMAIN, "subdomainMatching");
        this.serverName = serverName.toLowerCase(Locale.ROOT);
        return this;
    }

    /**
     * Matches rules' host patterns against the whole host. Rules without a host match any host,
     * after the rules that name one. Call before adding rules.
     *
     * @return this router
     * @throws IllegalStateException when rules were already added or the router is frozen
     */
    public synchronized Router hostMatching() {
        setMode(Compiled.DomainMode.HOST, "hostMatching");
        return this;
    }

    /**
     * Checks a rule and adds it.
     *
     * @param rule the rule
     * @return this router
     * @throws IllegalArgumentException for a bad pattern (naming the position and the fix), a host or
     *     subdomain the router's mode does not use, an endpoint already used as an alias, a rule
     *     that duplicates an earlier one for an overlapping method, or a redirect target that is
     *     malformed or needs a value the rule does not have
     * @throws IllegalStateException after {@link #freeze()}
     */
    public synchronized Router add(Rule rule) {
        Objects.requireNonNull(rule, "rule");
        checkSetup("add rule " + rule);
        if (aliases.containsKey(rule.endpoint())) {
            throw new IllegalArgumentException("Rule " + rule + " uses endpoint '" + rule.endpoint() + "', which is "
                    + "already an alias of '" + aliases.get(rule.endpoint()) + "'; rename the alias or the endpoint.");
        }
        Set<String> names = RuleParser.newNameSet();
        Part domain = domainPart(rule, names);
        List<Part> parts = RuleParser.path(rule.pattern(), rule.mergeSlashes(), converters, names);
        CompiledRule compiledRule = new CompiledRule(rule, rules.size(), domain, parts);
        if (rule.redirectTo().isPresent()) {
            compiledRule.redirection = Redirection.of(compiledRule, converters);
        }
        if (!rule.buildOnly()) {
            for (CompiledRule earlier : byKey.getOrDefault(compiledRule.key, List.of())) {
                Set<String> overlap = new java.util.LinkedHashSet<>(rule.methods());
                overlap.retainAll(earlier.accepted);
                if (!overlap.isEmpty()) {
                    throw new IllegalArgumentException("Rule '" + rule.pattern() + "' (" + String.join(", ", overlap)
                            + ") is already registered for endpoint '" + earlier.rule.endpoint()
                            + "'; cannot register it again for '" + rule.endpoint()
                            + "'. Use a different path or method, or remove one of the two.");
                }
            }
            byKey.computeIfAbsent(compiledRule.key, k -> new ArrayList<>()).add(compiledRule);
        }
        rules.add(compiledRule);
        return this;
    }

    /**
     * Makes {@code alias} a second name of {@code endpoint} for building URLs only; it adds no rule,
     * so nothing new matches. Flaskr's {@code index} is an alias of {@code blog.index}.
     *
     * @param alias the extra name
     * @param endpoint an endpoint that already has a rule
     * @return this router
     * @throws IllegalArgumentException when the alias is taken or the endpoint has no rule yet
     * @throws IllegalStateException after {@link #freeze()}
     */
    public synchronized Router alias(String alias, String endpoint) {
        checkSetup("add alias '" + alias + "'");
        boolean known = rules.stream().anyMatch(r -> r.rule.endpoint().equals(endpoint));
        if (!known) {
            throw new IllegalArgumentException("Cannot alias '" + alias + "' to '" + endpoint + "': no rule has that "
                    + "endpoint yet; add the rule first." + Suggestions.didYouMean(endpoint,
                    rules.stream().map(r -> r.rule.endpoint()).toList()).replace(" (", " ").replace("?)", "?"));
        }
        if (aliases.containsKey(alias) || rules.stream().anyMatch(r -> r.rule.endpoint().equals(alias))) {
            throw new IllegalArgumentException("Cannot alias '" + alias + "' to '" + endpoint + "': '" + alias
                    + "' is already " + (aliases.containsKey(alias) ? "an alias of '" + aliases.get(alias) + "'"
                    : "an endpoint with rules") + "; choose another name.");
        }
        aliases.put(alias, endpoint);
        return this;
    }

    /**
     * Ends setup: compiles the rules for matching. Idempotent; the first match or build does it too.
     *
     * @return this router
     */
    public synchronized Router freeze() {
        if (compiled == null) {
            compiled = new Compiled(rules, aliases, mode, serverName);
        }
        return this;
    }

    /**
     * The rules in registration order.
     *
     * @return an immutable list
     */
    public synchronized List<Rule> rules() {
        return rules.stream().map(r -> r.rule).toList();
    }

    /**
     * The aliases added with {@link #alias}, in the order they were added.
     *
     * @return an immutable map from each alias to the endpoint it names
     */
    public synchronized Map<String, String> aliases() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(aliases));
    }

    /**
     * Matches a request path, ignoring the host.
     *
     * @param method the HTTP method, upper case
     * @param path the decoded path ({@code PATH_INFO}), e.g. {@code /users/7}
     * @return the outcome
     */
    public RouteMatch match(String method, String path) {
        return match(method, "", path);
    }

    /**
     * Matches a request by method, host and path.
     *
     * @param method the HTTP method, upper case
     * @param host the request host, e.g. {@code api.example.com} (ignored unless the router matches
     *     subdomains or hosts)
     * @param path the decoded path ({@code PATH_INFO}), e.g. {@code /users/7}
     * @return the outcome
     */
    public RouteMatch match(String method, String host, String path) {
        return compiled().match(method, host, path);
    }

    /**
     * The methods the path accepts, for an automatic OPTIONS answer ({@code Allow} header order).
     *
     * @param host the request host (see {@link #match(String, String, String)})
     * @param path the decoded path
     * @return e.g. {@code [POST, OPTIONS]}; empty when no rule matches the path
     */
    public Set<String> allowedMethods(String host, String path) {
        return compiled().allowedMethods(host, path);
    }

    /**
     * Builds a relative URL. Same as {@code build(endpoint, values, UrlOptions.defaults())}.
     *
     * @param endpoint the endpoint or alias
     * @param values variable values; the rest become the query string
     * @return e.g. {@code /users/7?tab=posts}
     * @throws UrlBuildException when no rule fits
     */
    public String build(String endpoint, Map<String, ?> values) {
        return build(endpoint, values, UrlOptions.defaults());
    }

    /**
     * Builds a URL: values go through the rule's converters; other values become the query string
     * (sorted by name, a collection repeats its key, null values are left out).
     *
     * @param endpoint the endpoint or alias
     * @param values variable values and query parameters
     * @param options mount prefix, method, anchor, absolute URL
     * @return e.g. {@code https://example.com/app/users/7?tab=posts#top}
     * @throws UrlBuildException when no rule fits, naming what is missing or wrong
     */
    public String build(String endpoint, Map<String, ?> values, UrlOptions options) {
        return Builder.build(compiled(), endpoint, values, options);
    }

    private Compiled compiled() {
        Compiled c = compiled;
        return c != null ? c : freeze().compiled;
    }

    private Part domainPart(Rule rule, Set<String> names) {
        if (rule.host().isPresent() && mode != Compiled.DomainMode.HOST
                || rule.subdomain().isPresent() && mode != Compiled.DomainMode.SUBDOMAIN) {
            String what = rule.host().isPresent() ? "a host" : "a subdomain";
            throw new IllegalArgumentException("Rule " + rule + " has " + what + ", but the router does not match "
                    + (rule.host().isPresent() ? "hosts; call router.hostMatching()"
                    : "subdomains; call router.subdomainMatching(serverName)") + " before adding rules.");
        }
        if (rule.host().isPresent()) {
            return RuleParser.domain(rule.host().get(), "host", converters, names);
        }
        if (mode == Compiled.DomainMode.SUBDOMAIN) {
            return RuleParser.domain(rule.subdomain().orElse(""), "subdomain", converters, names);
        }
        return null;
    }

    private void setMode(Compiled.DomainMode newMode, String call) {
        checkSetup("call " + call + "()");
        if (!rules.isEmpty() || mode != Compiled.DomainMode.NONE) {
            throw new IllegalStateException("Cannot call " + call + "() after rules were added or another matching "
                    + "mode was chosen; choose the mode once, first, right after creating the router.");
        }
        mode = newMode;
    }

    private void checkSetup(String action) {
        if (compiled != null) {
            throw new IllegalStateException("Cannot " + action + ": the router is frozen (freeze() was called, or a "
                    + "URL was matched or built). Add every rule, alias and converter during setup, before the "
                    + "first request.");
        }
    }
}
