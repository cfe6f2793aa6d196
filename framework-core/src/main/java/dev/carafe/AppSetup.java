package dev.carafe;

/**
 * An App's two phases: setup, while its setup methods change it, then serving, from the first
 * request (or URL built outside one) on, when they throw. Freezing ends setup once, for every
 * thread: the config and the settings read from it, the static folder's route, the scopes' hooks,
 * the blueprints and the router, then the request pipeline.
 */
final class AppSetup {

    private final App app;
    private StaticFolder staticFolder = StaticFolder.parse(StaticFolder.APP_DEFAULT);   // context class loader now
    private boolean staticFolderSet;
    private String staticUrlPath = "/static";
    private volatile Dispatch dispatch;

    AppSetup(App app) {
        this.app = app;
    }

    /**
     * Applies a setup change.
     *
     * @param method the App's setup method, for the message
     * @param change the change
     * @throws IllegalStateException when the App is frozen
     */
    synchronized void change(String method, Runnable change) {
        if (dispatch != null) {
            throw new IllegalStateException("The setup method '" + method + "' can no longer be called on this App: "
                    + "it has already handled its first request (or built a URL), and changes now would not apply "
                    + "consistently. Register every route, hook, error handler and setting before the App serves: "
                    + "before app.run(), the first test-client request, or app.urlFor(...).");
        }
        change.run();
    }

    /** Serves this folder at the static URL path; without a call, the default folder when it exists. */
    void staticFolder(StaticFolder folder) {
        staticFolder = folder;
        staticFolderSet = true;
    }

    void staticUrlPath(String path) {
        staticUrlPath = path;
    }

    /** The request pipeline: freezes the App at the first call, then returns it without locking. */
    Dispatch dispatch() {
        Dispatch current = dispatch;
        return current != null ? current : freeze();
    }

    /** Ends setup (idempotent) and returns the request pipeline. */
    synchronized Dispatch freeze() {
        if (dispatch == null) {
            app.config.freeze();
            ConfigSettings.apply(app.config, app.settings);
            if (app.settings.sessions.isEmpty()) {
                app.settings.sessions = ConfigSessions.fromConfig(app.config);
            }
            if (staticFolderSet || staticFolder.exists()) {
                app.scope.staticFiles(staticFolder.existing("The App"), staticUrlPath);
            }
            app.scope.freeze();
            app.blueprints.freeze();
            app.routes.router().freeze();
            app.urls.freeze(app.scope, app.blueprints);
            dispatch = new Dispatch(app);
        }
        return dispatch;
    }
}
