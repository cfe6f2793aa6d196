package dev.carafe;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * What a {@link Command} gets: the arguments that followed its name, where to print, and the App
 * with the app context the command runs in.
 *
 * <pre>{@code
 * app.command("greet", "Print a greeting: greet NAME.", context -> {
 *     if (context.args().size() != 1) {
 *         context.err().println("Usage: greet NAME");
 *         return 2;
 *     }
 *     context.out().println("Hello, " + context.args().get(0) + "!");
 *     return 0;
 * });
 * }</pre>
 */
public final class CommandContext {

    private final AppContext appContext;
    private final List<String> args;
    private final PrintStream out;
    private final PrintStream err;

    CommandContext(AppContext appContext, List<String> args, PrintStream out, PrintStream err) {
        this.appContext = appContext;
        this.args = List.copyOf(args);
        this.out = out;
        this.err = err;
    }

    /** @return the App the command belongs to */
    public App app() {
        return appContext.app();
    }

    /** @return the app context the command runs in; closed when the command returns */
    public AppContext appContext() {
        return appContext;
    }

    /** @return the app context's {@code g}: {@code appContext().g()} */
    public Map<String, Object> g() {
        return appContext.g();
    }

    /** @return the arguments after the command's name, unparsed; empty when there are none */
    public List<String> args() {
        return args;
    }

    /** @return where the command's output goes: standard output, or what a test captures */
    public PrintStream out() {
        return out;
    }

    /** @return where the command's errors go: standard error, or what a test captures */
    public PrintStream err() {
        return err;
    }

    @Override
    public String toString() {
        return "CommandContext[args=" + args + "]";
    }
}
