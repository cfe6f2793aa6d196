package dev.carafe.benchmarks.app;

import dev.carafe.App;
import dev.carafe.HttpError;
import dev.carafe.Request;
import dev.carafe.Response;
import dev.carafe.benchmarks.server.HelloWorld;
import dev.carafe.benchmarks.server.Message;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The wrk benchmark as an {@link App}: {@code GET /plaintext} and {@code GET /json} among 50 rules
 * shaped like a JSON API (static and dynamic paths, {@code int}, {@code uuid} and {@code path}
 * converters, GET, POST, PUT, PATCH and DELETE), so that the router has real work to do.
 *
 * <p>{@code /plaintext} sends the same bytes and {@code Content-Type} as the raw gateway
 * application ({@code text/plain}, which is why it sets the type: {@code Response.text} alone says
 * {@code text/plain; charset=utf-8}); {@code /json} returns a new {@link Message} record that the
 * App's JSON conversion writes with Jackson. The other 48 handlers answer small JSON documents
 * built from their rule variables; wrk never calls them.
 */
public final class ApiApp {

    /** The number of rules {@link #create()} registers, {@code /plaintext} and {@code /json} included. */
    public static final int RULES = 50;

    private static final String GREETING = "Hello, World!";

    private ApiApp() {
    }

    /**
     * Builds the App with its {@value #RULES} rules.
     *
     * @return the App, not yet frozen
     */
    public static App create() {
        App app = new App();
        users(app);
        orgs(app);
        app.get(HelloWorld.PLAINTEXT_PATH, request -> Response.text(GREETING, HelloWorld.TEXT_PLAIN));
        app.get(HelloWorld.JSON_PATH, request -> new Message(GREETING));
        app.get("/health", request -> Map.of("status", "ok"));
        app.get("/version", request -> Map.of("version", "1.0"));
        app.get("/search", request -> Map.of("q", request.args().first("q").orElse("")));
        app.get("/files/<uuid:id>", request -> Map.of("file", variable(request, "id")));
        app.get("/static/<path:file>", request -> Map.of("static", variable(request, "file")));
        return app;
    }

    /** Users and everything under them: 23 rules. */
    private static void users(App app) {
        app.get("/users", request -> List.of());
        app.post("/users", request -> Response.json(Map.of("created", true)).withStatus(201));
        app.get("/users/me", request -> Map.of("user", "me"));
        app.get("/users/search", request -> List.of());
        app.get("/users/<int:id>", request -> Map.of("user", variable(request, "id")));
        app.put("/users/<int:id>", request -> Map.of("updated", variable(request, "id")));
        app.patch("/users/<int:id>", request -> Map.of("patched", variable(request, "id")));
        app.delete("/users/<int:id>", request -> Response.noContent());
        app.get("/users/<int:id>/posts", request -> List.of());
        app.post("/users/<int:id>/posts", request -> Response.json(Map.of("created", true)).withStatus(201));
        app.get("/users/<int:id>/posts/<int:post>", request -> Map.of("post", variable(request, "post")));
        app.put("/users/<int:id>/posts/<int:post>", request -> Map.of("updated", variable(request, "post")));
        app.delete("/users/<int:id>/posts/<int:post>", request -> Response.noContent());
        app.get("/users/<int:id>/posts/<int:post>/comments", request -> List.of());
        app.post("/users/<int:id>/posts/<int:post>/comments", request -> Response.json(Map.of()).withStatus(201));
        app.get("/users/<int:id>/followers", request -> List.of());
        app.get("/users/<int:id>/following", request -> List.of());
        app.put("/users/<int:id>/following/<name>", request -> Response.noContent());
        app.delete("/users/<int:id>/following/<name>", request -> Response.noContent());
        app.get("/users/<int:id>/settings", request -> Map.of());
        app.patch("/users/<int:id>/settings", request -> Map.of());
        app.get("/users/<int:id>/avatar", request -> Response.bytes(new byte[0], "image/png"));
        app.route("/users/<int:id>/keys", Set.of("GET", "POST"), request -> List.of());
    }

    /** Organizations, their members, repositories, issues and pulls: 20 rules. */
    private static void orgs(App app) {
        app.get("/orgs", request -> List.of());
        app.post("/orgs", request -> Response.json(Map.of("created", true)).withStatus(201));
        app.get("/orgs/<org>", request -> Map.of("org", variable(request, "org")));
        app.patch("/orgs/<org>", request -> Map.of("org", variable(request, "org")));
        app.delete("/orgs/<org>", request -> Response.noContent());
        app.get("/orgs/<org>/members", request -> List.of());
        app.put("/orgs/<org>/members/<user>", request -> Response.noContent());
        app.delete("/orgs/<org>/members/<user>", request -> Response.noContent());
        app.get("/orgs/<org>/repos", request -> List.of());
        app.post("/orgs/<org>/repos", request -> Response.json(Map.of("created", true)).withStatus(201));
        app.get("/orgs/<org>/repos/<repo>", request -> Map.of("repo", variable(request, "repo")));
        app.patch("/orgs/<org>/repos/<repo>", request -> Map.of("repo", variable(request, "repo")));
        app.delete("/orgs/<org>/repos/<repo>", request -> Response.noContent());
        app.get("/orgs/<org>/repos/<repo>/issues", request -> List.of());
        app.post("/orgs/<org>/repos/<repo>/issues", request -> Response.json(Map.of()).withStatus(201));
        app.get("/orgs/<org>/repos/<repo>/issues/<int:number>", request -> Map.of("issue", variable(request, "number")));
        app.patch("/orgs/<org>/repos/<repo>/issues/<int:number>", request -> Map.of("issue", variable(request, "number")));
        app.get("/orgs/<org>/repos/<repo>/pulls", request -> List.of());
        app.get("/orgs/<org>/repos/<repo>/pulls/<int:number>", request -> Map.of("pull", variable(request, "number")));
        app.get("/orgs/<org>/repos/<repo>/contents/<path:file>", request -> Map.of("file", variable(request, "file")));
    }

    /** A rule variable, for the handler's JSON answer; a name the rule does not bind is a 404 naming it. */
    private static Object variable(Request request, String name) {
        Object value = request.viewArgs().get(name);
        if (value == null) {
            throw new HttpError.NotFound("No rule variable '" + name + "' in " + request.path());
        }
        return value;
    }
}
