package dev.carafe;

import dev.carafe.gateway.Application;
import dev.carafe.gateway.StartResponse;
import dev.carafe.gateway.server.GatewayServer;
import dev.carafe.routing.Converter;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Carafe web application: routes to handlers, hooks around them, error handlers, and the
 * settings they run with. It is a plain gateway {@link Application}, so any gateway server, the
 * JDK and Servlet adapters, middleware and the test client host it unchanged.
 *
 * <pre>{@code
 * App app = new App();
 * app.get("/", request -> "Hello, World!");
 * app.get("/users/<int:id>", request -> users.find((Integer) request.viewArgs().get("id")));
 * app.run();   // http://127.0.0.1:5000/
 * }</pre>
 *
 * <p><b>Setup, then serving.</b> Routes, hooks, error handlers and settings are registered first,
 * from one thread. The first request (or {@link #urlFor} outside a request, or
 * {@link #testRequestContext}) freezes the App: from then on it is safe to call from any number of
 * threads, and every setup method throws {@link IllegalStateException}. Two Apps in one JVM share
 * nothing.
 *
 * <p><b>Endpoints.</b> Each rule has an endpoint name, used to build URLs. Unless given, it is the
 * rule's segments joined with dots, a variable standing for its name: {@code /} is {@code index},
 * {@code /users} is {@code users}, {@code /users/<int:id>} is {@code users.id},
 * {@code /<int:id>/update} is {@code id.update}. Rules with the same pattern and different methods
 * share it; two different patterns that would get the same name are refused, asking to name one.
 */
public final class App {

    private final Routes routes = new Routes();
    private final Hooks hooks = new Hooks();
    private final ErrorHandlers errorHandlers = new ErrorHandlers();
    private final Settings settings = new Settings();
    private final Urls urls = new Urls(this);
    private volatile boolean frozen;

    /** Creates an App with no routes and the default settings (not debug, not testing). */
    public App() {
    }

    /**
     * Adds a {@code GET} route (which also answers {@code HEAD} and {@code OPTIONS}).
     *
     * @param rule the rule, for example {@code /users/<int:id>}
     * @param handler the handler
     * @return this App
     * @throws IllegalArgumentException for a malformed rule, or a rule and method already registered
     * @throws IllegalStateException after the first request
     */
    public App get(String rule, Handler handler) {
        return route(rule, Set.of("GET"), handler);
    }

    /**
     * Adds a {@code POST} route.
     *
     * @param rule the rule
     * @param handler the handler
     * @return this App
     * @throws IllegalArgumentException for a malformed or duplicate rule
     * @throws IllegalStateException after the first request
     */
    public App post(String rule, Handler handler) {
        return route(rule, Set.of("POST"), handler);
    }

    /**
     * Adds a {@code PUT} route.
     *
     * @param rule the rule
     * @param handler the handler
     * @return this App
     * @throws IllegalArgumentException for a malformed or duplicate rule
     * @throws IllegalStateException after the first request
     */
    public App put(String rule, Handler handler) {
        return route(rule, Set.of("PUT"), handler);
    }

    /**
     * Adds a {@code PATCH} route.
     *
     * @param rule the rule
     * @param handler the handler
     * @return this App
     * @throws IllegalArgumentException for a malformed or duplicate rule
     * @throws IllegalStateException after the first request
     */
    public App patch(String rule, Handler handler) {
        return route(rule, Set.of("PATCH"), handler);
    }

    /**
     * Adds a {@code DELETE} route.
     *
     * @param rule the rule
     * @param handler the handler
     * @return this App
     * @throws IllegalArgumentException for a malformed or duplicate rule
     * @throws IllegalStateException after the first request
     */
    public App delete(String rule, Handler handler) {
        return route(rule, Set.of("DELETE"), handler);
    }

    /**
     * Adds a route for several methods, with the default endpoint name.
     *
     * @param rule the rule, for example {@code /<int:id>/update}
     * @param methods the methods, for example {@code Set.of("GET", "POST")}
     * @param handler the handler
     * @return this App
     * @throws IllegalArgumentException for a malformed or duplicate rule, or no methods
     * @throws IllegalStateException after the first request
     */
    public App route(String rule, Set<String> methods, Handler handler) {
        checkSetup("route");
        routes.add(rule, methods, null, handler);
        return this;
    }

    /**
     * Adds a route with an endpoint name of your choice, for example {@code blog.update}.
     *
     * @param rule the rule
     * @param methods the methods
     * @param endpoint the endpoint name URLs are built from
     * @param handler the handler
     * @return this App
     * @throws IllegalArgumentException for a malformed or duplicate rule, or no methods
     * @throws IllegalStateException after the first request
     */
    public App route(String rule, Set<String> methods, String endpoint, Handler handler) {
        checkSetup("route");
        routes.add(rule, methods, Objects.requireNonNull(endpoint, "endpoint"), handler);
        return this;
    }

    /**
     * Gives an endpoint a second name for building URLs, without a second rule: flaskr's
     * {@code endpointAlias("index", "blog.index")}.
     *
     * @param alias the extra name
     * @param endpoint an endpoint that already has a rule
     * @return this App
     * @throws IllegalArgumentException when the alias is taken or the endpoint unknown
     * @throws IllegalStateException after the first request
     */
    public App endpointAlias(String alias, String endpoint) {
        checkSetup("endpointAlias");
        routes.router().alias(alias, endpoint);
        return this;
    }

    /**
     * Registers a converter for rule variables ({@code <name:variable>}), before the rules using it.
     *
     * @param name the converter's name in rules
     * @param converter the converter
     * @return this App
     * @throws IllegalStateException after the first request
     */
    public App converter(String name, Converter converter) {
        checkSetup("converter");
        routes.router().converter(name, converter);
        return this;
    }

    /**
     * Adds a function run before each request's handler; returning a value answers the request.
     *
     * @param hook the function
     * @return this App
     * @throws IllegalStateException after the first request
     */
    public App beforeRequest(BeforeRequest hook) {
        checkSetup("beforeRequest");
        hooks.before.add(Objects.requireNonNull(hook, "hook"));
        return this;
    }

    /**
     * Adds a function run when each request ends, even after an error.
     *
     * @param hook the function; it receives the unhandled exception, if any
     * @return this App
     * @throws IllegalStateException after the first request
     */
    public App teardownRequest(Teardown<Request> hook) {
        checkSetup("teardownRequest");
        hooks.teardownRequest.add(Objects.requireNonNull(hook, "hook"));
        return this;
    }

    /**
     * Adds a function run when each app context ends (after every request, and when an
     * {@link #appContext()} is closed): the place to close a database connection kept in {@code g}.
     *
     * @param hook the function
     * @return this App
     * @throws IllegalStateException after the first request
     */
    public App teardownAppContext(Teardown<AppContext> hook) {
        checkSetup("teardownAppContext");
        hooks.teardownAppContext.add(Objects.requireNonNull(hook, "hook"));
        return this;
    }

    /**
     * Answers every {@link HttpError} of a status (and, for 500, every unhandled exception) with a
     * handler; a status handler wins over class handlers.
     *
     * @param status a status from 400 to 599
     * @param handler the handler
     * @return this App
     * @throws IllegalArgumentException for a status outside 400 to 599
     * @throws IllegalStateException after the first request
     */
    public App errorHandler(int status, ErrorHandler<? super HttpError> handler) {
        checkSetup("errorHandler");
        errorHandlers.add(status, handler);
        return this;
    }

    /**
     * Answers exceptions of a class (and its subclasses, unless they have a closer handler).
     *
     * @param type the exception class, for example {@code HttpError.NotFound.class} or {@code SQLException.class}
     * @param handler the handler
     * @param <E> the exception type
     * @return this App
     * @throws IllegalStateException after the first request
     */
    public <E extends Throwable> App errorHandler(Class<E> type, ErrorHandler<? super E> handler) {
        checkSetup("errorHandler");
        errorHandlers.add(type, handler);
        return this;
    }

    /**
     * Turns debug mode on or off (off by default): 500 pages then show the exception and its stack.
     * Never in production: it reveals the code to any client.
     *
     * @param on true for debug mode
     * @return this App
     * @throws IllegalStateException after the first request
     */
    public App debug(boolean on) {
        checkSetup("debug");
        settings.debug = on;
        return this;
    }

    /** @return true in debug mode */
    public boolean debug() {
        return settings.debug;
    }

    /**
     * Turns testing mode on or off (off by default): an exception no error handler answers then
     * propagates out of the App to the test (after the teardown functions ran) instead of becoming
     * a 500, and failing teardown functions fail the test.
     *
     * @param on true for testing mode
     * @return this App
     * @throws IllegalStateException after the first request
     */
    public App testing(boolean on) {
        checkSetup("testing");
        settings.testing = on;
        return this;
    }

    /** @return true in testing mode */
    public boolean testing() {
        return settings.testing;
    }

    /**
     * The host (and port) the App is reached at, for {@link #urlFor} outside a request, which then
     * builds absolute URLs such as {@code https://example.com/users/7}. Unset by default.
     *
     * @param host for example {@code example.com} or {@code localhost:5000}
     * @param scheme {@code http} or {@code https}
     * @return this App
     * @throws IllegalArgumentException for a blank host or another scheme
     * @throws IllegalStateException after the first request
     */
    public App serverName(String host, String scheme) {
        checkSetup("serverName");
        settings.serverName(host, scheme);
        return this;
    }

    /**
     * Builds a URL for an endpoint. Inside a request of this App it is the request's
     * {@link Request#urlFor}; outside one, an absolute URL when a {@link #serverName} is set, else
     * a path from the root ({@code /users/7}). Freezes the App.
     *
     * @param endpoint the endpoint or alias
     * @param values the rule's variables; the other entries become the query string
     * @return the URL
     * @throws dev.carafe.routing.UrlBuildException when no rule fits, saying what is missing
     */
    public String urlFor(String endpoint, Map<String, ?> values) {
        freeze();
        return urls.forApp(endpoint, values);
    }

    @Override
    public String toString() {
        return "App[" + routes.router().rules().size() + " rules" + (settings.debug ? ", debug" : "")
                + (settings.testing ? ", testing" : "") + "]";
    }

    Hooks hooks() {
        return hooks;
    }

    Routes routes() {
        return routes;
    }

    ErrorHandlers errorHandlers() {
        return errorHandlers;
    }

    Urls urls() {
        return urls;
    }

    Settings settings() {
        return settings;
    }

    BodyLimits bodyLimits() {
        return settings.limits;
    }

    JsonCodec jsonCodec() {
        return settings.json;
    }

    Session openSession(Request request) {
        return new NullSession();
    }

    /** Ends setup (idempotent). */
    synchronized void freeze() {
        if (!frozen) {
            routes.router().freeze();
            frozen = true;
        }
    }

    private synchronized void checkSetup(String method) {
        if (frozen) {
            throw new IllegalStateException("The setup method '" + method + "' can no longer be called on this App: "
                    + "it has already handled its first request (or built a URL), and changes now would not apply "
                    + "consistently. Register every route, hook, error handler and setting before the App serves: "
                    + "before app.run(), the first test-client request, or app.urlFor(...).");
        }
    }
}
