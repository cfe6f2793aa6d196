package dev.carafe.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The routes of Flask's tutorial app, answered as Flask 3.1 answers them (flaskr.md §4 and §8). */
class FlaskrRoutesTest {

    private static Router flaskr() {
        return new Router()
                .add(Rule.of("/hello", "hello"))
                .add(Rule.of("/auth/register", "auth.register").withMethods("GET", "POST"))
                .add(Rule.of("/auth/login", "auth.login").withMethods("GET", "POST"))
                .add(Rule.of("/auth/logout", "auth.logout"))
                .add(Rule.of("/", "blog.index"))
                .add(Rule.of("/create", "blog.create").withMethods("GET", "POST"))
                .add(Rule.of("/<int:id>/update", "blog.update").withMethods("GET", "POST"))
                .add(Rule.of("/<int:id>/delete", "blog.delete").withMethods("POST"))
                .add(Rule.of("/static/<path:filename>", "static"))
                .alias("index", "blog.index")
                .freeze();
    }

    @Test
    void everyFlaskrRouteMatchesItsEndpointWithTypedValues() {
        Router router = flaskr();
        assertEquals(new RouteMatch.Found(router.rules().get(0), Map.of()), router.match("GET", "/hello"));
        assertEquals("blog.index", ((RouteMatch.Found) router.match("GET", "/")).endpoint());
        assertEquals("auth.login", ((RouteMatch.Found) router.match("POST", "/auth/login")).endpoint());
        RouteMatch.Found update = (RouteMatch.Found) router.match("POST", "/1/update");
        assertEquals("blog.update", update.endpoint());
        assertEquals(Map.of("id", 1), update.values());
        RouteMatch.Found file = (RouteMatch.Found) router.match("GET", "/static/css/style.css");
        assertEquals(Map.of("filename", "css/style.css"), file.values());
    }

    @Test
    void getOnTheDeleteRouteIsMethodNotAllowedWithPostAndOptions() {
        assertEquals(new RouteMatch.MethodNotAllowed(Set.of("POST", "OPTIONS")), flaskr().match("GET", "/1/delete"));
        assertEquals("[POST, OPTIONS]", ((RouteMatch.MethodNotAllowed) flaskr().match("GET", "/1/delete"))
                .allowed().toString());
    }

    @Test
    void aLeafRuleRequestedWithATrailingSlashIsNotFound() {
        assertEquals(new RouteMatch.NotFound(), flaskr().match("GET", "/auth/login/"));
    }

    @Test
    void aNegativeOrNonNumericPostIdIsNotFound() {
        assertEquals(new RouteMatch.NotFound(), flaskr().match("GET", "/-1/update"));
        assertEquals(new RouteMatch.NotFound(), flaskr().match("GET", "/abc/update"));
    }

    @Test
    void theIndexAliasBuildsTheRootWithoutASecondMatchingRule() {
        Router router = flaskr();
        assertEquals("/", router.build("index", Map.of()));
        assertEquals("/", router.build("blog.index", Map.of()));
        assertEquals(1, router.rules().stream().filter(r -> r.pattern().equals("/")).count());
    }

    @Test
    void registeringTheRootTwiceForIndexFailsAsWerkzeug32Does() {
        Router router = new Router().add(Rule.of("/", "blog.index"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> router.add(Rule.of("/", "index")));
        assertEquals("Rule '/' (GET) is already registered for endpoint 'blog.index'; cannot register it again for "
                + "'index'. Use a different path or method, or remove one of the two.", e.getMessage());
    }

    @Test
    void buildingFlaskrUrlsMatchesUrlFor() {
        Router router = flaskr();
        assertEquals("/auth/login", router.build("auth.login", Map.of()));
        assertEquals("/7/update", router.build("blog.update", Map.of("id", 7)));
        assertEquals("/7/delete", router.build("blog.delete", Map.of("id", 7)));
        assertEquals("/static/style.css", router.build("static", Map.of("filename", "style.css")));
    }

    @Test
    void aMisspelledEndpointSuggestsTheBlueprintOne() {
        UrlBuildException e = assertThrows(UrlBuildException.class, () -> flaskr().build("update", Map.of("id", 1)));
        assertEquals("Cannot build a URL for endpoint 'update': no such endpoint. Did you mean 'blog.update'?",
                e.getMessage());
        assertEquals("update", e.endpoint());
    }
}
