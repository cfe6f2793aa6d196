package dev.carafe;

import dev.carafe.routing.RedirectTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A group of routes, hooks, error handlers and static files under a name (and usually a URL
 * prefix), registered on an App as a whole: Flask's {@code Blueprint}. Endpoints of a blueprint
 * start with its name: the rule {@code /login} of the blueprint {@code auth} is the endpoint
 * {@code auth.login}.
 *
 * <pre>{@code
 * Blueprint auth = new Blueprint("auth").urlPrefix("/auth");
 * auth.get("/login", request -> "the login form");                  // GET /auth/login, endpoint auth.login
 * auth.beforeRequest(request -> Optional.empty());                   // only for auth's requests
 * auth.errorHandler(404, (request, error) -> Response.text("no such auth page").withStatus(404));
 * app.register(auth);
 * }</pre>
 *
 * <p>A blueprint only records what it is given; {@link App#register(Blueprint)} applies it. Its
 * before-, after- and teardown functions and error handlers apply to requests whose matched rule
 * is one of its own (or of a blueprint nested in it); the {@code ...App...} variants apply to every
 * request of the App. It owns its URL prefix for 404 and 405: a path under the prefix that no rule
 * matches is answered by the blueprint's error handlers first. A handler finds its blueprint with
 * {@link Request#blueprint()} and builds URLs relative to it with {@code request.urlFor(".login", ...)}.
 *
 * <p>Set a blueprint up completely, then register it: once registered, its setup methods throw
 * {@link IllegalStateException}. The same blueprint may be registered on several Apps, or twice on
 * one App under two names ({@link BlueprintOptions#named}).
 */
public final class Blueprint {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

    private final String name;
    private String urlPrefix = "";
    private final List<Consumer<Scope>> records = new ArrayList<>();
    private final List<Consumer<Scope>> appWide = new ArrayList<>();
    private Optional<String> staticFolder = Optional.empty();
    private Optional<StaticFolder> staticSource = Optional.empty();
    private String staticUrlPath = "/static";
    private Optional<String> templateFolder = Optional.empty();
    private boolean registered;

    /**
     * Creates a blueprint.
     *
     * @param name a word endpoints start with, for example {@code auth}: letters, digits, {@code _}
     *     and {@code -}, not starting with a digit or {@code -}; no dots (dots join nested names)
     * @throws IllegalArgumentException for any other name
     */
    public Blueprint(String name) {
        this.name = checkName(name, "new Blueprint");
    }

    /** @return the blueprint's name, for example {@code auth} */
    public String name() {
        return name;
    }

    /**
     * Puts every rule of this blueprint under a URL prefix: {@code /auth} and the rule
     * {@code /login} give {@code /auth/login}. None by default; a registration may give another
     * ({@link BlueprintOptions#urlPrefix}).
     *
     * @param prefix the prefix, starting with {@code /}; {@code ""} for none
     * @return this blueprint
     * @throws IllegalArgumentException for a prefix that does not start with {@code /}
     */
    public Blueprint urlPrefix(String prefix) {
        return setup("urlPrefix", () -> urlPrefix = checkPrefix(prefix, "Blueprint '" + name + "'"));
    }

    /** @return the URL prefix set with {@link #urlPrefix(String)}, empty for none */
    public Optional<String> urlPrefix() {
        return Optional.of(urlPrefix).filter(p -> !p.isEmpty());
    }

    /** Adds a {@code GET} route (which also answers {@code HEAD} and {@code OPTIONS}); see {@link App#get}. */
    public Blueprint get(String rule, Handler handler) {
        return route("get", rule, Set.of("GET"), Optional.empty(), handler);
    }

    /** Adds a {@code POST} route; see {@link App#post}. */
    public Blueprint post(String rule, Handler handler) {
        return route("post", rule, Set.of("POST"), Optional.empty(), handler);
    }

    /** Adds a {@code PUT} route; see {@link App#put}. */
    public Blueprint put(String rule, Handler handler) {
        return route("put", rule, Set.of("PUT"), Optional.empty(), handler);
    }

    /** Adds a {@code PATCH} route; see {@link App#patch}. */
    public Blueprint patch(String rule, Handler handler) {
        return route("patch", rule, Set.of("PATCH"), Optional.empty(), handler);
    }

    /** Adds a {@code DELETE} route; see {@link App#delete}. */
    public Blueprint delete(String rule, Handler handler) {
        return route("delete", rule, Set.of("DELETE"), Optional.empty(), handler);
    }

    /**
     * Adds a route for several methods; its endpoint is the blueprint's name and the rule's default
     * name: {@code /<int:id>/update} in {@code blog} is {@code blog.id.update}.
     */
    public Blueprint route(String rule, Set<String> methods, Handler handler) {
        return route("route", rule, methods, Optional.empty(), handler);
    }

    /** Adds a route with an endpoint name of your choice, prefixed with the blueprint's: {@code update} is {@code blog.update}. */
    public Blueprint route(String rule, Set<String> methods, String endpoint, Handler handler) {
        return route("route", rule, methods, Optional.of(Objects.requireNonNull(endpoint, "endpoint")), handler);
    }

    /**
     * Adds a route with options (see {@link App#route(String, RouteOptions, Handler)}); the rule gets
     * the blueprint's prefix and the endpoint its name, the options are kept as they are.
     */
    public Blueprint route(String rule, RouteOptions options, Handler handler) {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(handler, () -> "handler of rule '" + rule + "'");
        return record("route", scope -> scope.route(rule, options, handler));
    }

    /**
     * Moves a URL of this blueprint (see {@link App#redirect(String, String)}): the rule and the
     * target both get the blueprint's prefix, so each registration redirects within its own prefix.
     */
    public Blueprint redirect(String rule, String target) {
        Objects.requireNonNull(rule, "rule");
        RedirectTarget to = new RedirectTarget.RulePattern(target);
        return record("redirect", scope -> scope.redirect(rule, to));
    }

    /**
     * Moves a URL of this blueprint to a computed path, which gets the blueprint's prefix; see
     * {@link App#redirect(String, Function)}.
     */
    public Blueprint redirect(String rule, Function<Map<String, Object>, String> target) {
        Objects.requireNonNull(rule, "rule");
        RedirectTarget to = new RedirectTarget.Computed(target);
        return record("redirect", scope -> scope.redirect(rule, to));
    }

    private Blueprint route(String method, String rule, Set<String> methods, Optional<String> endpoint,
            Handler handler) {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(handler, () -> "handler of rule '" + rule + "'");
        Set<String> copy = Set.copyOf(Objects.requireNonNull(methods, "methods"));
        return record(method, scope -> scope.route(rule, copy, endpoint, handler));
    }

    /**
     * Registers an annotated controller's routes in this blueprint (see {@link App#register(Object)});
     * a {@code Blueprint} argument nests it as {@link #register(Blueprint)} does.
     */
    public Blueprint register(Object controller) {
        if (controller instanceof Blueprint child) {
            return register(child);
        }
        Objects.requireNonNull(controller, "controller");
        ControllerScanner.scan(controller);   // fails now, not at registration, when it is not a controller
        return record("register", scope -> scope.controller(controller));
    }

    /**
     * Nests a blueprint: its endpoints become {@code this.name + "." + child.name + "." + endpoint},
     * its prefix is joined to this one's, and this blueprint's hooks and error handlers also apply
     * to its requests (the child's first for errors).
     *
     * @param child the nested blueprint
     * @return this blueprint
     */
    public Blueprint register(Blueprint child) {
        return register(child, BlueprintOptions.defaults());
    }

    /**
     * Nests a blueprint with registration options (another name, another prefix).
     *
     * @param child the nested blueprint
     * @param options the name and prefix of this registration
     * @return this blueprint
     * @throws IllegalArgumentException when a blueprint is nested in itself
     */
    public Blueprint register(Blueprint child, BlueprintOptions options) {
        Objects.requireNonNull(child, "blueprint");
        Objects.requireNonNull(options, "options");
        if (child == this) {
            throw new IllegalArgumentException("Blueprint '" + name + "' cannot be registered on itself.");
        }
        return record("register", scope -> child.registerOn(scope, options));
    }

    /** Adds a class-based view under one rule, endpoint by the rule's default name; see {@link App#view(String, Object)}. */
    public Blueprint view(String rule, Object view) {
        ViewHandler.of(view, rule);   // checks the view now
        return record("view", scope -> scope.view(rule, Optional.empty(), view));
    }

    /** Adds a class-based view with an endpoint name of your choice; see {@link App#view(String, String, Object)}. */
    public Blueprint view(String rule, String endpoint, Object view) {
        Objects.requireNonNull(endpoint, "endpoint");
        ViewHandler.of(view, rule);
        return record("view", scope -> scope.view(rule, Optional.of(endpoint), view));
    }

    /** Adds a {@link UrlValuePreprocessor} for this blueprint's requests, run after the App's. */
    public Blueprint urlValuePreprocessor(UrlValuePreprocessor function) {
        Objects.requireNonNull(function, "function");
        return setup("urlValuePreprocessor",
                () -> records.add(scope -> scope.hooks.urlValuePreprocessors.add(function)));
    }

    /**
     * Adds a {@link UrlDefaults} function for the URLs built for this blueprint's endpoints, Flask's
     * {@code url_defaults} on a blueprint: it runs after the App's, and an outer blueprint's before
     * a nested one's.
     */
    public Blueprint urlDefaults(UrlDefaults function) {
        Objects.requireNonNull(function, "function");
        return setup("urlDefaults", () -> records.add(scope -> scope.hooks.urlDefaults.add(function)));
    }

    /** Adds a {@link UrlDefaults} function for every URL the App builds, Flask's {@code app_url_defaults}. */
    public Blueprint appUrlDefaults(UrlDefaults function) {
        Objects.requireNonNull(function, "function");
        return setup("appUrlDefaults", () -> appWide.add(scope -> scope.hooks.urlDefaults.add(function)));
    }

    /**
     * Adds a {@link UrlValuePreprocessor} for every request of the App that matched a rule, Flask's
     * {@code app_url_value_preprocessor}.
     */
    public Blueprint appUrlValuePreprocessor(UrlValuePreprocessor function) {
        Objects.requireNonNull(function, "function");
        return setup("appUrlValuePreprocessor",
                () -> appWide.add(scope -> scope.hooks.urlValuePreprocessors.add(function)));
    }

    /** Adds a before-function for this blueprint's requests, run after the App's; see {@link BeforeRequest}. */
    public Blueprint beforeRequest(BeforeRequest hook) {
        return before("beforeRequest", records, hook);
    }

    /** Adds an after-function for this blueprint's requests, run before the App's; see {@link AfterRequest}. */
    public Blueprint afterRequest(AfterRequest hook) {
        return after("afterRequest", records, hook);
    }

    /** Adds a teardown function for this blueprint's requests, run before the App's; see {@link Teardown}. */
    public Blueprint teardownRequest(Teardown<Request> hook) {
        return teardown("teardownRequest", records, hook);
    }

    /**
     * Answers errors of a status raised in this blueprint's requests, and 404 and 405 for paths
     * under its prefix, before the App's handlers; see {@link App#errorHandler(int, ErrorHandler)}.
     */
    public Blueprint errorHandler(int status, ErrorHandler<? super HttpError> handler) {
        return statusHandler("errorHandler", records, status, handler);
    }

    /** Answers exceptions of a class raised in this blueprint's requests; see {@link App#errorHandler(Class, ErrorHandler)}. */
    public <E extends Throwable> Blueprint errorHandler(Class<E> type, ErrorHandler<? super E> handler) {
        return classHandler("errorHandler", records, type, handler);
    }

    /** Adds a before-function for every request of the App, Flask's {@code before_app_request}. */
    public Blueprint beforeAppRequest(BeforeRequest hook) {
        return before("beforeAppRequest", appWide, hook);
    }

    /** Adds an after-function for every request of the App, Flask's {@code after_app_request}. */
    public Blueprint afterAppRequest(AfterRequest hook) {
        return after("afterAppRequest", appWide, hook);
    }

    /** Adds a teardown function for every request of the App, Flask's {@code teardown_app_request}. */
    public Blueprint teardownAppRequest(Teardown<Request> hook) {
        return teardown("teardownAppRequest", appWide, hook);
    }

    /** Adds an error handler for a status in every request of the App, Flask's {@code app_errorhandler}. */
    public Blueprint appErrorHandler(int status, ErrorHandler<? super HttpError> handler) {
        return statusHandler("appErrorHandler", appWide, status, handler);
    }

    /** Adds an error handler for an exception class in every request of the App. */
    public <E extends Throwable> Blueprint appErrorHandler(Class<E> type, ErrorHandler<? super E> handler) {
        return classHandler("appErrorHandler", appWide, type, handler);
    }

    /**
     * Serves the files of a folder at {@code <prefix>/static/<path:filename>} (see
     * {@link #staticUrlPath}), endpoint {@code <name>.static}, as {@link App#staticFolder} does for
     * the App: {@code classpath:} and a resource folder, or a filesystem directory. None by default.
     *
     * @param folder for example {@code classpath:auth/static} or {@code /srv/auth/static}
     * @return this blueprint
     * @throws IllegalArgumentException for a malformed folder; a missing one fails at registration
     */
    public Blueprint staticFolder(String folder) {
        return setup("staticFolder", () -> {
            staticSource = Optional.of(StaticFolder.parse(folder));
            staticFolder = Optional.of(folder);
        });
    }

    /** @return the static folder as given to {@link #staticFolder(String)}, empty for none */
    public Optional<String> staticFolder() {
        return staticFolder;
    }

    /**
     * Changes where the static folder is served below the blueprint's prefix.
     *
     * @param path for example {@code /assets}; default {@code /static}
     * @return this blueprint
     * @throws IllegalArgumentException for a path that does not start with {@code /}
     */
    public Blueprint staticUrlPath(String path) {
        return setup("staticUrlPath", () -> staticUrlPath = StaticFolder.checkUrlPath(path));
    }

    /**
     * Sets the blueprint's template folder, searched by the template engine after the App's own
     * (framework-templates reads it through {@link #templateFolder()}). None by default.
     *
     * @param folder {@code classpath:} and a resource folder, for example {@code classpath:auth/templates}
     *     (what an app running from a jar has), or a filesystem directory, as for {@link #staticFolder(String)}
     * @return this blueprint
     */
    public Blueprint templateFolder(String folder) {
        Objects.requireNonNull(folder, "folder");
        return setup("templateFolder", () -> templateFolder = Optional.of(folder));
    }

    /** @return the template folder, empty for none */
    public Optional<String> templateFolder() {
        return templateFolder;
    }

    @Override
    public String toString() {
        return "Blueprint[" + name + (urlPrefix.isEmpty() ? "" : " at " + urlPrefix) + "]";
    }

    /**
     * Applies the blueprint inside a scope (the App's, or a parent blueprint's registration): a
     * new scope, its static route, the recorded registrations, and once per App the app-wide ones.
     */
    void registerOn(Scope parent, BlueprintOptions options) {
        Blueprints all = parent.blueprints();
        registered = true;
        String prefix = options.urlPrefix().orElse(urlPrefix);
        Scope scope = all.add(parent, options.name().orElse(name), prefix, this);
        if (staticSource.isPresent()) {
            scope.staticFiles(staticSource.get().existing("Blueprint '" + scope.name().orElseThrow() + "'"),
                    staticUrlPath);
        }
        for (Consumer<Scope> registration : records) {
            registration.accept(scope);
        }
        if (all.firstAppWide(this)) {
            Scope app = parent.root();
            for (Consumer<Scope> registration : appWide) {
                registration.accept(app);
            }
        }
    }

    private Blueprint record(String method, Consumer<Scope> registration) {
        return setup(method, () -> records.add(registration));
    }

    private Blueprint before(String method, List<Consumer<Scope>> target, BeforeRequest hook) {
        Objects.requireNonNull(hook, "hook");
        return setup(method, () -> target.add(scope -> scope.hooks.before.add(hook)));
    }

    private Blueprint after(String method, List<Consumer<Scope>> target, AfterRequest hook) {
        Objects.requireNonNull(hook, "hook");
        return setup(method, () -> target.add(scope -> scope.hooks.after.add(hook)));
    }

    private Blueprint teardown(String method, List<Consumer<Scope>> target, Teardown<Request> hook) {
        Objects.requireNonNull(hook, "hook");
        return setup(method, () -> target.add(scope -> scope.hooks.teardownRequest.add(hook)));
    }

    private Blueprint statusHandler(String method, List<Consumer<Scope>> target, int status,
            ErrorHandler<? super HttpError> handler) {
        ErrorHandlers.checkStatus(status);
        Objects.requireNonNull(handler, "handler");
        return setup(method, () -> target.add(scope -> scope.errorHandlers.add(status, handler)));
    }

    private <E extends Throwable> Blueprint classHandler(String method, List<Consumer<Scope>> target, Class<E> type,
            ErrorHandler<? super E> handler) {
        Objects.requireNonNull(type, "exception class");
        Objects.requireNonNull(handler, "handler");
        return setup(method, () -> target.add(scope -> scope.errorHandlers.add(type, handler)));
    }

    private Blueprint setup(String method, Runnable change) {
        if (registered) {
            throw new IllegalStateException("The setup method '" + method + "' can no longer be called on blueprint '"
                    + name + "': it is already registered on an App, and changes now would not apply consistently. "
                    + "Set the blueprint up completely (routes, hooks, error handlers, nested blueprints) before "
                    + "app.register(blueprint).");
        }
        change.run();
        return this;
    }

    static String checkName(String name, String where) {
        Objects.requireNonNull(name, "blueprint name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(where + "(\"" + name + "\"): a blueprint name is a word endpoints start "
                    + "with, such as \"auth\" or \"api_v2\": letters, digits, '_' and '-', not starting with a digit or "
                    + "'-'" + (name.contains(".") ? ", and no dots (nested blueprints join names with dots "
                    + "themselves)" : "") + ".");
        }
        return name;
    }

    static String checkPrefix(String prefix, String where) {
        Objects.requireNonNull(prefix, "url prefix");
        if (!prefix.isEmpty() && !prefix.startsWith("/")) {
            throw new IllegalArgumentException(where + ": the URL prefix '" + prefix + "' must start with a slash: \"/"
                    + prefix + "\" (or be \"\" for none).");
        }
        return prefix;
    }
}
