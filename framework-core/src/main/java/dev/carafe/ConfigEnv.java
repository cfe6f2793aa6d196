package dev.carafe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Flask's {@code from_prefixed_env}: which environment variables a prefix selects, what they set
 * and to which value.
 */
final class ConfigEnv {

    /** One variable's effect: the key path ({@code DB__HOST} is {@code [DB, HOST]}), the parsed value (null for JSON null), the variable. */
    record Assignment(List<String> path, Object value, String variable) {
    }

    private ConfigEnv() {
    }

    /**
     * Selects the variables named {@code PREFIX_KEY}, in sorted order, whose key is upper case.
     *
     * @throws IllegalArgumentException for a blank prefix or one with lower-case letters
     */
    static List<Assignment> assignments(String prefix, Map<String, String> environment) {
        checkPrefix(prefix);
        String start = prefix + "_";
        List<Assignment> assignments = new ArrayList<>();
        for (Map.Entry<String, String> variable : new TreeMap<>(environment).entrySet()) {
            String name = variable.getKey();
            if (!name.startsWith(start)) {
                continue;
            }
            String key = name.substring(start.length());
            List<String> path = Arrays.asList(key.split("__", -1));
            if (!ConfigKeys.upperCase(key) || path.stream().anyMatch(String::isEmpty)) {
                continue;
            }
            assignments.add(new Assignment(List.copyOf(path), ConfigFiles.parseOrKeep(variable.getValue()), name));
        }
        return assignments;
    }

    /**
     * Returns the top-level value after setting {@code path[1..]} inside it: maps on the way are
     * copied, missing ones created.
     *
     * @param current the key's current value, null when absent
     * @throws IllegalArgumentException when a step of the path holds a value that is not a map
     */
    static Object nested(Object current, Assignment assignment, String currentSource) {
        return nested(current, assignment, 1, currentSource);
    }

    private static Object nested(Object current, Assignment assignment, int depth, String currentSource) {
        List<String> path = assignment.path();
        if (depth == path.size()) {
            return assignment.value();
        }
        if (current != null && !(current instanceof Map)) {
            String at = String.join("__", path.subList(0, depth));
            throw new IllegalArgumentException("Environment variable " + assignment.variable() + " sets a key inside '"
                    + at + "', but '" + at + "' holds a " + current.getClass().getSimpleName() + " (from "
                    + currentSource + "), not a map. Rename the variable, or make '" + at + "' a JSON object.");
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        if (current != null) {
            ((Map<?, ?>) current).forEach((k, v) -> copy.put(String.valueOf(k), v));
        }
        String step = path.get(depth);
        Object inner = nested(copy.get(step), assignment, depth + 1, currentSource);
        if (inner == null) {
            copy.remove(step);
        } else {
            copy.put(step, inner);
        }
        return ConfigFiles.immutable(copy);
    }

    private static void checkPrefix(String prefix) {
        if (prefix.isBlank() || prefix.endsWith("_") || !prefix.equals(prefix.toUpperCase(Locale.ROOT))) {
            throw new IllegalArgumentException("The environment prefix '" + prefix + "' is not usable: give the "
                    + "upper-case name before the underscore, for example fromPrefixedEnv(\"FLASKR\") for "
                    + "FLASKR_DATABASE.");
        }
    }
}
