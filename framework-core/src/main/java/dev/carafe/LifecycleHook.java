package dev.carafe;

/**
 * A function run when a server starts serving the App, or when the last server serving it has
 * stopped: {@code app.onStart(hook)} and {@code app.onStop(hook)}. Flask removed
 * {@code before_first_request}; this is its replacement, and its missing counterpart at shutdown.
 *
 * <pre>{@code
 * app.onStart(context -> Database.of(context).migrate());
 * app.onStop(context -> pool.close());
 * }</pre>
 *
 * <p>The functions run inside an app context (closed after them, so {@code teardownAppContext}
 * functions run); start functions in the order of registration, stop functions in reverse order.
 * See {@code docs/cli.md}, "Lifecycle hooks".
 */
@FunctionalInterface
public interface LifecycleHook {

    /**
     * Runs at start or at stop.
     *
     * @param context the app context the function runs in
     * @throws Exception a failure: at start, the server does not start; at stop, it is logged and
     *     the other stop functions still run
     */
    void run(AppContext context) throws Exception;
}
