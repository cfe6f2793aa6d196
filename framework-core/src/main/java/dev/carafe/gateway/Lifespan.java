package dev.carafe.gateway;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An optional second interface of an {@link Application}: the application is told when a server
 * starts serving it and when that server has stopped. It is the place for work that belongs to the
 * life of the process rather than to one request: opening a connection pool, warming a cache,
 * starting and stopping background jobs.
 *
 * <pre>{@code
 * final class Jobs implements Application, Lifespan {
 *     private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
 *
 *     public void started() {
 *         timer.scheduleAtFixedRate(this::cleanUp, 1, 1, TimeUnit.MINUTES);
 *     }
 *
 *     public void stopping() {
 *         timer.shutdown();
 *     }
 *
 *     public Iterable<byte[]> call(Map<String, Object> environ, StartResponse startResponse) { ... }
 * }
 * }</pre>
 *
 * <p>What a server does with it (specified in {@code docs/gateway.md}, "Lifespan"): when the
 * application it serves implements this interface, it calls {@link #started()} once, normally
 * after binding its listening socket, and before it runs the first request; if {@code started()} throws,
 * the server does not start and reports the failure to whoever started it. When it stops, after
 * the requests in flight have finished (or were cut off at the end of the graceful timeout), it
 * calls {@link #stopping()} once, before its stop returns. A server that never called
 * {@code started()}, or whose {@code started()} failed, does not call {@code stopping()}.
 *
 * <p>A middleware that wraps a {@code Lifespan} application forwards both calls to it:
 * {@link #forward} builds such a wrapper, and {@link Middleware#chain} applies it to every layer
 * that does not forward them itself.
 */
public interface Lifespan {

    /**
     * Called once when a server starts serving the application, before its first request.
     *
     * @throws Exception when the application cannot serve; the server then does not start
     */
    void started() throws Exception;

    /**
     * Called once when the server that called {@link #started()} has stopped serving the
     * application: after the last request ended, before the server's stop returns.
     *
     * @throws Exception when stopping fails; the server logs it and finishes stopping
     */
    void stopping() throws Exception;

    /**
     * Tells an application that a server starts serving it, if it implements {@code Lifespan}.
     *
     * @param app the application about to be served
     * @throws Exception what its {@link #started()} threw
     */
    static void start(Application app) throws Exception {
        if (app instanceof Lifespan lifespan) {
            lifespan.started();
        }
    }

    /**
     * Tells an application that a server stopped serving it, if it implements {@code Lifespan}.
     *
     * @param app the application the server served
     * @throws Exception what its {@link #stopping()} threw
     */
    static void stop(Application app) throws Exception {
        if (app instanceof Lifespan lifespan) {
            lifespan.stopping();
        }
    }

    /**
     * The lifespan of several applications together, for an application that calls them (a
     * dispatcher, a middleware): {@code started()} starts each one that is a {@code Lifespan}, in
     * order, and when one fails stops those already started and rethrows; {@code stopping()} stops
     * them all in reverse order, then rethrows the first failure.
     *
     * @param apps the applications; those that are not {@code Lifespan} are skipped
     * @return their combined lifespan (doing nothing when none is a {@code Lifespan})
     */
    static Lifespan of(Application... apps) {
        List<Lifespan> inner = new ArrayList<>();
        for (Application app : apps) {
            if (Objects.requireNonNull(app, "application") instanceof Lifespan lifespan) {
                inner.add(lifespan);
            }
        }

        // The lifespans, started in order and stopped in reverse.
        record Combined(List<Lifespan> inner) implements Lifespan {

            @Override
            public void started() throws Exception {
                for (int i = 0; i < inner.size(); i++) {
                    try {
                        inner.get(i).started();
                    } catch (Exception | Error e) {
                        for (int j = i - 1; j >= 0; j--) {
                            try {
                                inner.get(j).stopping();
                            } catch (Exception suppressed) {
                                e.addSuppressed(suppressed);
                            }
                        }
                        throw e;
                    }
                }
            }

            @Override
            public void stopping() throws Exception {
                Exception first = null;
                for (int i = inner.size() - 1; i >= 0; i--) {
                    try {
                        inner.get(i).stopping();
                    } catch (Exception e) {
                        if (first == null) {
                            first = e;
                        } else {
                            first.addSuppressed(e);
                        }
                    }
                }
                if (first != null) {
                    throw first;
                }
            }
        }
        return new Combined(List.copyOf(inner));
    }

    /**
     * Makes a wrapping application forward the lifespan to the applications it wraps: what a
     * middleware returns from {@link Middleware#wrap}. The result answers requests with
     * {@code wrapper} and has the lifespan {@link #of} the wrapped applications.
     *
     * @param wrapper the application built around {@code wrapped}, for example by a middleware
     * @param wrapped the applications it calls; those that are not {@code Lifespan} are skipped
     * @return {@code wrapper} itself when it already is a {@code Lifespan} or none of
     *     {@code wrapped} is; otherwise a forwarding application
     */
    static Application forward(Application wrapper, Application... wrapped) {
        Objects.requireNonNull(wrapper, "wrapper");
        if (wrapper instanceof Lifespan || Arrays.stream(wrapped).noneMatch(Lifespan.class::isInstance)) {
            return wrapper;
        }

        // A wrapper application that also forwards the lifespan.
        record Forwarding(Application wrapper, Lifespan lifespan) implements Application, Lifespan {

            @Override
            public Iterable<byte[]> call(Map<String, Object> environ, StartResponse startResponse) throws Exception {
                return wrapper.call(environ, startResponse);
            }

            @Override
            public void started() throws Exception {
                lifespan.started();
            }

            @Override
            public void stopping() throws Exception {
                lifespan.stopping();
            }
        }
        return new Forwarding(wrapper, of(wrapped));
    }
}
