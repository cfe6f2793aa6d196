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
import java.util.function.Function;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Carafe web application: routes to handlers, hooks around them, error handlers, and the settings they run with. It
 * is a plain gateway {@link Application}, so any gateway server, the JDK and Servlet adapters, middleware and the test
 * client host it unchanged.
 *
 * <pre>{@code
 * App app = new App();
 * app.get("/", request -> "Hello, World!");
 * app.get("/users/<int:id>", request -> users.find((Integer) request.viewArgs().get("id")));
 * app.run();   // http://127.0.0.1:5000/
 * }</pre>
 *
 * <p><b>Setup, then serving.</b> Routes, hooks, error handlers and settings are registered first, from one thread. The
 * first request (or {@link #urlFor} outside a request, or {@link #testRequestContext}) freezes the App: from then on it
 * is safe to call from any number of threads, and every setup method (the methods returning {@code App}) throws
 * {@link IllegalStateException} saying so. Two Apps in one JVM share nothing.
 *
 * <p><b>Endpoints.</b> Each rule has an endpoint name to build URLs with: by default its segments joined with dots, a
 * variable standing for its name ({@code /} is {@code index}, {@code /users/<int:id>} is {@code users.id}). Rules of
 * one pattern share it; two patterns that would get the same one are refused.
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
    final Lifecycle lifecycle = new Lifecycle();
    final Commands commands = new Commands();
    private final AppSetup setup = new AppSetup(this);

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
     * Adds a route for several methods, for example {@code Set.of("GET", "POST")}, with the default endpoint name. A
     * malformed or duplicate rule, or no methods, throws {@link IllegalArgumentException}.
     */
    public App route(String rule, Set<String> methods, Handler handler) {
        return add("route", rule, methods, null, handler);
    }

    /** Adds a route with an endpoint name of your choice, for example {@code blog.update}; returns this App. */
    public App route(String rule, Set<String> methods, String endpoint, Handler handler) {
        return add("route", rule, methods, Objects.requireNonNull(endpoint, "endpoint"), handler);
    }

    /** Adds a route with {@link RouteOptions}, Flask's {@code @app.route(rule, **options)}: docs/handlers.md. */
    public App route(String rule, RouteOptions options, Handler handler) {
        return setup("route", () -> scope.route(rule, options, handler));
    }

    /**
     * Moves a URL, Werkzeug's {@code redirect_to}: requests matching {@code rule} (such as {@code /users/<int:id>};
     * GET, HEAD, POST, PUT, PATCH, DELETE) are answered with 308 to {@code target}, a path from the App's root written
     * like a rule ({@code /people/<id>}) and filled with the matched values; the query string is kept. A malformed rule
     * or target, or a target needing a value the rule has not, throws {@link IllegalArgumentException}.
     */
    public App redirect(String rule, String target) {
        return setup("redirect", () -> scope.redirect(rule, new RedirectTarget.RulePattern(target)));
    }

    /** Moves a URL to the path (from {@code /}) that {@code target} computes from the matched values; see above. */
    public App redirect(String rule, Function<Map<String, Object>, String> target) {
        return setup("redirect", () -> scope.redirect(rule, new RedirectTarget.Computed(target)));
    }

    private App add(String setupMethod, String rule, Set<String> methods, String endpoint, Handler handler) {
        return setup(setupMethod, () -> scope.route(rule, methods, Optional.ofNullable(endpoint), handler));
    }

    /**
     * Registers the annotated handler methods of a controller object ({@code @Get}, {@code @Route}, ...; see
     * {@code docs/handlers.md}); nothing is scanned. A {@link Blueprint} is registered as one.
     */
    public App register(Object controller) {
        if (controller instanceof Blueprint blueprint) {
            return register(blueprint);
        }
        return setup("register", () -> scope.controller(controller));
    }

    /**
     * Registers a blueprint (see {@code docs/blueprints.md}): its routes under its name and URL prefix, its hooks,
     * error handlers and static folder. A name already registered is refused.
     */
    public App register(Blueprint blueprint) {
        return register(blueprint, BlueprintOptions.defaults());
    }

    /**
     * Registers a blueprint under another name or URL prefix, for example a second time:
     * {@code app.register(api, BlueprintOptions.named("v2").withUrlPrefix("/v2"))}.
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
     * Adds a class-based view (see {@code docs/views.md}): its public methods named after HTTP methods ({@code get},
     * {@code post}, ..., {@code options}) answer them under one rule; the endpoint is the rule's default name.
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
     * Sets the static folder served at {@code /static/<path:filename>}, endpoint {@code static}: {@code classpath:} and
     * a resource folder, or a filesystem directory (which must exist). By default the resource folder {@code static}
     * (of the context class loader that created the App) is served when it exists.
     */
    public App staticFolder(String folder) {
        StaticFolder parsed = StaticFolder.parse(folder);
        return setup("staticFolder", () -> setup.staticFolder(parsed));
    }

    /** Changes the URL path of the static folder ({@code /static} by default), for example to {@code /assets}. */
    public App staticUrlPath(String path) {
        return setup("staticUrlPath", () -> setup.staticUrlPath(StaticFolder.checkUrlPath(path)));
    }

    /**
     * Gives an endpoint that has a rule a second name for building URLs, without a second rule: flaskr's
     * {@code endpointAlias("index", "blog.index")}; returns this App.
     */
    public App endpointAlias(String alias, String endpoint) {
        return setup("endpointAlias", () -> routes.router().alias(alias, endpoint));
    }

    /** Registers a converter for rule variables ({@code <name:variable>}), before the rules using it. */
    public App converter(String name, Converter converter) {
        return setup("converter", () -> routes.router().converter(name, converter));
    }

    /** Adds a {@link UrlValuePreprocessor}, run on the matched rule's values before the before-functions. */
    public App urlValuePreprocessor(UrlValuePreprocessor function) {
        return setup("urlValuePreprocessor", () -> hooks.urlValuePreprocessors.add(Objects.requireNonNull(function)));
    }

    /** Adds a {@link UrlDefaults} function, run on the values of every URL the App builds. */
    public App urlDefaults(UrlDefaults function) {
        return setup("urlDefaults", () -> hooks.urlDefaults.add(Objects.requireNonNull(function, "function")));
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
     * Adds a function run when each app context ends (after every request, and when an {@link #appContext()} is
     * closed): the place to close a database connection kept in {@code g}.
     */
    public App teardownAppContext(Teardown<AppContext> hook) {
        return setup("teardownAppContext", () -> hooks.teardownAppContext.add(Objects.requireNonNull(hook, "hook")));
    }

    /**
     * Answers every {@link HttpError} of a status from 400 to 599 (and, for 500, every unhandled exception) with an
     * {@link ErrorHandler}; a status handler wins over class handlers.
     */
    public App errorHandler(int status, ErrorHandler<? super HttpError> handler) {
        return setup("errorHandler", () -> errorHandlers.add(status, handler));
    }

    /** Answers exceptions of a class (and its subclasses, unless they have a closer handler). */
    public <E extends Throwable> App errorHandler(Class<E> type, ErrorHandler<? super E> handler) {
        return setup("errorHandler", () -> errorHandlers.add(type, handler));
    }

    /** Turns debug mode on or off (off by default): 500 pages show the exception. Never in production. */
    public App debug(boolean on) {
        return setup("debug", () -> config.put("DEBUG", on));
    }

    /** @return true in debug mode (the config key {@code DEBUG}) */
    public boolean debug() {
        return config.bool("DEBUG");
    }

    /**
     * Turns testing mode on or off (off by default): an exception no error handler answers then reaches the test (after
     * the teardown functions ran) instead of becoming a 500; failing teardown functions fail the test.
     */
    public App testing(boolean on) {
        return setup("testing", () -> config.put("TESTING", on));
    }

    /** @return true in testing mode (the config key {@code TESTING}) */
    public boolean testing() {
        return config.bool("TESTING");
    }

    /**
     * Returns the App's configuration, Flask's {@code app.config}. Set it up before the App serves; the App reads the
     * keys it uses ({@code DEBUG}, {@code TESTING}, {@code SECRET_KEY}, {@code SESSION_COOKIE_*}, {@code SERVER_NAME},
     * {@code PREFERRED_URL_SCHEME}, {@code TRUSTED_HOSTS}, the body limits) when it freezes, and freezes the config.
     */
    public Config config() {
        return config;
    }

    /**
     * Sets {@code SECRET_KEY} ({@code config().put("SECRET_KEY", key)}), the secret signing session cookies: a long
     * random one ({@code openssl rand -hex 32}), never committed. With it and no {@link #sessionStore}, sessions are
     * signed cookies ({@link SignedCookieSessions}) set by the {@code SESSION_COOKIE_*} keys.
     */
    public App secretKey(String key) {
        return setup("secretKey", () -> config.put("SECRET_KEY", Objects.requireNonNull(key, "key")));
    }

    /**
     * Sets the host (and port: {@code example.com}, {@code localhost:5000}) and the scheme ({@code http} or
     * {@code https}) the App is reached at, unset by default, for absolute {@link #urlFor} URLs outside a request
     * ({@code https://example.com/users/7}). A blank host or another scheme is refused.
     */
    public App serverName(String host, String scheme) {
        new Settings().serverName(host, scheme);              // validates both, with their messages
        return setup("serverName", () -> config.put("SERVER_NAME", host).put("PREFERRED_URL_SCHEME", scheme));
    }

    /**
     * Accepts only requests for these hosts, Flask's {@code TRUSTED_HOSTS} (unset: any): {@code example.com}, or
     * {@code .example.com} with its subdomains, any port or case; others get 400 before routing. An empty entry, or
     * one with a scheme, path or space, throws {@link IllegalArgumentException}; see {@code docs/config.md}.
     */
    public App trustedHosts(String... hosts) {
        List<String> entries = TrustedHosts.checked(hosts);    // validates, with their messages
        return setup("trustedHosts", () -> config.put("TRUSTED_HOSTS", entries));
    }

    /**
     * Replaces the JSON mapper used for JSON responses and request bodies (by default a Jackson mapper that keeps
     * declaration order and writes dates as ISO-8601 strings).
     */
    public App json(JsonMapper mapper) {
        return setup("json", () -> settings.json = JsonCodec.of(Objects.requireNonNull(mapper, "mapper")));
    }

    /**
     * Returns the JSON mapper of JSON responses and request bodies: Carafe's default, or the one given to
     * {@link #json(JsonMapper)}. Integrations such as templates' {@code tojson} write with it.
     */
    public JsonMapper json() {
        return settings.json.mapper();
    }

    /**
     * Limits request bodies to {@code bytes} (no limit by default; not negative): a larger body is answered with 413,
     * before it is read when its {@code Content-Length} says so, else as soon as it passes the limit.
     */
    public App maxContentLength(long bytes) {
        BodyLimits.defaults().withMaxContentLength(bytes);     // validates, with its message
        return setup("maxContentLength", () -> config.put("MAX_CONTENT_LENGTH", bytes));
    }

    /**
     * Limits the form data kept in memory to {@code bytes} (500,000 by default; an urlencoded body, or each non-file
     * field of a multipart one) and multipart bodies to {@code parts} parts (1,000 by default): above, 413. Refuses
     * negative sizes and no parts.
     */
    public App maxFormSize(long bytes, int parts) {
        BodyLimits.defaults().withMaxFormMemorySize(bytes).withMaxFormParts(parts);   // validates
        return setup("maxFormSize", () -> config.put("MAX_FORM_MEMORY_SIZE", bytes).put("MAX_FORM_PARTS", parts));
    }

    /**
     * Sets where sessions are loaded from and saved to. Without one (and without a secret key), sessions are empty and
     * changing one fails, saying a store is needed.
     */
    public App sessionStore(SessionStore store) {
        return setup("sessionStore", () -> settings.sessions = Optional.of(Objects.requireNonNull(store, "store")));
    }

    /**
     * Builds a URL for an endpoint from the rule's variables (others go to the query): in a request, the request's
     * {@link Request#urlFor}; outside, under {@code APPLICATION_ROOT}, absolute with a {@link #serverName}. Freezes the
     * App; a {@link dev.carafe.routing.UrlBuildException} says what is missing when no rule fits.
     */
    public String urlFor(String endpoint, Map<String, ?> values) {
        return urlFor(endpoint, values, LinkOptions.of());
    }

    /** {@link #urlFor(String, Map)} with an anchor, a method's rule or a scheme ({@link LinkOptions}). */
    public String urlFor(String endpoint, Map<String, ?> values, LinkOptions link) {
        freeze();
        return urls.forApp(endpoint, values, link);
    }

    /** A new app context for work outside a request (a command, a test); closing it runs teardownAppContext. */
    public AppContext appContext() {
        return new AppContext(this);
    }

    /**
     * Runs {@code action} in a request context for a made-up {@code GET} request to {@code target} (path and query)
     * without a handler, for unit tests of code needing a request or {@link RequestContext#current()}; {@code environ}
     * adds entries ({@code Map.of("SCRIPT_NAME", "/blog")}). What it throws propagates unchanged. Freezes the App.
     */
    public void testRequestContext(String target, Map<String, ?> environ, ContextAction action) {
        freeze().runInContext(TestEnviron.build(config, target, environ), action);
    }

    /** Runs code inside a request context for a made-up {@code GET} request to a target (path and query). */
    public void testRequestContext(String target, ContextAction action) {
        testRequestContext(target, Map.of(), action);
    }

    /** A new in-process test client: the gateway validator on, cookies kept, the last request's session and g shown. */
    public AppTestClient testClient() {
        return new AppTestClient(this);
    }

    /** Serves the App on {@code 127.0.0.1:5000} until the process is stopped; see {@link #run(String, int)}. */
    public void run() throws IOException, InterruptedException {
        run("127.0.0.1", 5000);
    }

    /**
     * Serves the App on a host ({@code 0.0.0.0} for every interface) and port (0 for any free one) with the gateway
     * server until the process is stopped, as the {@code run} command of {@link #cli} does. Throws {@link IOException}
     * when the port cannot be bound; interrupting the calling thread stops the server gracefully, then throws
     * {@link InterruptedException}.
     */
    public void run(String host, int port) throws IOException, InterruptedException {
        new Cli(this, System.out, System.err).serve(host, port);
    }

    /**
     * Starts the gateway server with the App on a host and port (0: any free one) and returns it at once; stop it with
     * {@link GatewayServer#close()}. Throws {@link IOException} if the port cannot be bound.
     */
    public GatewayServer start(String host, int port) throws IOException {
        freeze();
        return GatewayServer.start(this, ServerSettings.builder().host(host).port(port).build());
    }

    /**
     * Adds a function run in an app context when a server starts serving the App (the first, if several do), before its
     * first request; one that throws stops the server starting. See {@code docs/cli.md}, "Lifecycle hooks".
     */
    public App onStart(LifecycleHook hook) {
        return setup("onStart", () -> lifecycle.onStart(hook));
    }

    /**
     * Adds a function run in an app context when the last server serving the App has stopped (after its requests in
     * flight); stop functions run in reverse order, one that throws is logged without stopping the others.
     */
    public App onStop(LifecycleHook hook) {
        return setup("onStop", () -> lifecycle.onStop(hook));
    }

    /** Called by a server starting to serve the App ({@link Lifespan}): freezes it; the first runs {@link #onStart}. */
    @Override
    public void started() {
        freeze();
        lifecycle.started(this);
    }

    /** Called by a server when it stopped serving the App ({@link Lifespan}): the last one runs {@link #onStop}. */
    @Override
    public void stopping() {
        lifecycle.stopping(this, AppLog.logger());
    }

    /**
     * Adds a command to the App's command line ({@link #cli}), run in an app context, returning the exit status. Its
     * name (such as {@code init-db}) has letters, digits, {@code -}, {@code _}, {@code .}, {@code :} and is not
     * {@code help}, {@code run} or {@code routes}; its help is one line. Anything else throws
     * {@link IllegalArgumentException}, as does a repeated name.
     */
    public App command(String name, String help, Command command) {
        return setup("command", () -> commands.add(name, help, command));
    }

    /**
     * Runs the App's command line (a command and its arguments) with the process's standard output and error, as an
     * App's {@code main} does: {@code System.exit(app.cli(args))}. Commands:
     * {@code run [--host H] [--port P] [--debug]}, {@code routes [--sort endpoint|methods|rule] [--all-methods]},
     * {@code help [COMMAND]} and the App's own ({@link #command}); see {@code docs/cli.md}. Exit status: 0 success, 1 a
     * failure, 2 a usage error.
     */
    public int cli(String... args) {
        return cli(args, System.out, System.err);
    }

    /** Runs the App's command line as {@link #cli(String...)} does, writing to the given streams (for tests). */
    public int cli(String[] args, PrintStream out, PrintStream err) {
        return new Cli(this, out, err).run(args);
    }

    /**
     * Returns the logger the framework writes to, {@code dev.carafe.App}, for the App's own messages too: Flask's
     * {@code app.logger}. See {@code docs/debugging.md}, "Logging".
     */
    public System.Logger logger() {
        return AppLog.logger();
    }

    /**
     * Handles one request, the gateway entry point: calls the server's start-response callback and returns the body.
     * The first call freezes the App; in testing mode an exception no error handler answered is thrown.
     */
    @Override
    public Iterable<byte[]> call(Map<String, Object> environ, StartResponse startResponse) throws Exception {
        return setup.dispatch().call(environ, startResponse);
    }

    @Override
    public String toString() {
        return "App[" + routes.router().rules().size() + " rules" + (debug() ? ", debug" : "")
                + (testing() ? ", testing" : "") + "]";
    }

    /** Ends setup (idempotent) and returns the request pipeline. */
    Dispatch freeze() {
        return setup.freeze();
    }

    private App setup(String method, Runnable change) {
        setup.change(method, change);
        return this;
    }
}
