package dev.carafe;

/**
 * Registers a controller's routes on an App the way {@code App.register(controller)} does: each
 * {@link ControllerRoute} as a route whose result goes through {@link ReturnValues}.
 */
final class Controllers {

    private Controllers() {
    }

    static App register(App app, Object controller) {
        for (ControllerRoute route : ControllerScanner.scan(controller)) {
            app.route(route.rule(), route.methods(), route.endpoint(),
                    request -> ReturnValues.toResponse(route.handler().handle(request), route.endpoint()));
        }
        return app;
    }
}
