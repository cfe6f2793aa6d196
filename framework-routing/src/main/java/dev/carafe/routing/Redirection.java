package dev.carafe.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A rule's checked {@link RedirectTarget}: gives the {@link RouteMatch.Redirect} a match of the rule
 * is answered with. A target pattern is parsed when the rule is added; its variables without a
 * converter take the redirecting rule's converter of that name, as Werkzeug's {@code redirect_to} does.
 */
final class Redirection {

    private final Rule source;
    /** The parsed target pattern, built like a rule; null for a function. */
    private final CompiledRule target;
    /** The target function; null for a pattern. */
    private final Function<Map<String, Object>, String> function;

    private Redirection(Rule source, CompiledRule target, Function<Map<String, Object>, String> function) {
        this.source = source;
        this.target = target;
        this.function = function;
    }

    /**
     * Checks a rule's redirect target.
     *
     * @param rule the compiled redirecting rule, whose {@code redirectTo} is present
     * @param converters the converters a target pattern may name
     * @return the redirection
     * @throws IllegalArgumentException for a malformed pattern, or one needing a value the rule has not
     */
    static Redirection of(CompiledRule rule, Converters converters) {
        RedirectTarget redirectTo = rule.rule.redirectTo().orElseThrow();
        if (redirectTo instanceof RedirectTarget.Computed computed) {
            return new Redirection(rule.rule, null, computed.function());
        }
        String pattern = ((RedirectTarget.RulePattern) redirectTo).pattern();
        List<Part> parts = new ArrayList<>();
        for (Part part : RuleParser.path(pattern, "redirect target", converters, RuleParser.newNameSet())) {
            List<Part.Piece> pieces = new ArrayList<>();
            for (Part.Piece piece : part.pieces()) {
                pieces.add(piece instanceof Part.Variable v ? sourceConverter(rule, v, pattern) : piece);
            }
            parts.add(new Part(List.copyOf(pieces), part.spanning()));
        }
        return new Redirection(rule.rule, new CompiledRule(Rule.of(pattern, rule.rule.endpoint()), -1, null, parts),
                null);
    }

    /** The variable as the target writes it: with its own converter, or the source rule's of that name. */
    private static Part.Piece sourceConverter(CompiledRule rule, Part.Variable variable, String pattern) {
        if (!rule.arguments.contains(variable.name())) {
            throw new IllegalArgumentException("Rule " + rule.rule + " redirects to '" + pattern + "', which needs '"
                    + variable.name() + "', but the rule has no variable or default of that name; use "
                    + (rule.arguments.isEmpty() ? "no variables, or add it to the rule's defaults"
                    : "one of " + String.join(", ", rule.arguments)) + ".");
        }
        if (!variable.converterName().equals("default")) {
            return variable;
        }
        return rule.variables.stream().filter(v -> v.name().equals(variable.name())).findFirst()
                .<Part.Piece>map(v -> new Part.Variable(v.name(), v.converterName(), v.args(), v.converter()))
                .orElse(variable);
    }

    /**
     * The redirect for a match of the rule.
     *
     * @param values the matched values, variables then defaults
     * @return the redirect to the target path
     * @throws IllegalStateException when a value does not fit the target's converter, or the function
     *     returns something other than a path
     */
    RouteMatch.Redirect redirect(Map<String, Object> values) {
        if (function != null) {
            String path = function.apply(values);
            if (path == null || !path.startsWith("/")) {
                throw new IllegalStateException("The redirect function of rule " + source + " returned "
                        + (path == null ? "null" : "'" + path + "'") + " for " + values + "; return a path from the "
                        + "application's root, starting with '/'.");
            }
            return new RouteMatch.Redirect(path);
        }
        try {
            return new RouteMatch.Redirect(target.buildPath(values, false));
        } catch (CompiledRule.BadValue e) {
            throw new IllegalStateException("Rule " + source + " redirects to '" + target.rule.pattern()
                    + "', but the value " + BuiltIns.describe(e.value) + " of '" + e.variable.name()
                    + "' does not fit <" + e.variable.converterName().replace("default", "string") + ":"
                    + e.variable.name() + ">: " + e.getMessage() + ". Give the target the converter of the rule's "
                    + "variable, or leave the converter out to use it.", e);
        }
    }
}
