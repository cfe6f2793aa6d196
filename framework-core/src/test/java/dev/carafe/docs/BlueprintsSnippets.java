package dev.carafe.docs;

import dev.carafe.App;
import dev.carafe.Blueprint;
import dev.carafe.BlueprintOptions;
import dev.carafe.HttpError;
import dev.carafe.Response;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The code of docs/blueprints.md; BlueprintsSnippetsTest runs it. */
final class BlueprintsSnippets {

    private BlueprintsSnippets() {
    }

    /** The JSON body of an API error. */
    record ApiError(String error, int status) {
    }

    // tag::auth[]
    static Blueprint auth() {
        Blueprint auth = new Blueprint("auth").urlPrefix("/auth");

        auth.route("/register", Set.of("GET", "POST"), request -> "the register form");   // endpoint auth.register

        auth.route("/login", Set.of("GET", "POST"), request -> {                          // endpoint auth.login
            if (request.method().equals("POST")) {
                request.session().put("user_id", 1);
                return Response.redirect(request.urlFor("index", Map.of()));
            }
            return "the login form; no account? " + request.urlFor(".register", Map.of());
        });

        auth.get("/logout", request -> {                                                    // endpoint auth.logout
            request.session().clear();
            return Response.redirect(request.urlFor("index", Map.of()));
        });

        auth.beforeAppRequest(request -> {           // every request of the App, not only auth's
            request.session().get("user_id", Integer.class).ifPresent(id -> request.g().put("user", id));
            return Optional.empty();
        });
        return auth;
    }
    // end::auth[]

    static Blueprint blog() {
        // tag::blog[]
        Blueprint blog = new Blueprint("blog");                          // no prefix: "/" is blog.index
        blog.get("/", request -> "the posts");
        blog.route("/create", Set.of("GET", "POST"), request -> "new post");
        blog.route("/<int:id>/update", Set.of("GET", "POST"), "update", request -> "edit");   // blog.update
        // end::blog[]
        return blog;
    }

    static App app() {
        // tag::register[]
        App app = new App().secretKey("dev");
        app.register(auth());
        app.register(blog());
        app.endpointAlias("index", "blog.index");   // url_for("index") is "/", as in flaskr
        // end::register[]
        return app;
    }

    static App twice() {
        Blueprint api = new Blueprint("api");
        // tag::twice[]
        api.get("/users", request -> request.blueprint().orElseThrow() + " users");

        App app = new App();
        app.register(api, BlueprintOptions.named("v1").withUrlPrefix("/v1"));    // v1.users at /v1/users
        app.register(api, BlueprintOptions.named("v2").withUrlPrefix("/v2"));    // v2.users at /v2/users
        // end::twice[]
        return app;
    }

    static App nested() {
        // tag::nested[]
        Blueprint v1 = new Blueprint("v1").urlPrefix("/v1");
        v1.get("/users/<int:id>", request -> "user " + request.viewArgs().get("id"));     // api.v1.users.id

        Blueprint api = new Blueprint("api").urlPrefix("/api");
        api.afterRequest((request, response) -> response.withHeader("Cache-Control", "no-store"));
        api.register(v1);                                                  // /api/v1/users/<int:id>

        App app = new App().register(api);
        // end::nested[]
        return app;
    }

    static App apiErrors() {
        // tag::api-errors[]
        Blueprint api = new Blueprint("api").urlPrefix("/api");
        api.get("/users/<int:id>", request -> Map.of("id", request.viewArgs().get("id")));
        api.errorHandler(HttpError.class, (request, error) ->
                Response.json(new ApiError(error.title(), error.status())).withStatus(error.status()));

        App app = new App().register(api);
        app.errorHandler(404, (request, error) -> Response.html("<h1>Lost?</h1>").withStatus(404));
        // GET /api/nope      → 404 {"error":"Not Found","status":404}   (the api blueprint owns /api)
        // DELETE /api/users/1 → 405 {"error":"Method Not Allowed",...} with Allow: GET, HEAD, OPTIONS
        // GET /nope          → 404 <h1>Lost?</h1>
        // end::api-errors[]
        return app;
    }

    static App statics() {
        // tag::static[]
        Blueprint admin = new Blueprint("admin").urlPrefix("/admin")
                .staticFolder("classpath:dev/carafe/admin-static");   // src/main/resources/dev/carafe/admin-static
        admin.get("/", request -> "<link rel=stylesheet href=\""
                + request.urlFor(".static", Map.of("filename", "site.css")) + "\">");

        App app = new App().register(admin);                          // GET /admin/static/site.css
        // end::static[]
        return app;
    }
}
