package dev.carafe.sample;

import dev.carafe.App;
import dev.carafe.Response;

/** The sample application until the flaskr port arrives: a Carafe App with two routes. */
public final class SampleApp {

    private SampleApp() {
    }

    /**
     * Builds the App.
     *
     * @return the sample App, not yet serving
     */
    public static App create() {
        // tag::app[]
        App app = new App();
        app.get("/", request -> Response.text("Hello, World!"));
        app.get("/hello/<name>", request -> Response.text("Hello, " + request.viewArgs().get("name") + "!"));
        // end::app[]
        return app;
    }
}
