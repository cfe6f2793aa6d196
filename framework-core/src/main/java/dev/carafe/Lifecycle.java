package dev.carafe;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The App's start and stop functions, and how many servers serve it: the start functions run when
 * the first server starts, the stop functions when the last one has stopped, so an App served on
 * two ports (or started, stopped and started again in a test) sees matching pairs.
 */
final class Lifecycle {

    private final List<LifecycleHook> onStart = new ArrayList<>();
    private final List<LifecycleHook> onStop = new ArrayList<>();
    private int servers;

    void onStart(LifecycleHook hook) {
        onStart.add(Objects.requireNonNull(hook, "hook"));
    }

    void onStop(LifecycleHook hook) {
        onStop.add(Objects.requireNonNull(hook, "hook"));
    }

    /**
     * A server starts serving the App: runs the start functions if it is the first.
     *
     * @throws IllegalStateException when a start function failed, naming it; the server must not start
     */
    synchronized void started(App app) {
        if (servers++ > 0) {
            return;
        }
        AppContext context = app.appContext();
        Throwable failure = null;
        try {
            for (int i = 0; i < onStart.size(); i++) {
                try {
                    onStart.get(i).run(context);
                } catch (Exception e) {
                    throw new IllegalStateException("The App's onStart function " + (i + 1) + " of " + onStart.size()
                            + " failed, so the App cannot serve: " + e, e);
                }
            }
        } catch (RuntimeException | Error e) {
            failure = e;
            servers--;
            throw e;
        } finally {
            context.close(Optional.ofNullable(failure));
        }
    }

    /** A server stopped serving the App: runs the stop functions (in reverse order) if it was the last; logs failures. */
    synchronized void stopping(App app, System.Logger log) {
        if (servers == 0 || --servers > 0) {
            return;
        }
        try (AppContext context = app.appContext()) {
            for (int i = onStop.size() - 1; i >= 0; i--) {
                try {
                    onStop.get(i).run(context);
                } catch (Exception e) {
                    log.log(Level.ERROR, "The App's onStop function " + (i + 1) + " of " + onStop.size()
                            + " failed; the others still ran.", e);
                }
            }
        } catch (RuntimeException e) {
            log.log(Level.ERROR, "A teardown-app-context function failed after the App's onStop functions.", e);
        }
    }
}
