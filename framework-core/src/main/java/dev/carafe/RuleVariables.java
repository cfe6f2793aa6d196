package dev.carafe;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The variable names of a rule, to match them with handler parameters at setup. */
final class RuleVariables {

    /** {@code <name>}, {@code <converter:name>} or {@code <converter(args):name>}. */
    private static final Pattern VARIABLE = Pattern.compile("<(?:[^<>:]*(?:\\([^)]*\\))?:)?\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*>");

    private RuleVariables() {
    }

    /**
     * @param rule for example {@code /users/<int:id>/posts/<slug>}
     * @return the names in order, for example {@code [id, slug]}
     */
    static Set<String> of(String rule) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = VARIABLE.matcher(rule);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
