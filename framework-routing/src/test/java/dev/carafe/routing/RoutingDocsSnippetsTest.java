package dev.carafe.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The code of docs/routing.md, compiled and checked. */
class RoutingDocsSnippetsTest {

    @Test
    void setupMatchAndBuild() {
        // tag::setup[]
        Router router = new Router()
                .add(Rule.of("/", "blog.index"))
                .add(Rule.of("/<int:id>/update", "blog.update").withMethods("GET", "POST"))
                .add(Rule.of("/<int:id>/delete", "blog.delete").withMethods("POST"))
                .add(Rule.of("/static/<path:filename>", "static"))
                .alias("index", "blog.index")      // a second name for building, not a second rule
                .freeze();
        // end::setup[]

        // tag::match[]
        RouteMatch match = router.match("GET", "/7/update");
        if (match instanceof RouteMatch.Found found) {
            String endpoint = found.endpoint();            // "blog.update"
            Map<String, Object> values = found.values();   // {id=7}, an Integer
            assertEquals("blog.update", endpoint);
            assertEquals(Map.of("id", 7), values);
        } else if (match instanceof RouteMatch.Redirect redirect) {
            String location = redirect.location("", "");   // 308 Permanent Redirect to this
        } else if (match instanceof RouteMatch.MethodNotAllowed notAllowed) {
            Set<String> allow = notAllowed.allowed();      // 405 with "Allow: " + String.join(", ", allow)
        } else {
            // RouteMatch.NotFound: 404
        }
        // end::match[]

        // tag::outcomes[]
        assertEquals(new RouteMatch.MethodNotAllowed(Set.of("POST", "OPTIONS")), router.match("GET", "/7/delete"));
        assertEquals(new RouteMatch.NotFound(), router.match("GET", "/7/update/"));
        assertEquals(new RouteMatch.NotFound(), router.match("GET", "/-7/update"));
        assertEquals(new RouteMatch.Redirect("/7/update"), router.match("GET", "//7///update"));
        // end::outcomes[]

        // tag::build[]
        assertEquals("/7/update", router.build("blog.update", Map.of("id", 7)));
        assertEquals("/", router.build("index", Map.of()));
        assertEquals("/static/css/style.css?v=3", router.build("static", Map.of("filename", "css/style.css", "v", 3)));
        assertEquals("https://example.com/app/7/update#comments", router.build("blog.update", Map.of("id", 7),
                UrlOptions.defaults()
                        .withScriptName("/app")
                        .withAnchor("comments")
                        .withScheme("https").withHost("example.com").asExternal()));
        // end::build[]
    }

    @Test
    void slashesAndDefaults() {
        // tag::slashes[]
        Router router = new Router()
                .add(Rule.of("/projects/", "projects"))        // a branch: /projects redirects here
                .add(Rule.of("/about", "about"))               // a leaf: /about/ is 404
                .add(Rule.of("/page/", "page").withDefaults(Map.of("n", 1)))
                .add(Rule.of("/page/<int:n>", "page"));
        assertEquals(new RouteMatch.Redirect("/projects/"), router.match("GET", "/projects"));
        assertEquals(new RouteMatch.NotFound(), router.match("GET", "/about/"));
        assertEquals(new RouteMatch.Redirect("/page/"), router.match("GET", "/page/1"));
        assertEquals("/page/", router.build("page", Map.of("n", 1)));
        assertEquals("/page/2", router.build("page", Map.of("n", 2)));
        // end::slashes[]
    }

    @Test
    void redirectingRules() {
        // tag::redirect[]
        Router router = new Router()
                .add(Rule.of("/users/<int:id>", "users.old").withRedirectTo("/people/<id>"))
                .add(Rule.of("/p/<slug>", "posts.old").withRedirectTo(values -> "/posts/" + values.get("slug")))
                .add(Rule.of("/people/<int:id>", "people.show"));
        assertEquals(new RouteMatch.Redirect("/people/7"), router.match("GET", "/users/7"));
        assertEquals(new RouteMatch.Redirect("/posts/hello"), router.match("GET", "/p/hello"));
        RouteMatch.Redirect moved = (RouteMatch.Redirect) router.match("GET", "/users/7");
        assertEquals("/app/people/7?tab=posts", moved.location("/app", "tab=posts"));
        assertEquals("/users/7", router.build("users.old", Map.of("id", 7)));   // the old URL still builds
        // end::redirect[]
    }

    @Test
    void customConverter() {
        // tag::custom[]
        Converter list = new Converter() {
            @Override
            public String regex() {
                return "[^/]+(?:,[^/]+)*";
            }

            @Override
            public Object fromUrl(String text) {
                return List.of(text.split(","));
            }

            @Override
            public String toUrl(Object value) {
                return String.join(",", ((List<?>) value).stream().map(String::valueOf).toList());
            }
        };
        Router router = new Router()
                .converter("list", list)                       // before the rules that use it
                .add(Rule.of("/tags/<list:tags>", "tags"));
        RouteMatch.Found found = (RouteMatch.Found) router.match("GET", "/tags/a,b,c");
        assertEquals(List.of("a", "b", "c"), found.values().get("tags"));
        assertEquals("/tags/x,y", router.build("tags", Map.of("tags", List.of("x", "y"))));
        // end::custom[]
    }

    @Test
    void hosts() {
        // tag::subdomains[]
        Router router = new Router()
                .subdomainMatching("example.com")
                .add(Rule.of("/", "home"))                                // example.com only
                .add(Rule.of("/", "user.home").withSubdomain("<user>"));   // ann.example.com
        RouteMatch.Found found = (RouteMatch.Found) router.match("GET", "ann.example.com", "/");
        assertEquals(Map.of("user", "ann"), found.values());
        assertEquals("http://ann.example.com/", router.build("user.home", Map.of("user", "ann")));
        // end::subdomains[]
    }
}
