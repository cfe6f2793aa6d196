package dev.carafe;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The rules about config keys and file names: which keys load, which are secret, what a missing key's message says. */
final class ConfigKeys {

    private ConfigKeys() {
    }

    /** Whether a key counts as upper case: no lower-case letter, at least one upper-case one (Python's isupper). */
    static boolean upperCase(String key) {
        boolean upper = false;
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (Character.isLowerCase(c) || Character.isTitleCase(c)) {
                return false;
            }
            upper |= Character.isUpperCase(c);
        }
        return upper;
    }

    /** Whether a key's values are kept out of messages. */
    static boolean secret(String key) {
        String upper = key.toUpperCase(Locale.ROOT);
        return upper.contains("SECRET") || upper.contains("PASSWORD") || upper.contains("TOKEN");
    }

    /** The message of a missing key, naming the variables the prefixes given to fromPrefixedEnv would read. */
    static String missingMessage(String key, List<String> prefixes) {
        String environment;
        if (prefixes.isEmpty()) {
            environment = "or in the environment with a prefix loaded by fromPrefixedEnv, for example as CARAFE_" + key
                    + " with fromPrefixedEnv(\"CARAFE\").";
        } else {
            List<String> names = new ArrayList<>();
            prefixes.forEach(prefix -> names.add(prefix + "_" + key));
            String last = names.remove(names.size() - 1);
            environment = "or in the environment as " + (names.isEmpty() ? "" : String.join(", ", names) + " or ")
                    + last + (prefixes.size() == 1 ? " (prefix given to fromPrefixedEnv)." : " (prefixes given to "
                    + "fromPrefixedEnv).");
        }
        return "Missing required config key '" + key + "'. Set it with app.config().put(\"" + key + "\", ...), "
                + "in a config file loaded with fromProperties/fromJson, " + environment;
    }

    /** Refuses a file whose name does not end with the loader's extension. */
    static void requireExtension(Path file, String extension) {
        if (!file.getFileName().toString().endsWith(extension)) {
            boolean json = extension.equals(".json");
            throw new IllegalArgumentException("Config file " + file + " does not end with " + extension + "; use "
                    + (json ? "fromProperties" : "fromJson") + " for a " + (json ? ".properties" : ".json")
                    + " file, or rename it.");
        }
    }
}
