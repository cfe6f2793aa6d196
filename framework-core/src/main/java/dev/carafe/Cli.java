package dev.carafe;

import dev.carafe.gateway.server.GatewayServer;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The App's command line, {@code app.cli(args)}: the built-in {@code help}, {@code run} and
 * {@code routes} commands and the App's own. Exit statuses: 0 success, 1 a failure (the server
 * could not start, a command threw), 2 a usage error (unknown command or option, bad value).
 */
final class Cli {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    static final String DEFAULT_HOST = "127.0.0.1";
    static final int DEFAULT_PORT = 5000;

    private static final String RUN_HELP = "Serve the App with Carafe's gateway server until SIGTERM or Ctrl-C.";
    private static final String ROUTES_HELP = "Show the App's routes: endpoint, methods, rule.";
    private static final String HELP_HELP = "Show the commands, or the help of one: help COMMAND.";

    private final App app;
    private final PrintStream out;
    private final PrintStream err;

    Cli(App app, PrintStream out, PrintStream err) {
        this.app = app;
        this.out = out;
        this.err = err;
    }

    /** A command line that does not fit: the message, and the command whose usage to show (empty: the list). */
    private static final class UsageError extends RuntimeException {

        private static final long serialVersionUID = 1L;
        private final transient Optional<String> command;

        UsageError(String message, Optional<String> command) {
            super(message, null, false, false);
            this.command = command;
        }
    }

    int run(String[] args) {
        List<String> words = Arrays.asList(args.clone());
        try {
            return dispatch(words);
        } catch (UsageError e) {
            err.println("Error: " + e.getMessage());
            err.print(e.command.map(this::commandHelp).orElseGet(this::usage));
            return USAGE;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int dispatch(List<String> words) {
        if (words.isEmpty()) {
            throw new UsageError("no command given.", Optional.empty());
        }
        String name = words.get(0);
        List<String> rest = words.subList(1, words.size());
        if (name.equals("help") || name.equals("--help") || name.equals("-h")) {
            return help(rest);
        }
        if (!name.equals("run") && !name.equals("routes") && !app.commands.all().containsKey(name)) {
            throw new UsageError("no such command '" + name + "'.", Optional.empty());
        }
        if (rest.contains("--help")) {
            out.print(commandHelp(name));
            return OK;
        }
        return switch (name) {
            case "run" -> run(rest);
            case "routes" -> routes(rest);
            default -> custom(name, rest);
        };
    }

    private int help(List<String> rest) {
        if (rest.isEmpty()) {
            out.print(usage());
            return OK;
        }
        String name = rest.get(0);
        if (rest.size() > 1 || !commandList().containsKey(name)) {
            throw new UsageError(rest.size() > 1 ? "help takes one command, got " + rest + "."
                    : "no such command '" + name + "'.", Optional.empty());
        }
        out.print(commandHelp(name));
        return OK;
    }

    private int run(List<String> rest) {
        String host = DEFAULT_HOST;
        int port = DEFAULT_PORT;
        boolean debug = false;
        CliOptions options = new CliOptions("run", rest, List.of("--host", "--port"), List.of("--debug"));
        for (CliOptions.Option option : options.parse()) {
            switch (option.name()) {
                case "--host" -> host = option.value();
                case "--port" -> port = options.port(option);
                default -> debug = true;
            }
        }
        try {
            if (debug) {
                app.debug(true);
            }
            serve(host, port);
            return OK;
        } catch (IOException | RuntimeException e) {
            err.println("Error: " + e.getMessage());
            return FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OK;
        }
    }

    /**
     * Serves the App until the server stops: a shutdown signal, or an interrupt of this thread
     * (which stops the server gracefully and is rethrown). {@code app.run} and the {@code run} command.
     */
    void serve(String host, int port) throws IOException, InterruptedException {
        GatewayServer server = app.start(host, port);
        server.stopOnShutdownSignal();
        out.println(" * Serving Carafe app on http://" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":"
                + server.port() + "/ (Ctrl-C to stop)");
        if (app.debug()) {
            out.println(" * Debug mode: on. Error pages show the stack trace and source lines to clients on this "
                    + "machine; never use it in production.");
        }
        out.flush();
        // After SIGTERM or Ctrl-C the JVM halts as soon as its shutdown hooks have run, maybe while
        // this thread is still waking up: then a hook of its own reports the stop, once the server's
        // graceful stop has ended.
        Thread reporter = new Thread(() -> {
            try {
                server.awaitTermination();
                reportStopped();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "carafe-cli-stopped");
        Runtime.getRuntime().addShutdownHook(reporter);
        try {
            server.awaitTermination();
        } catch (InterruptedException e) {
            server.close();
            throw e;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(reporter);
                reportStopped();
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook reports the stop
            }
        }
    }

    private void reportStopped() {
        out.println(" * Stopped.");
        out.flush();
    }

    private int routes(List<String> rest) {
        String sort = "endpoint";
        boolean allMethods = false;
        CliOptions options = new CliOptions("routes", rest, List.of("--sort"), List.of("--all-methods"));
        for (CliOptions.Option option : options.parse()) {
            if (option.name().equals("--sort")) {
                sort = options.oneOf(option, RoutesTable.SORTS);
            } else {
                allMethods = true;
            }
        }
        try {
            app.freeze();
        } catch (RuntimeException e) {
            err.println("Error: " + e.getMessage());
            return FAILED;
        }
        out.print(RoutesTable.render(app.routes.router(), sort, allMethods));
        return OK;
    }

    private int custom(String name, List<String> rest) {
        Command command = app.commands.all().get(name).command();
        try {
            app.freeze();
        } catch (RuntimeException e) {
            err.println("Error: " + e.getMessage());
            return FAILED;
        }
        AppContext context = app.appContext();
        Throwable failure = null;
        try {
            return command.run(new CommandContext(context, rest, out, err));
        } catch (Exception e) {
            failure = e;
            err.println("Error: command '" + name + "' failed: " + e);
            e.printStackTrace(err);
            return FAILED;
        } finally {
            context.close(Optional.ofNullable(failure));
        }
    }

    /** Every command and its one-line help, sorted by name. */
    private Map<String, String> commandList() {
        Map<String, String> list = new TreeMap<>();
        list.put("help", HELP_HELP);
        list.put("run", RUN_HELP);
        list.put("routes", ROUTES_HELP);
        app.commands.all().forEach((name, registered) -> list.put(name, registered.help()));
        return list;
    }

    /** The list of commands. */
    String usage() {
        Map<String, String> list = commandList();
        int width = list.keySet().stream().mapToInt(String::length).max().orElse(0);
        StringBuilder text = new StringBuilder("Usage: COMMAND [ARGS]...\n\nCommands:\n");
        list.forEach((name, help) -> text.append("  ").append(pad(name, width)).append("  ").append(help).append('\n'));
        return text.append("\nRun 'help COMMAND' or 'COMMAND --help' for the options of a command.\n").toString();
    }

    /** The help of one command: its usage line, its help, its options. */
    private String commandHelp(String name) {
        return switch (name) {
            case "run" -> """
                    Usage: run [--host HOST] [--port PORT] [--debug]

                      %s

                    Options:
                      --host HOST  the address to listen on, 0.0.0.0 for every interface (default %s)
                      --port PORT  the port, 0 for any free port (default %d)
                      --debug      debug mode: error pages with the stack trace and the source lines,
                                   for clients on this machine only; never in production
                    """.formatted(RUN_HELP, DEFAULT_HOST, DEFAULT_PORT);
            case "routes" -> """
                    Usage: routes [--sort endpoint|methods|rule] [--all-methods]

                      %s

                    Options:
                      --sort KEY     sort the rows by endpoint (default), methods or rule
                      --all-methods  also show HEAD and OPTIONS
                    """.formatted(ROUTES_HELP);
            case "help" -> "Usage: help [COMMAND]\n\n  " + HELP_HELP + "\n";
            default -> "Usage: " + name + " [ARGS]...\n\n  " + app.commands.all().get(name).help() + "\n";
        };
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }

    /** The options of a built-in command: {@code --name value}, {@code --name=value} and flags. */
    static final class CliOptions {

        /** An option given: its name and its value ({@code ""} for a flag). */
        record Option(String name, String value) {
        }

        private final String command;
        private final List<String> words;
        private final List<String> valued;
        private final List<String> flags;

        CliOptions(String command, List<String> words, List<String> valued, List<String> flags) {
            this.command = command;
            this.words = words;
            this.valued = valued;
            this.flags = flags;
        }

        List<Option> parse() {
            List<Option> options = new ArrayList<>();
            for (int i = 0; i < words.size(); i++) {
                String word = words.get(i);
                int equals = word.indexOf('=');
                String name = equals > 0 ? word.substring(0, equals) : word;
                if (flags.contains(name) && equals < 0) {
                    options.add(new Option(name, ""));
                } else if (valued.contains(name)) {
                    if (equals < 0 && i + 1 >= words.size()) {
                        throw error("option '" + name + "' needs a value.");
                    }
                    options.add(new Option(name, equals > 0 ? word.substring(equals + 1) : words.get(++i)));
                } else {
                    throw error(word.startsWith("-") ? "no such option '" + word + "' for command '" + command + "'."
                            : "command '" + command + "' takes no argument '" + word + "'.");
                }
            }
            return options;
        }

        int port(Option option) {
            try {
                int port = Integer.parseInt(option.value());
                if (port >= 0 && port <= 65535) {
                    return port;
                }
            } catch (NumberFormatException e) {
                // answered below, with the value
            }
            throw error("invalid value for '--port': '" + option.value() + "' is not a port number from 0 to 65535.");
        }

        String oneOf(Option option, List<String> choices) {
            if (!choices.contains(option.value())) {
                throw error("invalid value for '" + option.name() + "': '" + option.value() + "' is not one of "
                        + String.join(", ", choices) + ".");
            }
            return option.value();
        }

        private UsageError error(String message) {
            return new UsageError(message, Optional.of(command));
        }
    }
}
