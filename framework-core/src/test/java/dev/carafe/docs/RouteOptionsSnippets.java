package dev.carafe.docs;

import dev.carafe.App;
import dev.carafe.Blueprint;
import dev.carafe.Handler;
import dev.carafe.RouteOptions;
import dev.carafe.annotation.Controller;
import dev.carafe.annotation.Get;
import java.util.Map;

/** The rule-options code of docs/handlers.md and docs/routing.md; RouteOptionsSnippetsTest runs it. */
final class RouteOptionsSnippets {

    private RouteOptionsSnippets() {
    }

    static App defaults() {
        // tag::defaults[]
        App app = new App();
        Handler users = request -> "Users, page " + request.viewArgs().get("page");
        app.route("/users/", RouteOptions.of().withEndpoint("users").withDefaults(Map.of("page", 1)), users);
        app.route("/users/page/<int:page>", RouteOptions.of().withEndpoint("users"), users);
        // /users/        -> "Users, page 1"     app.urlFor("users", Map.of("page", 1)) is /users/
        // /users/page/2  -> "Users, page 2"     app.urlFor("users", Map.of("page", 2)) is /users/page/2
        // /users/page/1  -> 308 to /users/      (the canonical URL of page 1)
        // end::defaults[]
        return app;
    }

    static App slashes() {
        // tag::slashes[]
        App app = new App();
        app.route("/docs/", RouteOptions.of().withMethods("GET", "POST").withStrictSlashes(false), request -> "Docs");
        app.route("/raw/a//b", RouteOptions.of().withMergeSlashes(false), request -> "Raw");
        // /docs and /docs/ both answer "Docs", without a redirect
        // /raw/a//b answers "Raw"; /raw/a/b is a 404 (and so is /raw//a//b)
        // end::slashes[]
        return app;
    }

    static App blueprint() {
        // tag::blueprint[]
        Blueprint shop = new Blueprint("shop").urlPrefix("/shop");
        Handler items = request -> "Items, page " + request.viewArgs().get("page");
        shop.route("/items/", RouteOptions.of().withEndpoint("items").withDefaults(Map.of("page", 1)), items);
        shop.route("/items/<int:page>", RouteOptions.of().withEndpoint("items"), items);
        App app = new App();
        app.register(shop);                          // /shop/items/ is page 1; endpoint shop.items
        // end::blueprint[]
        return app;
    }

    static App redirects() {
        // tag::redirect[]
        App app = new App();
        app.redirect("/users/<int:id>", "/people/<id>");               // /users/7?tab=x -> 308 /people/7?tab=x
        app.redirect("/p/<slug>", values -> "/posts/" + values.get("slug"));
        app.get("/people/<int:id>", request -> "Person " + request.viewArgs().get("id"));
        Blueprint api = new Blueprint("api").urlPrefix("/api");
        api.redirect("/v1/items", "/items");                           // /api/v1/items -> 308 /api/items
        app.register(api);
        // end::redirect[]
        return app;
    }

    // tag::controller[]
    @Controller(prefix = "/posts", name = "posts")
    public static final class Posts {

        @Get(value = "/", defaults = "page=1")       // "1" becomes the int of the parameter page
        @Get("/page/<int:page>")
        public String list(int page) {               // endpoint posts.list, both rules
            return "Posts, page " + page;
        }

        @Get(value = "/feed", strictSlashes = false) // /posts/feed and /posts/feed/
        public String feed() {
            return "Feed";
        }
    }
    // end::controller[]
}
