package dev.carafe;

/**
 * A command of the App's command line, registered with {@code app.command(name, help, command)}
 * and run by {@code app.cli(args)}: flaskr's {@code init-db}.
 *
 * <pre>{@code
 * app.command("init-db", "Clear the existing data and create new tables.", context -> {
 *     Database.of(context.appContext()).initialize();
 *     context.out().println("Initialized the database.");
 *     return 0;
 * });
 * }</pre>
 *
 * <p>It runs inside an app context, closed after it (so {@code teardownAppContext} functions run).
 * See {@code docs/cli.md}.
 */
@FunctionalInterface
public interface Command {

    /**
     * Runs the command.
     *
     * @param context the arguments after the command's name, the output streams, the App
     * @return the exit status: 0 for success
     * @throws Exception a failure: {@code cli} prints it to the error stream and returns 1
     */
    int run(CommandContext context) throws Exception;
}
