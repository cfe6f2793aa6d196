package dev.carafe.templates;

import dev.carafe.App;
import dev.carafe.Response;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A flaskr-shaped App whose pages are the test templates: blog.index (also 'index'), blog.create, blog.update, auth.*. */
final class FlaskrPages {

    static final Map<String, Object> POST = Map.of("id", 1, "title", "test title", "body", "test\nbody",
            "created", LocalDateTime.of(2018, 1, 1, 0, 0), "author_id", 1, "username", "test");

    private FlaskrPages() {
    }

    /** The App, with {@code g.user} set from the {@code user} query argument (an id) before each request. */
    static App app(Templates.Builder... customised) {
        App app = new App().secretKey("dev");
        Templates templates = customised.length == 0 ? Templates.create(app) : customised[0].build();
        app.beforeRequest(request -> {
            request.g().put("user", request.args().first("user")
                    .map(id -> (Object) Map.of("id", Integer.parseInt(id), "username", "test")).orElse(null));
            return java.util.Optional.empty();
        });
        app.route("/", Set.of("GET"), "blog.index",
                request -> templates.render("blog/index.html", Map.of("posts", List.of(POST))));
        app.endpointAlias("index", "blog.index");
        app.route("/create", Set.of("GET", "POST"), "blog.create",
                request -> templates.render("blog/create.html", Map.of()));
        app.route("/<int:id>/update", Set.of("GET", "POST"), "blog.update", request -> Response.text("update"));
        app.route("/auth/register", Set.of("GET", "POST"), "auth.register", request -> Response.text("register"));
        app.route("/auth/login", Set.of("GET", "POST"), "auth.login", request -> Response.text("login"));
        app.route("/auth/logout", Set.of("GET"), "auth.logout", request -> Response.text("logout"));
        return app;
    }
}
