/**
 * Carafe, the framework: a Flask-like {@link dev.carafe.App} on top of the gateway contract.
 *
 * <pre>{@code
 * App app = new App();
 * app.get("/", request -> "Hello, World!");
 * app.get("/users/<int:id>", request -> Map.of("id", request.viewArgs().get("id")));
 * app.run();   // http://127.0.0.1:5000/
 * }</pre>
 *
 * <p>{@link dev.carafe.App} holds the routes, hooks, error handlers and settings;
 * {@link dev.carafe.Handler}s receive a {@link dev.carafe.Request}, reach its
 * {@link dev.carafe.RequestContext} ({@code g}, the {@link dev.carafe.Session}) and return a
 * response value; {@link dev.carafe.HttpError} answers with an error status. A
 * {@link dev.carafe.Blueprint} groups routes, hooks and error handlers under a name and URL prefix:
 * {@code app.register(new Blueprint("auth").urlPrefix("/auth").get("/login", request -> "login"))}.
 * Guides: {@code docs/quickstart.md}, {@code docs/handlers.md}, {@code docs/request-response.md},
 * {@code docs/errors.md}, {@code docs/blueprints.md}, {@code docs/views.md}, {@code docs/testing.md},
 * {@code docs/cli.md} (the command line, {@code app.cli(args)}, and the lifecycle hooks),
 * {@code docs/debugging.md} (the debug page and logging).
 */
package dev.carafe;
