package dev.carafe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.carafe.gateway.testing.TestResponse;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AppRedirectTest {

    private static App moved() {
        App app = new App();
        app.redirect("/users/<int:id>", "/people/<id>");
        app.get("/people/<int:id>", request -> "person " + request.viewArgs().get("id"));
        return app;
    }

    @Test
    void theOldUrlAnswersAPermanentRedirectToTheNewOne() {
        TestResponse response = moved().testClient().get("/users/7");

        assertEquals(308, response.status());
        assertEquals(Optional.of("/people/7"), response.header("Location"));
    }

    @Test
    void theLocationIsUnderTheMountPointAndKeepsTheQueryString() {
        TestResponse response = moved().testClient().request("GET", "/users/7?tab=posts&x=%C3%A9")
                .environ("SCRIPT_NAME", "/app").send();

        assertEquals(Optional.of("/app/people/7?tab=posts&x=%C3%A9"), response.header("Location"));
    }

    @Test
    void theClientFollowingTheRedirectReachesTheNewHandler() {
        TestResponse response = moved().testClient().request("GET", "/users/7").followRedirects(true).send();

        assertEquals("person 7", response.text());
    }

    @Test
    void theRulesConvertersDecideWhatMatchesAndWriteTheTarget() {
        App app = new App();
        app.redirect("/n/<int(fixed_digits=3):n>", "/numbers/<n>");
        app.redirect("/files/<path:name>", "/docs/<name>");
        AppTestClient client = app.testClient();

        assertEquals(Optional.of("/numbers/007"), client.get("/n/007").header("Location"));
        assertEquals(404, client.get("/n/abc").status());
        assertEquals(Optional.of("/docs/a/caf%C3%A9%20b.txt"), client.get("/files/a/caf%C3%A9%20b.txt")
                .header("Location"));
    }

    @Test
    void everyMethodIsRedirectedSoTheClientRepeatsIt() {
        AppTestClient client = moved().testClient();

        assertEquals(308, client.post("/users/7").send().status());
        assertEquals(308, client.delete("/users/7").status());
        assertEquals(308, client.request("HEAD", "/users/7").send().status());
    }

    @Test
    void aFunctionComputesTheTarget() {
        App app = new App();
        app.redirect("/p/<slug>", values -> "/posts/" + values.get("slug").toString().toLowerCase());

        assertEquals(Optional.of("/posts/hello"), app.testClient().get("/p/Hello").header("Location"));
    }

    @Test
    void aBlueprintRedirectsWithinItsPrefixForEachRegistration() {
        Blueprint api = new Blueprint("api").urlPrefix("/api");
        api.redirect("/users/<int:id>", "/people/<id>");
        api.redirect("/u/<int:id>", values -> "/people/" + values.get("id"));
        App app = new App();
        app.register(api);
        app.register(api, BlueprintOptions.named("v2").withUrlPrefix("/v2"));
        AppTestClient client = app.testClient();

        assertEquals(Optional.of("/api/people/3"), client.get("/api/users/3").header("Location"));
        assertEquals(Optional.of("/v2/people/3"), client.get("/v2/users/3").header("Location"));
        assertEquals(Optional.of("/v2/people/4"), client.get("/v2/u/4").header("Location"));
    }

    @Test
    void theRedirectingRuleKeepsAnEndpointForBuildingTheOldUrl() {
        assertEquals("/users/7", moved().urlFor("users.id", Map.of("id", 7)));
    }

    @Test
    void aTargetNeedingAValueTheRuleHasNotIsRefusedAtSetup() {
        App app = new App();

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> app.redirect("/users/<int:id>", "/people/<name>"));
        assertEquals("Rule '/users/<int:id>' (GET, POST, PUT, PATCH, DELETE) -> users.id redirects to "
                + "'/people/<name>', which needs 'name', but the rule has no variable or default of that name; use one of id.",
                error.getMessage());
    }

    @Test
    void aFunctionReturningNoPathFailsTheRequestSayingWhy() {
        App app = new App().testing(true);
        app.redirect("/p/<slug>", values -> "posts");

        IllegalStateException error = assertThrows(IllegalStateException.class, () -> app.testClient().get("/p/a"));
        assertEquals("The redirect function of rule '/p/<slug>' (GET, POST, PUT, PATCH, DELETE) -> p.slug returned "
                + "'posts' for {slug=a}; return a path from the application's root, starting with '/'.",
                error.getMessage());
    }
}
