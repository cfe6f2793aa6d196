package dev.carafe;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Request hooks and teardown functions of the App or of one blueprint registration, and how they
 * run. What a request runs is one combined {@code Hooks} per {@link Scope} (see {@link #concat}).
 */
final class Hooks {

    private static final System.Logger LOG = AppLog.logger();

    final List<UrlValuePreprocessor> urlValuePreprocessors = new ArrayList<>();
    /** Run on the values of URLs built for this scope's endpoints (the App's: every URL); not combined by {@link #concat}. */
    final List<UrlDefaults> urlDefaults = new ArrayList<>();
    final List<BeforeRequest> before = new ArrayList<>();
    final List<AfterRequest> after = new ArrayList<>();
    final List<Teardown<Request>> teardownRequest = new ArrayList<>();
    final List<Teardown<AppContext>> teardownAppContext = new ArrayList<>();

    /**
     * The hooks a request under a blueprint runs: the enclosing scope's, then the blueprint's.
     * Before-functions run in list order (App first), after- and teardown functions in reverse
     * order (blueprint first), as in Flask.
     *
     * @param outer the combined hooks of the enclosing scope
     * @param inner the blueprint's own hooks
     * @return the combined hooks (without app-context teardowns, which are the App's alone)
     */
    static Hooks concat(Hooks outer, Hooks inner) {
        Hooks both = new Hooks();
        both.urlValuePreprocessors.addAll(outer.urlValuePreprocessors);
        both.urlValuePreprocessors.addAll(inner.urlValuePreprocessors);
        both.before.addAll(outer.before);
        both.before.addAll(inner.before);
        both.after.addAll(outer.after);
        both.after.addAll(inner.after);
        both.teardownRequest.addAll(outer.teardownRequest);
        both.teardownRequest.addAll(inner.teardownRequest);
        return both;
    }

    /** Runs the before-functions in order; the first value returned ends the request. */
    Optional<Response> runBefore(Request request) throws Exception {
        for (BeforeRequest hook : before) {
            Optional<Response> answer = hook.before(request);
            if (answer == null) {
                throw new IllegalStateException("A before-request function returned null; return Optional.empty() "
                        + "to continue or Optional.of(response) to answer.");
            }
            if (answer.isPresent()) {
                return answer;
            }
        }
        return Optional.empty();
    }

    void teardownRequest(Request request, Optional<Throwable> error, BooleanSupplier testing) {
        runAll(teardownRequest, request, error, testing, "teardown-request");
    }

    void teardownAppContext(AppContext context, Optional<Throwable> error, BooleanSupplier testing) {
        runAll(teardownAppContext, context, error, testing, "teardown-app-context");
    }

    /** Runs every function in reverse order; failures are logged, and in testing mode the first is rethrown. */
    private static <C> void runAll(List<Teardown<C>> hooks, C context, Optional<Throwable> error, BooleanSupplier testing,
            String kind) {
        RuntimeException first = null;
        for (int i = hooks.size() - 1; i >= 0; i--) {
            try {
                hooks.get(i).teardown(context, error);
            } catch (Exception e) {
                LOG.log(Level.ERROR, "A " + kind + " function failed " + (context instanceof Request request
                        ? "on " + AppLog.requestLine(request.environ()) : "for " + context) + "; the others still ran.", e);
                if (first == null) {
                    first = e instanceof RuntimeException r ? r : new IllegalStateException(
                            "A " + kind + " function failed: " + e, e);
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null && testing.getAsBoolean()) {
            throw first;
        }
    }
}
