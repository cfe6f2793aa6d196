package dev.carafe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carafe.gateway.testing.TestResponse;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AppRoutingTest {

    @Test
    void lambdaHandlersAnswerEachMethod() {
        App app = new App();
        app.get("/items", request -> "list");
        app.post("/items", request -> "create");
        app.put("/items/<int:id>", request -> "put " + request.viewArgs().get("id"));
        app.patch("/items/<int:id>", request -> "patch " + request.viewArgs().get("id"));
        app.delete("/items/<int:id>", request -> "delete " + request.viewArgs().get("id"));
        AppTestClient client = app.testClient();

        assertEquals("list", client.get("/items").text());
        assertEquals("create", client.post("/items").send().text());
        assertEquals("put 7", client.put("/items/7").send().text());
        assertEquals("patch 8", client.patch("/items/8").send().text());
        assertEquals("delete 9", client.delete("/items/9").text());
    }

    @Test
    void viewArgsAreTypedByTheRulesConverters() {
        App app = new App();
        app.get("/users/<int:id>", request -> request.viewArgs().get("id").getClass().getSimpleName());

        assertEquals("Integer", app.testClient().get("/users/42").text());
    }

    @Test
    void defaultEndpointsJoinSegmentsWithDotsAndNameVariables() {
        assertEquals("index", Routes.defaultEndpoint("/"));
        assertEquals("users", Routes.defaultEndpoint("/users"));
        assertEquals("users", Routes.defaultEndpoint("/users/"));
        assertEquals("users.id", Routes.defaultEndpoint("/users/<int:id>"));
        assertEquals("id.update", Routes.defaultEndpoint("/<int:id>/update"));
        assertEquals("files.name", Routes.defaultEndpoint("/files/<path:name>"));
        assertEquals("tags.name", Routes.defaultEndpoint("/tags/<any(a, b):name>"));
    }

    @Test
    void routesBuildUrlsByTheirDefaultOrChosenEndpoint() {
        App app = new App();
        app.get("/users/<int:id>", request -> "user");
        app.route("/<int:id>/update", Set.of("GET", "POST"), "blog.update", request -> "update");

        assertEquals("/users/5", app.urlFor("users.id", Map.of("id", 5)));
        assertEquals("/3/update", app.urlFor("blog.update", Map.of("id", 3)));
    }

    @Test
    void twoPatternsWithTheSameDefaultEndpointAreRefused() {
        App app = new App();
        app.get("/users/<int:id>", request -> "by number");

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> app.get("/users/<uuid:id>", request -> "by uuid"));
        assertEquals("Rule '/users/<uuid:id>' gets the default endpoint 'users.id', which rule '/users/<int:id>' "
                + "already has. Name one of them: app.route(\"/users/<uuid:id>\", methods, \"users.id.other\", "
                + "handler).", error.getMessage());
    }

    @Test
    void samePatternWithOtherMethodsSharesTheEndpoint() {
        App app = new App();
        app.get("/posts", request -> "list");
        app.post("/posts", request -> "create");

        assertEquals("/posts", app.urlFor("posts", Map.of()));
    }

    @Test
    void endpointAliasBuildsWithoutASecondRule() {
        App app = new App();
        app.route("/", Set.of("GET"), "blog.index", request -> "index");
        app.endpointAlias("index", "blog.index");

        assertEquals("/", app.urlFor("index", Map.of()));
        assertEquals(1, app.routes.router().rules().size());
    }

    @Test
    void unknownPathIsA404Page() {
        App app = new App();
        app.get("/", request -> "home");

        TestResponse response = app.testClient().get("/missing");

        assertEquals(404, response.status());
        assertEquals(Optional.of("text/html; charset=utf-8"), response.header("Content-Type"));
        assertTrue(response.text().contains("<title>404 Not Found</title>"), response.text());
    }

    @Test
    void wrongMethodIsA405ListingTheAllowedMethods() {
        App app = new App();
        app.post("/<int:id>/delete", request -> "deleted");

        TestResponse response = app.testClient().get("/1/delete");

        assertEquals(405, response.status());
        assertEquals(Optional.of("POST, OPTIONS"), response.header("Allow"));
    }

    @Test
    void branchRuleWithoutItsSlashRedirectsWith308KeepingTheQuery() {
        App app = new App();
        app.get("/projects/", request -> "projects");

        TestResponse response = app.testClient().get("/projects?page=2");

        assertEquals(308, response.status());
        assertEquals(Optional.of("/projects/?page=2"), response.header("Location"));
    }

    @Test
    void redirectUnderAMountPointKeepsTheScriptName() {
        App app = new App();
        app.get("/projects/", request -> "projects");

        TestResponse response = app.testClient().request("GET", "/projects").environ("SCRIPT_NAME", "/app").send();

        assertEquals(Optional.of("/app/projects/"), response.header("Location"));
    }

    @Test
    void headIsServedByTheGetHandlerWithoutABody() {
        App app = new App();
        app.get("/page", request -> "a page of text");

        TestResponse response = app.testClient().request("HEAD", "/page").send();

        assertEquals(200, response.status());
        assertEquals("", response.text());
        assertEquals(Optional.of("text/html; charset=utf-8"), response.header("Content-Type"));
    }

    @Test
    void optionsIsAnsweredAutomaticallyWithAllow() {
        App app = new App();
        app.route("/<int:id>/update", Set.of("GET", "POST"), request -> "update");

        TestResponse response = app.testClient().request("OPTIONS", "/1/update").send();

        assertEquals(200, response.status());
        assertEquals(Optional.of("GET, HEAD, POST, OPTIONS"), response.header("Allow"));
        assertEquals("", response.text());
    }

    @Test
    void anExplicitOptionsRouteWinsOverTheAutomaticAnswer() {
        App app = new App();
        app.route("/cors", Set.of("GET", "OPTIONS"), request -> request.method().equals("OPTIONS") ? "preflight" : "get");

        assertEquals("preflight", app.testClient().request("OPTIONS", "/cors").send().text());
    }

    @Test
    void aRouteWithoutMethodsIsRefused() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new App().route("/x", Set.of(), request -> "x"));
        assertEquals("Rule '/x' has no methods; give at least one, for example Set.of(\"GET\", \"POST\").",
                error.getMessage());
    }
}
