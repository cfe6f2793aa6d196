package dev.carafe;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The application context: the App and the {@link #g()} namespace, for the time of one request or
 * of one piece of work outside a request (a CLI command, a test, a script). Each request has its
 * own; {@code app.appContext()} makes one for work outside requests. Closing it runs the App's
 * {@code teardownAppContext} functions, so use try-with-resources:
 *
 * <pre>{@code
 * try (AppContext context = app.appContext()) {
 *     Database.of(context).execute("DELETE FROM post");   // the connection is kept in context.g()
 * }                                                       // teardown closes it
 * }</pre>
 *
 * <p>A context belongs to one thread at a time and is not thread-safe.
 */
public final class AppContext implements AutoCloseable {

    private final App app;
    private final Map<String, Object> g = new HashMap<>();
    private boolean closed;

    AppContext(App app) {
        this.app = Objects.requireNonNull(app, "app");
    }

    /** @return the App this context belongs to */
    public App app() {
        return app;
    }

    /**
     * Flask's {@code g}: a mutable map for values that live as long as this context, such as the
     * logged-in user or a database connection.
     *
     * @return the live map
     */
    public Map<String, Object> g() {
        return g;
    }

    /** @return true once {@link #close()} ran */
    public boolean closed() {
        return closed;
    }

    /**
     * Ends the context: runs the App's {@code teardownAppContext} functions (in reverse order of
     * registration) with no error. Closing again does nothing.
     */
    @Override
    public void close() {
        close(Optional.empty());
    }

    void close(Optional<Throwable> error) {
        if (!closed) {
            closed = true;
            app.hooks.teardownAppContext(this, error, app::testing);   // read only when one fails
        }
    }

    @Override
    public String toString() {
        return "AppContext[" + app + ", g=" + g.keySet() + "]";
    }
}
