package dev.carafe.routing;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** A checked rule: its parts, variables, accepted methods, and what building and matching need. */
final class CompiledRule {

    final Rule rule;
    final int order;
    /** The host or subdomain pattern, or null when the rule has none. */
    final Part domain;
    final List<Part> parts;
    /** Domain variables first, then path variables, in rule order. */
    final List<Part.Variable> variables;
    final Set<String> accepted;
    /** The variable names and the default names: what a build consumes before the query string. */
    final Set<String> arguments;
    /** For a rule without variables: the one result every match returns. */
    final RouteMatch.Found staticFound;
    /** Equal for rules that match the same URLs (variable names aside). */
    final String key;
    /** Per variable, the regex its built text must match; null for built-ins, whose toUrl checks it. */
    private final Pattern[] variablePatterns;
    /** The static texts of the path, percent-encoded, in order. */
    private final String[] encodedTexts;
    /** Earlier rules of the endpoint whose defaults make them the canonical URL (set when the router freezes). */
    List<CompiledRule> defaultProviders = List.of();
    /** Where a match redirects to (set when the rule is added); null for a rule that does not redirect. */
    Redirection redirection;

    CompiledRule(Rule rule, int order, Part domain, List<Part> parts) {
        this.rule = rule;
        this.order = order;
        this.domain = domain;
        this.parts = List.copyOf(parts);
        List<Part.Variable> vars = new ArrayList<>();
        if (domain != null) {
            vars.addAll(domain.variables());
        }
        parts.forEach(p -> vars.addAll(p.variables()));
        this.variables = List.copyOf(vars);
        Set<String> methods = new LinkedHashSet<>(rule.methods());
        if (methods.contains("GET")) {
            methods.add("HEAD");
        }
        this.accepted = Set.copyOf(methods);
        Set<String> args = new LinkedHashSet<>();
        vars.forEach(v -> args.add(v.name()));
        args.addAll(rule.defaults().keySet());
        this.arguments = Collections.unmodifiableSet(args);
        this.staticFound = vars.isEmpty() ? new RouteMatch.Found(rule, rule.defaults()) : null;
        StringBuilder k = new StringBuilder(domain == null ? "" : domain.key());
        parts.forEach(p -> k.append('/').append(p.key()));
        this.key = k.toString();
        this.variablePatterns = vars.stream().map(v -> trusted(v.converter()) ? null
                : Pattern.compile(v.converter().regex())).toArray(Pattern[]::new);
        List<String> encoded = new ArrayList<>();
        parts.forEach(p -> p.pieces().forEach(piece -> {
            if (piece instanceof Part.Text t) {
                encoded.add(UrlText.path(t.text(), true));
            }
        }));
        this.encodedTexts = encoded.toArray(new String[0]);
    }

    boolean accepts(String method) {
        return accepted.contains(method) || "OPTIONS".equals(method);
    }

    boolean endsWithSlash() {
        return rule.pattern().endsWith("/");
    }

    /** The result for converted values (in variable order): names to values, then the defaults. */
    RouteMatch.Found found(Object[] values) {
        if (staticFound != null) {
            return staticFound;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < variables.size(); i++) {
            map.put(variables.get(i).name(), values[i]);
        }
        map.putAll(rule.defaults());
        return new RouteMatch.Found(rule, Collections.unmodifiableMap(map));
    }

    /** Whether building from {@code values} may use this rule: every argument given, no default contradicted. */
    boolean suitable(Map<String, ?> values) {
        for (Part.Variable v : variables) {
            if (!values.containsKey(v.name()) && !rule.defaults().containsKey(v.name())) {
                return false;
            }
        }
        for (Map.Entry<String, Object> d : rule.defaults().entrySet()) {
            Object given = values.get(d.getKey());
            if (given != null && !sameValue(given, d.getValue())) {
                return false;
            }
        }
        return true;
    }

    List<String> missing(Map<String, ?> values) {
        List<String> missing = new ArrayList<>();
        for (Part.Variable v : variables) {
            if (!values.containsKey(v.name()) && !rule.defaults().containsKey(v.name())) {
                missing.add(v.name());
            }
        }
        return missing;
    }

    /** Writes the domain (host or subdomain) from the values; null when the rule has no domain. */
    String buildDomain(Map<String, ?> values) {
        if (domain == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        append(out, domain, values, new int[] {0, 0}, false);
        return out.toString();
    }

    /** Writes the path from the values, percent-encoded or (for redirects) decoded. */
    String buildPath(Map<String, ?> values, boolean encode) {
        StringBuilder out = new StringBuilder(32);
        int[] position = {domain == null ? 0 : domain.variables().size(), 0};
        for (Part part : parts) {
            out.append('/');
            append(out, part, values, position, encode);
        }
        return out.toString();
    }

    /** Appends a part; {@code position} holds the next variable index and, for the path, the next static text. */
    private void append(StringBuilder out, Part part, Map<String, ?> values, int[] position, boolean encode) {
        for (Part.Piece piece : part.pieces()) {
            if (piece instanceof Part.Text t) {
                out.append(encode ? encodedTexts[position[1]++] : t.text());
                continue;
            }
            int index = position[0]++;
            Part.Variable v = (Part.Variable) piece;
            Object value = values.containsKey(v.name()) ? values.get(v.name()) : rule.defaults().get(v.name());
            String text;
            try {
                text = v.converter().toUrl(value);
            } catch (IllegalArgumentException e) {
                throw new BadValue(v, value, e.getMessage());
            }
            if (text == null || variablePatterns[index] != null && !variablePatterns[index].matcher(text).matches()) {
                throw new BadValue(v, value, "it is written as '" + text + "', which does not match the converter's"
                        + " regex " + v.converter().regex());
            }
            out.append(encode ? UrlText.path(text, part.spanning()) : text);
        }
    }

    /** Built-in converters write only text their regex matches (or throw), so building skips the regex check. */
    private static boolean trusted(Converter converter) {
        return converter instanceof BuiltIns.Int || converter instanceof BuiltIns.Real
                || converter instanceof BuiltIns.Uuid || converter instanceof BuiltIns.Any
                || converter instanceof BuiltIns.Text;
    }

    /** Integral numbers compare by value ({@code 1} equals {@code 1L}); everything else by equals. */
    static boolean sameValue(Object a, Object b) {
        if (isIntegral(a) && isIntegral(b)) {
            return new BigInteger(a.toString()).equals(new BigInteger(b.toString()));
        }
        return a.equals(b);
    }

    private static boolean isIntegral(Object o) {
        return o instanceof Integer || o instanceof Long || o instanceof Short || o instanceof Byte
                || o instanceof BigInteger;
    }

    /** A converter refused a value while building; the builder turns it into a {@link UrlBuildException}. */
    static final class BadValue extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Part.Variable variable;
        final transient Object value;

        BadValue(Part.Variable variable, Object value, String reason) {
            super(reason, null, false, false);
            this.variable = variable;
            this.value = value;
        }
    }

    @Override
    public String toString() {
        return rule.toString();
    }
}
