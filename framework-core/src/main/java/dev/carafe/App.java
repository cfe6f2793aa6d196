package dev.carafe;

import dev.carafe.gateway.Application;
import dev.carafe.gateway.Lifespan;
import dev.carafe.gateway.StartResponse;
import dev.carafe.gateway.server.GatewayServer;
import dev.carafe.gateway.server.ServerSettings;
import dev.carafe.routing.Converter;
import java.io.IOException;
import java.io.PrintStream;
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
 * threads, and every setup method (the methods returning {@code App}) throws
 * {@link IllegalStateException} saying so. Two Apps in one JVM share nothing.
 *
 * <p><b>Endpoints.</b> Each rule has an endpoint name, used to build URLs. Unless given, it is the
 * rule's segments joined with dots, a variable standing for its name: {@code /} is {@code index},
 * {@code /users} is {@code users}, {@code /users/<int:id>} is {@code users.id},
 * {@code /<int:id>/update} is {@code id.update}. Rules with the same pattern and different methods
 * share it; two different patterns that would get the same name are refused, asking to name one.
 */
public final class App implements Application, Lifespan {

    final Routes routes = new Routes();
    final Hooks hooks = new Hooks();
    final ErrorHandlers errorHandlers = new ErrorHandlers();
    final Settings settings = new Settings();
    final Config config = new Config();
    final Urls urls = new Urls(this);
    final Lifecycle lifecycle = new Lifecycle();
    final Commands commands = new Commands();
    private volatile Dispatch dispatch;

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
     */
    public App get(String rule, Handler handler) {
        return add("get", rule, Set.of("GET"), null, handler);
    }

    /** Adds a {@code POST} route: {@code route(rule, Set.of("POST"), handler)}; returns this App. */
    public App post(String rule, Handler handler) {
        return add("post", rule, Set.of("POST"), null, handler);
    }

    /** Adds a {@code PUT} route: {@code route(rule, Set.of("PUT"), handler)}; returns this App. */
    public App put(String rule, Handler handler) {
        return add("put", rule, Set.of("PUT"), null, handler);
    }

    /** Adds a {@code PATCH} route: {@code route(rule, Set.of("PATCH"), handler)}; returns this App. */
    public App patch(String rule, Handler handler) {
        return add("patch", rule, Set.of("PATCH"), null, handler);
    }

    /** Adds a {@code DELETE} route: {@code route(rule, Set.of("DELETE"), handler)}; returns this App. */
    public App delete(String rule, Handler handler) {
        return add("delete", rule, Set.of("DELETE"), null, handler);
    }

    /**
     * Adds a route for several methods, with the default endpoint name.
     *
     * @param rule the rule, for example {@code /<int:id>/update}
     * @param methods the methods, for example {@code Set.of("GET", "POST")}
     * @param handler the handler
     * @return this App
     * @throws IllegalArgumentException for a malformed or duplicate rule, or no methods
     */
    public App route(String rule, Set<String> methods, Handler handler) {
        return add("route", rule, methods, null, handler);
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
     */
    public App route(String rule, Set<String> methods, String endpoint, Handler handler) {
        return add("route", rule, methods, Objects.requireNonNull(endpoint, "endpoint"), handler);
    }

    private App add(String setupMethod, String rule, Set<String> methods, String endpoint, Handler handler) {
        checkSetup(setupMethod);
        routes.add(rule, methods, endpoint, handler);
        return this;
    }

    /**
     * Registers the annotated handler methods of a controller object ({@code @Get}, {@code @Post},
     * {@code @Route}, ...; see {@code docs/handlers.md}). Nothing is scanned: only this object.
     *
     * @param controller the controller
     * @return this App
     * @throws IllegalArgumentException when the controller has no handler methods or one is malformed
     */
    public App register(Object controller) {
        checkSetup("register");
        for (ControllerRoute route : ControllerScanner.scan(Objects.requireNonNull(controller, "controller"))) {
            routes.add(route.rule(), route.methods(), route.endpoint(), route.handler());
        }
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
     */
    public App beforeRequest(BeforeRequest hook) {
        checkSetup("beforeRequest");
        hooks.before.add(Objects.requireNonNull(hook, "hook"));
        return this;
    }

    /**
     * Adds a function run on each response, error responses included.
     *
     * @param hook the function
     * @return this App
     */
    public App afterRequest(AfterRequest hook) {
        checkSetup("afterRequest");
        hooks.after.add(Objects.requireNonNull(hook, "hook"));
        return this;
    }

    /**
     * Adds a function run when each request ends, even after an error.
     *
     * @param hook the function; it receives the unhandled exception, if any
     * @return this App
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
     */
    public App debug(boolean on) {
        checkSetup("debug");
        config.put("DEBUG", on);
        return this;
    }

    /** @return true in debug mode (the config key {@code DEBUG}) */
    public boolean debug() {
        return config.bool("DEBUG");
    }

    /**
     * Turns testing mode on or off (off by default): an exception no error handler answers then
     * propagates out of the App to the test (after the teardown functions ran) instead of becoming
     * a 500, and failing teardown functions fail the test.
     *
     * @param on true for testing mode
     * @return this App
     */
    public App testing(boolean on) {
        checkSetup("testing");
        config.put("TESTING", on);
        return this;
    }

    /** @return true in testing mode (the config key {@code TESTING}) */
    public boolean testing() {
        return config.bool("TESTING");
    }

    /**
     * The App's configuration: Flask's {@code app.config}. Set it up before the App serves; the App
     * reads the keys it uses ({@code DEBUG}, {@code TESTING}, {@code SECRET_KEY} and the
     * {@code SESSION_COOKIE_*} keys, {@code SERVER_NAME}, {@code PREFERRED_URL_SCHEME}, the body
     * limits) when it freezes at its first request, and the config is frozen with it.
     *
     * @return the config
     */
    public Config config() {
        return config;
    }

    /**
     * Sets the secret key that signs session cookies: {@code config().put("SECRET_KEY", key)}.
     * With a secret key and no explicit {@link #sessionStore}, the App keeps sessions in signed
     * cookies ({@link SignedCookieSessions}) configured by the {@code SESSION_COOKIE_*} keys.
     *
     * @param key a long random secret, for example from {@code python -c 'import secrets; print(secrets.token_hex())'}
     *     or {@code openssl rand -hex 32}; never commit it
     * @return this App
     */
    public App secretKey(String key) {
        checkSetup("secretKey");
        config.put("SECRET_KEY", Objects.requireNonNull(key, "key"));
        return this;
    }

    /**
     * The host (and port) the App is reached at, for {@link #urlFor} outside a request, which then
     * builds absolute URLs such as {@code https://example.com/users/7}. Unset by default.
     *
     * @param host for example {@code example.com} or {@code localhost:5000}
     * @param scheme {@code http} or {@code https}
     * @return this App
     * @throws IllegalArgumentException for a blank host or another scheme
     */
    public App serverName(String host, String scheme) {
        checkSetup("serverName");
        new Settings().serverName(host, scheme);              // validates both, with their messages
        config.put("SERVER_NAME", host);
        config.put("PREFERRED_URL_SCHEME", scheme);
        return this;
    }

    /**
     * Replaces the JSON mapper used for JSON responses and request bodies (by default a Jackson
     * mapper that keeps declaration order and writes dates as ISO-8601 strings).
     *
     * @param mapper the mapper
     * @return this App
     */
    public App json(JsonMapper mapper) {
        checkSetup("json");
        settings.json = JsonCodec.of(Objects.requireNonNull(mapper, "mapper"));
        return this;
    }

    /**
     * Limits the size of request bodies (no limit by default): a larger body is answered with 413,
     * before it is read when its {@code Content-Length} says so, else as soon as it passes the limit.
     *
     * @param bytes the most bytes a body may have
     * @return this App
     * @throws IllegalArgumentException for a negative size
     */
    public App maxContentLength(long bytes) {
        checkSetup("maxContentLength");
        BodyLimits.defaults().withMaxContentLength(bytes);     // validates, with its message
        config.put("MAX_CONTENT_LENGTH", bytes);
        return this;
    }

    /**
     * Limits the form data kept in memory (500,000 bytes by default): the whole of an urlencoded
     * body, and each non-file field of a multipart body; above it the request is answered with 413.
     *
     * @param bytes the most bytes
     * @param parts the most parts of a multipart body (1,000 by default)
     * @return this App
     * @throws IllegalArgumentException for a negative size or fewer than one part
     */
    public App maxFormSize(long bytes, int parts) {
        checkSetup("maxFormSize");
        BodyLimits.defaults().withMaxFormMemorySize(bytes).withMaxFormParts(parts);   // validates
        config.put("MAX_FORM_MEMORY_SIZE", bytes);
        config.put("MAX_FORM_PARTS", parts);
        return this;
    }

    /**
     * Sets where sessions are loaded from and saved to. Without one, sessions are empty and
     * changing one fails, saying a store is needed.
     *
     * @param store the store
     * @return this App
     */
    public App sessionStore(SessionStore store) {
        checkSetup("sessionStore");
        settings.sessions = Optional.of(Objects.requireNonNull(store, "store"));
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

    /**
     * Creates an app context for work outside a request (a CLI command, a test, a script); close it
     * to run the {@code teardownAppContext} functions.
     *
     * @return a new context
     */
    public AppContext appContext() {
        return new AppContext(this);
    }

    /**
     * Runs code inside a request context for a made-up {@code GET} request, without a handler: for
     * unit tests of code that needs a request or {@link RequestContext#current()}. Freezes the App.
     *
     * @param target the path and query, for example {@code /users/7?tab=posts}
     * @param environ entries to add to or replace in the environ, for example
     *     {@code Map.of("SCRIPT_NAME", "/blog")}
     * @param action the code to run
     */
    public void testRequestContext(String target, Map<String, ?> environ, Consumer<RequestContext> action) {
        freeze().runInContext(TestEnviron.build(target, environ), action);
    }

    /**
     * Runs code inside a request context for a made-up {@code GET} request to a target.
     *
     * @param target the path and query
     * @param action the code to run
     */
    public void testRequestContext(String target, Consumer<RequestContext> action) {
        testRequestContext(target, Map.of(), action);
    }

    /**
     * A test client that calls this App in-process, with the gateway validator on, keeps cookies,
     * and shows the session and {@code g} of the last request.
     *
     * @return a new client
     */
    public AppTestClient testClient() {
        return new AppTestClient(this);
    }

    /**
     * Serves the App on {@code 127.0.0.1:5000} with the gateway server until the process is stopped
     * (SIGTERM or Ctrl-C stop it gracefully).
     *
     * @throws IOException when the port cannot be bound
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public void run() throws IOException, InterruptedException {
        run("127.0.0.1", 5000);
    }

    /**
     * Serves the App on a host and port with the gateway server until the process is stopped, as
     * the {@code run} command of {@link #cli} does. Interrupting the calling thread stops the server
     * gracefully, then throws {@link InterruptedException}.
     *
     * @param host the address to listen on, {@code 0.0.0.0} for every interface
     * @param port the port, 0 for any free port
     * @throws IOException when the port cannot be bound
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public void run(String host, int port) throws IOException, InterruptedException {
        new Cli(this, System.out, System.err).serve(host, port);
    }

    /**
     * Starts the gateway server with the App and returns at once; stop it with
     * {@link GatewayServer#close()}.
     *
     * @param host the address to listen on
     * @param port the port, 0 for any free port ({@link GatewayServer#port()} tells which)
     * @return the running server
     * @throws IOException when the port cannot be bound
     */
    public GatewayServer start(String host, int port) throws IOException {
        freeze();
        return GatewayServer.start(this, ServerSettings.builder().host(host).port(port).build());
    }

    // Lifecycle, command line and logging: Lifecycle, Cli, Commands, AppLog.

    /**
     * Adds a function run when a server starts serving the App (the first server, if several do),
     * before its first request, inside an app context. One that throws stops the server from
     * starting; see {@code docs/cli.md}, "Lifecycle hooks".
     *
     * @param hook the function
     * @return this App
     */
    public App onStart(LifecycleHook hook) {
        checkSetup("onStart");
        lifecycle.onStart(hook);
        return this;
    }

    /**
     * Adds a function run when the last server serving the App has stopped (after its requests
     * in flight finished), inside an app context; stop functions run in reverse order of
     * registration, and one that throws is logged without stopping the others.
     *
     * @param hook the function
     * @return this App
     */
    public App onStop(LifecycleHook hook) {
        checkSetup("onStop");
        lifecycle.onStop(hook);
        return this;
    }

    /**
     * Called by a server when it starts serving the App ({@link Lifespan}): freezes the App and,
     * for the first server, runs the {@link #onStart} functions.
     *
     * @throws IllegalStateException when a start function failed, naming it and its exception
     */
    @Override
    public void started() {
        freeze();
        lifecycle.started(this);
    }

    /**
     * Called by a server when it has stopped serving the App ({@link Lifespan}): when no server
     * serves it any more, runs the {@link #onStop} functions, logging their failures.
     */
    @Override
    public void stopping() {
        lifecycle.stopping(this, AppLog.logger());
    }

    /**
     * Adds a command to the App's command line ({@link #cli}), run inside an app context.
     *
     * @param name the command's name, for example {@code init-db}: letters, digits, {@code -},
     *     {@code _}, {@code .} and {@code :}, not {@code help}, {@code run} or {@code routes}
     * @param help one line for the command list, for example
     *     {@code "Clear the existing data and create new tables."}
     * @param command the function; it returns the exit status
     * @return this App
     * @throws IllegalArgumentException for a malformed, built-in or repeated name, or a help
     *     that is not one line
     */
    public App command(String name, String help, Command command) {
        checkSetup("command");
        commands.add(name, help, command);
        return this;
    }

    /**
     * Runs the App's command line with the process's standard output and error: what an App's
     * {@code main} calls, {@code System.exit(app.cli(args))}. Commands: {@code run [--host H]
     * [--port P] [--debug]}, {@code routes [--sort endpoint|methods|rule] [--all-methods]},
     * {@code help [COMMAND]} and the App's own ({@link #command}); see {@code docs/cli.md}.
     *
     * @param args the command and its arguments
     * @return the exit status: 0 success, 1 a failure, 2 a usage error
     */
    public int cli(String... args) {
        return cli(args, System.out, System.err);
    }

    /**
     * Runs the App's command line with the given output streams: for tests, which capture them.
     *
     * @param args the command and its arguments
     * @param out where output goes
     * @param err where errors go
     * @return the exit status: 0 success, 1 a failure, 2 a usage error
     */
    public int cli(String[] args, PrintStream out, PrintStream err) {
        return new Cli(this, out, err).run(args);
    }

    /**
     * The logger the framework writes to, {@code dev.carafe.App}, for the App's own messages
     * too: Flask's {@code app.logger}. See {@code docs/debugging.md}, "Logging".
     *
     * @return the logger
     */
    public System.Logger logger() {
        return AppLog.logger();
    }

    /**
     * Handles one request: the gateway entry point. The first call freezes the App.
     *
     * @param environ the request's environ
     * @param startResponse the server's start-response callback
     * @return the response body
     * @throws Exception in testing mode, an exception no error handler answered
     */
    @Override
    public Iterable<byte[]> call(Map<String, Object> environ, StartResponse startResponse) throws Exception {
        Dispatch current = dispatch;
        return (current != null ? current : freeze()).call(environ, startResponse);
    }

    @Override
    public String toString() {
        return "App[" + routes.router().rules().size() + " rules" + (debug() ? ", debug" : "")
                + (testing() ? ", testing" : "") + "]";
    }

    /** The App's JSON codec, for the package's JSON writers and readers. */
    JsonCodec jsonCodec() {
        return settings.json;
    }

    /** Ends setup (idempotent) and returns the request pipeline. */
    synchronized Dispatch freeze() {
        if (dispatch == null) {
            config.freeze();
            ConfigSettings.apply(config, settings);
            if (settings.sessions.isEmpty()) {
                settings.sessions = ConfigSessions.fromConfig(config);
            }
            routes.router().freeze();
            dispatch = new Dispatch(this);
        }
        return dispatch;
    }

    private synchronized void checkSetup(String method) {
        if (dispatch != null) {
            throw new IllegalStateException("The setup method '" + method + "' can no longer be called on this App: "
                    + "it has already handled its first request (or built a URL), and changes now would not apply "
                    + "consistently. Register every route, hook, error handler and setting before the App serves: "
                    + "before app.run(), the first test-client request, or app.urlFor(...).");
        }
    }
}
