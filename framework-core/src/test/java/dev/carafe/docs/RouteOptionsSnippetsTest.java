package dev.carafe.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.carafe.App;
import dev.carafe.AppTestClient;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Runs the rule-options code of docs/handlers.md and docs/routing.md. */
class RouteOptionsSnippetsTest {

    @Test
    void defaultsStandForTheMissingVariableAndPickTheCanonicalUrl() {
        App app = RouteOptionsSnippets.defaults();
        AppTestClient client = app.testClient();

        assertEquals("Users, page 1", client.get("/users/").text());
        assertEquals("Users, page 2", client.get("/users/page/2").text());
        assertEquals(Optional.of("/users/"), client.get("/users/page/1").header("Location"));
        assertEquals("/users/", app.urlFor("users", Map.of("page", 1)));
        assertEquals("/users/page/2", app.urlFor("users", Map.of("page", 2)));
    }

    @Test
    void strictSlashesOffAndMergeSlashesOff() {
        AppTestClient client = RouteOptionsSnippets.slashes().testClient();

        assertEquals("Docs", client.get("/docs").text());
        assertEquals("Docs", client.post("/docs/").send().text());
        assertEquals("Raw", client.get("/raw/a//b").text());
        assertEquals(404, client.get("/raw/a/b").status());
        assertEquals(404, client.get("/raw//a//b").status());
    }

    @Test
    void aBlueprintsRulesKeepTheirOptions() {
        App app = RouteOptionsSnippets.blueprint();

        assertEquals("Items, page 1", app.testClient().get("/shop/items/").text());
        assertEquals("/shop/items/", app.urlFor("shop.items", Map.of("page", 1)));
        assertEquals("/shop/items/3", app.urlFor("shop.items", Map.of("page", 3)));
    }

    @Test
    void movedUrlsRedirectUnderTheMountPointWithTheirQuery() {
        AppTestClient client = RouteOptionsSnippets.redirects().testClient();

        assertEquals(Optional.of("/blog/people/7?tab=x"), client.request("GET", "/users/7?tab=x")
                .environ("SCRIPT_NAME", "/blog").send().header("Location"));
        assertEquals(Optional.of("/posts/hello"), client.get("/p/hello").header("Location"));
        assertEquals(Optional.of("/api/items"), client.get("/api/v1/items").header("Location"));
        assertEquals(308, client.post("/api/v1/items").send().status());
    }

    @Test
    void annotationsRepeatAndCarryDefaultsAndStrictSlashes() {
        App app = new App().register(new RouteOptionsSnippets.Posts());
        AppTestClient client = app.testClient();

        assertEquals("Posts, page 1", client.get("/posts/").text());
        assertEquals("Posts, page 4", client.get("/posts/page/4").text());
        assertEquals("/posts/", app.urlFor("posts.list", Map.of("page", 1)));
        assertEquals("Feed", client.get("/posts/feed/").text());
    }
}
