package dev.carafe;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/** The App's own command-line commands, by name, checked when registered. */
final class Commands {

    /** The commands every App has; an App's own commands cannot take these names. */
    static final Set<String> BUILT_IN = Set.of("help", "run", "routes");

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]*");

    /** A registered command: its one-line help and its function. */
    record Registered(String help, Command command) {
    }

    private final Map<String, Registered> byName = new LinkedHashMap<>();

    void add(String name, String help, Command command) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(help, "help");
        Objects.requireNonNull(command, () -> "command of '" + name + "'");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("The command name '" + name + "' is not usable on a command line; use "
                    + "letters, digits, '-', '_', '.' and ':', starting with a letter or digit, for example \"init-db\".");
        }
        if (BUILT_IN.contains(name)) {
            throw new IllegalArgumentException("The command name '" + name + "' is taken by a built-in command ("
                    + String.join(", ", BUILT_IN.stream().sorted().toList()) + "); choose another name.");
        }
        if (byName.containsKey(name)) {
            throw new IllegalArgumentException("The command '" + name + "' is already registered (\""
                    + byName.get(name).help() + "\"); register each name once.");
        }
        if (help.isBlank() || help.contains("\n") || help.contains("\r")) {
            throw new IllegalArgumentException("The help of command '" + name + "' must be one non-blank line, as "
                    + "the command list shows it; got \"" + help + "\".");
        }
        byName.put(name, new Registered(help.strip(), command));
    }

    /** @return the commands in registration order */
    Map<String, Registered> all() {
        return Collections.unmodifiableMap(byName);
    }
}
