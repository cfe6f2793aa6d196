package dev.carafe;

import dev.carafe.gateway.Application;
import dev.carafe.gateway.Lifespan;
import dev.carafe.gateway.StartResponse;
import dev.carafe.gateway.server.GatewayServer;
import dev.carafe.gateway.server.ServerSettings;
import dev.carafe.routing.Converter;
import dev.carafe.routing.RedirectTarget;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
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
    final Blueprints blueprints = new Blueprints();
    final Scope scope = Scope.root(routes, blueprints, hooks, errorHandlers);
    final Settings settings = new Settings();
    final Config config = new Config();
    final Urls urls = new Urls(this);
    private StaticFolder staticFolder = StaticFolder.parse(StaticFolder.APP_DEFAULT);   // context class loader now
    private boolean staticFolderSet;
    private String staticUrlPath = "/static";
    final Lifecycle lifecycle = new Lifecycle();
    final Commands commands = new Commands();
    private volatile Dispatch dispatch;

    /** Creates an App with no routes and the default settings (not debug, not testing). */
    public App() {
    }

    /** Adds a {@code GET} route (which also answers {@code HEAD} and {@code OPTIONS}); returns this App. */
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
     * Adds a route for several methods, for example {@code Set.of("GET", "POST")}, with the default
     * endpoint name. A malformed or duplicate rule, or no methods, throws {@link IllegalArgumentException}.
     */
    public App route(String rule, Set<String> methods, Handler handler) {
        return add("route", rule, methods, null, handler);
    }

    /** Adds a route with an endpoint name of your choice, for example {@code blog.update}; returns this App. */
    public App route(String rule, Set<String> methods, String endpoint, Handler handler) {
        return add("route", rule, methods, Objects.requireNonNull(endpoint, "endpoint"), handler);
    }

    /**
     * Adds a route with options, Flask's {@code @app.route(rule, **options)}: methods, endpoint,
     * {@code defaults} the handler receives in {@link Request#viewArgs()}, strict and merged slashes.
     * See {@link RouteOptions} and {@code docs/routing.md}, "Rule options".
     */
    public App route(String rule, RouteOptions options, Handler handler) {
        Objects.requireNonNull(options, "options");
        return setup("route", () -> scope.route(rule, options, handler));
    }

    /**
     * Moves a URL: requests matching {@code rule} (any of GET, HEAD, POST, PUT, PATCH, DELETE) are
     * answered with 308 Permanent Redirect to {@code target}, a path written like a rule whose
     * {@code <name>}s are filled with the matched values; the query string is kept. Werkzeug's
     * {@code redirect_to}; see {@code docs/routing.md}, "Redirecting rules".
     *
     * @param rule the old rule, for example {@code /users/<int:id>}
     * @param target the new path from the App's root, for example {@code /people/<id>}
     * @return this App
     * @throws IllegalArgumentException for a malformed rule or target, or a target needing a value the rule has not
     */
    public App redirect(String rule, String target) {
        return setup("redirect", () -> scope.redirect(rule, new RedirectTarget.RulePattern(target)));
    }

    /**
     * Moves a URL to a path computed from the matched values (variables, then defaults), starting
     * with {@code /}, not percent-encoded; see {@link #redirect(String, String)}.
     *
     * @param rule the old rule
     * @param target for example {@code values -> "/posts/" + values.get("slug")}
     * @return this App
     */
    public App redirect(String rule, Function<Map<String, Object>, String> target) {
        return setup("redirect", () -> scope.redirect(rule, new RedirectTarget.Computed(target)));
    }

    private App add(String setupMethod, String rule, Set<String> methods, String endpoint, Handler handler) {
        return setup(setupMethod, () -> scope.route(rule, methods, Optional.ofNullable(endpoint), handler));
    }

    /**
     * Registers the annotated handler methods of a controller object ({@code @Get}, {@code @Route},
     * ...; see {@code docs/handlers.md}); nothing is scanned. A {@link Blueprint} is registered as one.
     */
    public App register(Object controller) {
        if (controller instanceof Blueprint blueprint) {
            return register(blueprint);
        }
        return setup("register", () -> scope.controller(controller));
    }

    /**
     * Registers a blueprint (see {@code docs/blueprints.md}): its routes under its name and URL
     * prefix, its hooks, error handlers and static folder. A name already registered is refused.
     */
    public App register(Blueprint blueprint) {
        return register(blueprint, BlueprintOptions.defaults());
    }

    /**
     * Registers a blueprint under another name or URL prefix, for example a second time:
     * {@code app.register(api, BlueprintOptions.named("v2").urlPrefix("/v2"))}.
     */
    public App register(Blueprint blueprint, BlueprintOptions options) {
        Objects.requireNonNull(blueprint, "blueprint");
        Objects.requireNonNull(options, "options");
        return setup("register", () -> blueprint.registerOn(scope, options));
    }

    /** @return the blueprint registrations in order, nested ones by their full dotted name */
    public List<RegisteredBlueprint> blueprints() {
        return blueprints.list();
    }

    /**
     * Adds a class-based view (see {@code docs/views.md}): the view object's public methods named
     * {@code get}, {@code post}, {@code put}, {@code patch}, {@code delete}, {@code head}, {@code options}
     * answer those HTTP methods under one rule; the endpoint is the rule's default name.
     */
    public App view(String rule, Object view) {
        return setup("view", () -> scope.view(rule, Optional.empty(), view));
    }

    /** Adds a class-based view with an endpoint name of your choice; see {@link #view(String, Object)}. */
    public App view(String rule, String endpoint, Object view) {
        Objects.requireNonNull(endpoint, "endpoint");
        return setup("view", () -> scope.view(rule, Optional.of(endpoint), view));
    }

    /**
     * Sets the static folder served at {@code /static/<path:filename>}, endpoint {@code static}:
     * {@code classpath:} and a resource folder, or a filesystem directory (which must exist). By default
     * the resource folder {@code static} (of the context class loader that created the App) is served when it exists.
     */
    public App staticFolder(String folder) {
        StaticFolder parsed = StaticFolder.parse(folder);
        return setup("staticFolder", () -> {
            staticFolder = parsed;
            staticFolderSet = true;
        });
    }

    /** Changes the URL path of the static folder ({@code /static} by default), for example to {@code /assets}. */
    public App staticUrlPath(String path) {
        return setup("staticUrlPath", () -> staticUrlPath = StaticFolder.checkUrlPath(path));
    }

    /**
     * Gives an endpoint that has a rule a second name for building URLs, without a second rule:
     * flaskr's {@code endpointAlias("index", "blog.index")}; returns this App.
     */
    public App endpointAlias(String alias, String endpoint) {
        return setup("endpointAlias", () -> routes.router().alias(alias, endpoint));
    }

    /** Registers a converter for rule variables ({@code <name:variable>}), before the rules using it. */
    public App converter(String name, Converter converter) {
        return setup("converter", () -> routes.router().converter(name, converter));
    }

    /** Adds a {@link BeforeRequest} function, run before each request's handler; returns this App. */
    public App beforeRequest(BeforeRequest hook) {
        return setup("beforeRequest", () -> hooks.before.add(Objects.requireNonNull(hook, "hook")));
    }

    /** Adds an {@link AfterRequest} function, run on each response, error responses included. */
    public App afterRequest(AfterRequest hook) {
        return setup("afterRequest", () -> hooks.after.add(Objects.requireNonNull(hook, "hook")));
    }

    /** Adds a {@link Teardown} function run when each request ends, even after an error. */
    public App teardownRequest(Teardown<Request> hook) {
        return setup("teardownRequest", () -> hooks.teardownRequest.add(Objects.requireNonNull(hook, "hook")));
    }

    /**
     * Adds a function run when each app context ends (after every request, and when an
     * {@link #appContext()} is closed): the place to close a database connection kept in {@code g}.
     */
    public App teardownAppContext(Teardown<AppContext> hook) {
        return setup("teardownAppContext", () -> hooks.teardownAppContext.add(Objects.requireNonNull(hook, "hook")));
    }

    /**
     * Answers every {@link HttpError} of a status from 400 to 599 (and, for 500, every unhandled
     * exception) with an {@link ErrorHandler}; a status handler wins over class handlers.
     */
    public App errorHandler(int status, ErrorHandler<? super HttpError> handler) {
        return setup("errorHandler", () -> errorHandlers.add(status, handler));
    }

    /** Answers exceptions of a class (and its subclasses, unless they have a closer handler). */
    public <E extends Throwable> App errorHandler(Class<E> type, ErrorHandler<? super E> handler) {
        return setup("errorHandler", () -> errorHandlers.add(type, handler));
    }

    /**
     * Turns debug mode on or off (off by default): 500 pages then show the exception and its stack.
     * Never in production: it reveals the code to any client.
     */
    public App debug(boolean on) {
        return setup("debug", () -> config.put("DEBUG", on));
    }

    /** @return true in debug mode (the config key {@code DEBUG}) */
    public boolean debug() {
        return config.bool("DEBUG");
    }

    /**
     * Turns testing mode on or off (off by default): an exception no error handler answers then
     * propagates out of the App to the test (after the teardown functions ran) instead of becoming
     * a 500, and failing teardown functions fail the test.
     */
    public App testing(boolean on) {
        return setup("testing", () -> config.put("TESTING", on));
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
        return setup("secretKey", () -> config.put("SECRET_KEY", Objects.requireNonNull(key, "key")));
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
        new Settings().serverName(host, scheme);              // validates both, with their messages
        return setup("serverName", () -> config.put("SERVER_NAME", host).put("PREFERRED_URL_SCHEME", scheme));
    }

    /**
     * Replaces the JSON mapper used for JSON responses and request bodies (by default a Jackson
     * mapper that keeps declaration order and writes dates as ISO-8601 strings).
     */
    public App json(JsonMapper mapper) {
        return setup("json", () -> settings.json = JsonCodec.of(Objects.requireNonNull(mapper, "mapper")));
    }

    /**
     * The JSON mapper of JSON responses and request bodies: Carafe's default, or the one given to
     * {@link #json(JsonMapper)}. Integrations such as templates' {@code tojson} write with it.
     *
     * @return the mapper
     */
    public JsonMapper json() {
        return settings.json.mapper();
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
        BodyLimits.defaults().withMaxContentLength(bytes);     // validates, with its message
        return setup("maxContentLength", () -> config.put("MAX_CONTENT_LENGTH", bytes));
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
        BodyLimits.defaults().withMaxFormMemorySize(bytes).withMaxFormParts(parts);   // validates
        return setup("maxFormSize", () -> config.put("MAX_FORM_MEMORY_SIZE", bytes).put("MAX_FORM_PARTS", parts));
    }

    /**
     * Sets where sessions are loaded from and saved to. Without one (and without a secret key),
     * sessions are empty and changing one fails, saying a store is needed.
     */
    public App sessionStore(SessionStore store) {
        return setup("sessionStore", () -> settings.sessions = Optional.of(Objects.requireNonNull(store, "store")));
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
            if (staticFolderSet || staticFolder.exists()) {
                scope.staticFiles(staticFolder.existing("The App"), staticUrlPath);
            }
            scope.freeze();
            blueprints.freeze();
            routes.router().freeze();
            dispatch = new Dispatch(this);
        }
        return dispatch;
    }

    private synchronized App setup(String method, Runnable change) {
        checkSetup(method);
        change.run();
        return this;
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
