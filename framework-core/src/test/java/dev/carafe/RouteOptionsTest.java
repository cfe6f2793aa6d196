package dev.carafe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.carafe.gateway.testing.TestResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouteOptionsTest {

    private static App pagedUsers() {
        App app = new App();
        Handler list = request -> "page " + request.viewArgs().get("page") + " ("
                + request.viewArgs().get("page").getClass().getSimpleName() + ")";
        app.route("/users/", RouteOptions.of().withEndpoint("users").withDefaults(Map.of("page", 1)), list);
        app.route("/users/page/<int:page>", RouteOptions.of().withEndpoint("users"), list);
        return app;
    }

    @Test
    void defaultsReachTheHandlerLikePathVariables() {
        AppTestClient client = pagedUsers().testClient();

        assertEquals("page 1 (Integer)", client.get("/users/").text());
        assertEquals("page 3 (Integer)", client.get("/users/page/3").text());
    }

    @Test
    void thePathSpellingOutADefaultRedirectsToTheRuleThatOmitsIt() {
        TestResponse response = pagedUsers().testClient().request("GET", "/users/page/1?sort=name")
                .environ("SCRIPT_NAME", "/app").send();

        assertEquals(308, response.status());
        assertEquals(Optional.of("/app/users/?sort=name"), response.header("Location"));
    }

    @Test
    void urlForChoosesTheRuleWhoseDefaultsMatchTheValues() {
        App app = pagedUsers();

        assertEquals("/users/", app.urlFor("users", Map.of("page", 1)));
        assertEquals("/users/", app.urlFor("users", Map.of("page", 1L)));
        assertEquals("/users/page/2", app.urlFor("users", Map.of("page", 2)));
    }

    @Test
    void strictSlashesOffMatchesBothFormsWithoutARedirect() {
        App app = new App();
        app.route("/docs/", RouteOptions.of().withStrictSlashes(false), request -> "docs");
        app.route("/about", RouteOptions.of().withStrictSlashes(false), request -> "about");
        AppTestClient client = app.testClient();

        assertEquals(200, client.get("/docs").status());
        assertEquals("docs", client.get("/docs").text());
        assertEquals("about", client.get("/about/").text());
    }

    @Test
    void strictSlashesOnByDefaultRedirectsAndRefuses() {
        App app = new App();
        app.route("/docs/", RouteOptions.of(), request -> "docs");
        app.route("/about", RouteOptions.of(), request -> "about");
        AppTestClient client = app.testClient();

        assertEquals(308, client.get("/docs").status());
        assertEquals(404, client.get("/about/").status());
    }

    @Test
    void mergeSlashesOffAnswersNotFoundInsteadOfRedirecting() {
        App app = new App();
        app.route("/a/b", RouteOptions.of().withMergeSlashes(false), request -> "ab");
        app.route("/c/d", RouteOptions.of(), request -> "cd");
        AppTestClient client = app.testClient();

        assertEquals(404, client.get("/a//b").status());
        assertEquals(308, client.get("/c//d").status());
        assertEquals(Optional.of("/c/d"), client.get("/c//d").header("Location"));
    }

    @Test
    void methodsAndEndpointComeFromTheOptions() {
        App app = new App();
        app.route("/login", RouteOptions.of().withMethods("get", "POST").withEndpoint("auth.login"),
                request -> request.method());
        AppTestClient client = app.testClient();

        assertEquals("POST", client.post("/login").send().text());
        assertEquals("GET", client.get("/login").text());
        assertEquals("/login", app.urlFor("auth.login", Map.of()));
        assertEquals(405, client.delete("/login").status());
    }

    @Test
    void optionsWithoutEndpointUseTheRulesDefaultName() {
        App app = new App();
        app.route("/users/<int:id>", RouteOptions.of(), request -> "user");

        assertEquals("/users/7", app.urlFor("users.id", Map.of("id", 7)));
    }

    @Test
    void aBlueprintKeepsTheOptionsWhenItPrefixesTheRule() {
        Blueprint api = new Blueprint("api").urlPrefix("/api");
        Handler items = request -> "items page " + request.viewArgs().get("page");
        api.route("/items/", RouteOptions.of().withEndpoint("items").withDefaults(Map.of("page", 1)), items);
        api.route("/items/<int:page>", RouteOptions.of().withEndpoint("items"), items);
        api.route("/docs/", RouteOptions.of().withStrictSlashes(false), request -> "api docs");
        App app = new App();
        app.register(api);
        app.register(api, BlueprintOptions.named("v2").withUrlPrefix("/v2"));
        AppTestClient client = app.testClient();

        assertEquals("items page 1", client.get("/api/items/").text());
        assertEquals("items page 4", client.get("/v2/items/4").text());
        assertEquals(Optional.of("/v2/items/"), client.get("/v2/items/1").header("Location"));
        assertEquals("api docs", client.get("/api/docs").text());
        assertEquals("/api/items/", app.urlFor("api.items", Map.of("page", 1)));
        assertEquals("/v2/items/5", app.urlFor("v2.items", Map.of("page", 5)));
    }

    @Test
    void aNullDefaultIsRefusedSayingWhichOne() {
        Map<String, Object> defaults = new java.util.HashMap<>();
        defaults.put("page", null);

        NullPointerException error = assertThrows(NullPointerException.class,
                () -> RouteOptions.of().withDefaults(defaults));
        assertEquals("default 'page' is null; leave it out instead", error.getMessage());
    }

    @Test
    void noMethodsIsRefusedNamingTheRule() {
        App app = new App();

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> app.route("/x", new RouteOptions(Set.of(), Optional.empty(), Map.of(), true, true),
                        request -> "x"));
        assertEquals("Rule '/x' has no methods; give at least one, for example Set.of(\"GET\", \"POST\").",
                error.getMessage());
    }

    @Test
    void theOptionsAreAValueWithFlasksDefaults() {
        RouteOptions options = RouteOptions.of();

        assertEquals(new RouteOptions(Set.of("GET"), Optional.empty(), Map.of(), true, true), options);
        assertEquals(Set.of("PUT"), options.withMethods("PUT").methods());
        assertEquals(List.of("PUT", "PATCH"), List.copyOf(options.withMethods("PUT", "PATCH").methods()));
        assertEquals(Map.of("n", 2), options.withDefaults(Map.of("n", 2)).defaults());
    }
}
