package dev.carafe;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Everything about the request being handled: the {@link Request}, the {@link #g()} namespace,
 * the session, the App, and what routing found (endpoint and view arguments). Handlers reach it
 * through {@link Request#context()}; code that is not handed the request (a template function, a
 * logging integration) reaches the current one through {@link #current()}.
 *
 * <pre>{@code
 * String home = RequestContext.current().request().urlFor("index", Map.of());
 * }</pre>
 *
 * <p>A context belongs to the thread handling its request (while a streamed body is sent, to the
 * thread taking each part of it) and is not thread-safe.
 */
public final class RequestContext {

    /** The one scoped holder: set and restored by the App around each request, never otherwise. */
    private static final ThreadLocal<RequestContext> CURRENT = new ThreadLocal<>();

    private final AppContext appContext;
    private final Request request;
    private Optional<String> endpoint = Optional.empty();
    private Map<String, Object> viewArgs = Map.of();
    private Scope scope;
    private Session session;
    /** Empty and shared until a function is added, so that a request without one allocates nothing. */
    private List<AfterRequest> afterThisRequest = List.of();

    RequestContext(AppContext appContext, Map<String, Object> environ) {
        this.appContext = Objects.requireNonNull(appContext, "appContext");
        this.request = new Request(this, environ);
        this.scope = appContext.app().scope;
    }

    /**
     * The context of the request the current thread is handling.
     *
     * @return the context
     * @throws IllegalStateException when the thread is not handling a request
     */
    public static RequestContext current() {
        RequestContext context = CURRENT.get();
        if (context == null) {
            throw new IllegalStateException("Working outside of a request context: this code needs the request "
                    + "being handled, but the current thread is not handling one. Call it from a handler, a hook or "
                    + "a template rendered by one, or pass the Request along; in tests, use "
                    + "app.testRequestContext(path, context -> ...).");
        }
        return context;
    }

    /**
     * The context of the request the current thread is handling, if any: for integrations that also
     * work outside requests.
     *
     * @return the context, or empty outside a request
     */
    public static Optional<RequestContext> find() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** @return the request */
    public Request request() {
        return request;
    }

    /** @return the App handling the request */
    public App app() {
        return appContext.app();
    }

    /** @return the app context of this request (its {@code g} is this request's {@link #g()}) */
    public AppContext appContext() {
        return appContext;
    }

    /**
     * Flask's {@code g}: a mutable map for values that live as long as this request, such as the
     * logged-in user; the same map as {@code appContext().g()}.
     *
     * @return the live map
     */
    public Map<String, Object> g() {
        return appContext.g();
    }

    /**
     * The client's session, loaded by the App's session store on first use.
     *
     * @return the session (empty and read-only when no store is configured)
     */
    public Session session() {
        if (session == null) {
            session = app().settings.sessions.map(store -> store.open(request)).orElseGet(NullSession::new);
        }
        return session;
    }

    /** @return the endpoint of the rule that matched, empty when none did (404, 405, redirects) */
    public Optional<String> endpoint() {
        return endpoint;
    }

    /** @return the typed values of the matched rule's variables and defaults; empty when none matched */
    public Map<String, Object> viewArgs() {
        return viewArgs;
    }

    /**
     * The full dotted name of the blueprint registration whose rule matched, Flask's
     * {@code request.blueprint}: {@code auth} for {@code auth.login}, {@code api.v1} for a nested one.
     *
     * @return the name, empty for the App's own rules and when no rule matched
     */
    public Optional<String> blueprint() {
        return scope.name();
    }

    /**
     * Adds a function run on this request's response only, Flask's {@code after_this_request}: a
     * handler or a before-function sets a cookie or a header on whatever response the request ends
     * with, an error page included. These run before the App's and blueprints' after-functions, in
     * the order they were added.
     *
     * <pre>{@code
     * request.context().afterThisRequest((req, response) -> response.withCookie(Cookie.of("seen", "1")));
     * }</pre>
     *
     * @param hook the function
     */
    public void afterThisRequest(AfterRequest hook) {
        Objects.requireNonNull(hook, "hook");
        if (afterThisRequest.isEmpty()) {
            afterThisRequest = new ArrayList<>();
        }
        afterThisRequest.add(hook);
    }

    /** @return the functions {@link #afterThisRequest} added, in order */
    List<AfterRequest> afterThisRequest() {
        return afterThisRequest;
    }

    void matched(String endpointName, Map<String, Object> values, Scope ruleScope) {
        this.endpoint = Optional.of(endpointName);
        this.viewArgs = values;
        this.scope = ruleScope;
    }

    /** @return the scope of the matched rule (hooks and error handlers), the App's when none matched */
    Scope scope() {
        return scope;
    }

    /** @return the session if it was opened during the request */
    Optional<Session> openedSession() {
        return Optional.ofNullable(session);
    }

    /**
     * Runs an action on the current thread with this context as {@link #current()}, restoring the
     * previous one after, Flask's {@code copy_current_request_context}: for work the request hands
     * to a thread of its own and waits for before it ends, such as rendering a streamed template.
     *
     * <pre>{@code
     * RequestContext context = RequestContext.current();
     * Thread worker = new Thread(() -> context.run(() -> render(context.request())));
     * }</pre>
     *
     * <p>The context stays one request's: do not use it at the same time from two threads, nor
     * after the request ended (its teardown functions closed what they close).
     *
     * @param action the work
     */
    public void run(Runnable action) {
        Objects.requireNonNull(action, "action");
        bindUnchecked(() -> {
            action.run();
            return null;
        });
    }

    /** Runs {@code body} with this context as {@link #current()}, restoring the previous one after. */
    <T> T bind(Bound<T> body) throws Exception {
        RequestContext previous = CURRENT.get();
        CURRENT.set(this);
        try {
            return body.run();
        } finally {
            CURRENT.set(previous);   // also when null: remove() would make the next get() re-initialise the entry
        }
    }

    /** Runs {@code body}, which throws no checked exception, as {@link #bind} does. */
    <T> T bindUnchecked(Supplier<T> body) {
        RequestContext previous = CURRENT.get();
        CURRENT.set(this);
        try {
            return body.get();
        } finally {
            CURRENT.set(previous);
        }
    }

    /** Work run while a context is bound. */
    @FunctionalInterface
    interface Bound<T> {
        T run() throws Exception;
    }

    @Override
    public String toString() {
        return "RequestContext[" + request.method() + " " + request.path() + ", endpoint=" + endpoint.orElse("-") + "]";
    }
}
