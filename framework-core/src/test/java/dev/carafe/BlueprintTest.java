package dev.carafe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.carafe.annotation.Get;
import dev.carafe.gateway.testing.TestResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BlueprintTest {

    @Test
    void routesGetTheBlueprintsPrefixAndName() {
        Blueprint auth = new Blueprint("auth").urlPrefix("/auth");
        auth.get("/login", request -> "login form " + request.endpoint().orElseThrow());
        auth.route("/register", Set.of("GET", "POST"), request -> "register");
        auth.route("/<int:id>/update", Set.of("POST"), "update", request -> "update");
        App app = new App().register(auth);

        assertEquals("login form auth.login", app.testClient().get("/auth/login").text());
        assertEquals("register", app.testClient().post("/auth/register").send().text());
        assertEquals(404, app.testClient().get("/login").status());
        assertEquals("/auth/login", app.urlFor("auth.login", Map.of()));
        assertEquals("/auth/register", app.urlFor("auth.register", Map.of()));
        assertEquals("/auth/7/update", app.urlFor("auth.update", Map.of("id", 7)));
    }

    @Test
    void prefixAndRuleAreJoinedWithOneSlash() {
        Blueprint slashed = new Blueprint("slashed").urlPrefix("/a/");
        slashed.get("/", request -> "a index");
        slashed.get("/b", request -> "a b");
        Blueprint plain = new Blueprint("plain").urlPrefix("/c");
        plain.get("/", request -> "c index");
        Blueprint none = new Blueprint("none");
        none.get("/d", request -> "d");
        App app = new App().register(slashed).register(plain).register(none);

        assertEquals("/a/", app.urlFor("slashed.index", Map.of()));
        assertEquals("/a/b", app.urlFor("slashed.b", Map.of()));
        assertEquals("/c/", app.urlFor("plain.index", Map.of()));
        assertEquals("/d", app.urlFor("none.d", Map.of()));
        assertEquals("a b", app.testClient().get("/a/b").text());
        assertEquals("d", app.testClient().get("/d").text());
    }

    @Test
    void theRegistrationsPrefixReplacesTheBlueprints() {
        Blueprint api = new Blueprint("api").urlPrefix("/api");
        api.get("/ping", request -> "pong");
        App app = new App().register(api, BlueprintOptions.defaults().withUrlPrefix("/v1"));

        assertEquals("pong", app.testClient().get("/v1/ping").text());
        assertEquals(404, app.testClient().get("/api/ping").status());
    }

    @Test
    void oneBlueprintRegisteredTwiceUnderTwoNamesHasTwoSetsOfEndpoints() {
        Blueprint api = new Blueprint("api").urlPrefix("/api");
        api.get("/users", request -> request.blueprint().orElseThrow() + " users at "
                + request.urlFor(".users", Map.of()));
        App app = new App()
                .register(api)
                .register(api, BlueprintOptions.named("v2").withUrlPrefix("/v2"));

        assertEquals("api users at /api/users", app.testClient().get("/api/users").text());
        assertEquals("v2 users at /v2/users", app.testClient().get("/v2/users").text());
        assertEquals(List.of(new RegisteredBlueprint("api", "/api", api), new RegisteredBlueprint("v2", "/v2", api)),
                app.blueprints());
    }

    @Test
    void registeringTheSameNameTwiceSaysToGiveAnotherName() {
        Blueprint api = new Blueprint("api").urlPrefix("/api");
        api.get("/users", request -> "users");
        App app = new App().register(api);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> app.register(api));
        assertEquals("The name 'api' is already registered for this blueprint (at URL prefix '/api'). Endpoint names "
                + "must stay unique: register it under another name, for example register(blueprint, "
                + "BlueprintOptions.named(\"api2\").withUrlPrefix(\"/api2\")).", error.getMessage());
        IllegalArgumentException other = assertThrows(IllegalArgumentException.class,
                () -> app.register(new Blueprint("api").urlPrefix("/other")));
        assertEquals(true, other.getMessage().startsWith("The name 'api' is already registered for a different "
                + "blueprint"));
    }

    @Test
    void relativeUrlForUsesTheCurrentBlueprint() {
        Blueprint auth = new Blueprint("auth").urlPrefix("/auth");
        auth.get("/login", request -> "login");
        auth.get("/logout", request -> request.urlFor(".login", Map.of("next", "/")));
        App app = new App().register(auth);
        app.get("/login", request -> "the App's login");
        app.get("/", request -> request.urlFor(".login", Map.of()) + " " + request.blueprint().isPresent());

        assertEquals("/auth/login?next=/", app.testClient().get("/auth/logout").text());
        assertEquals("/login false", app.testClient().get("/").text());
    }

    @Test
    void requestBlueprintIsEmptyForTheAppsRoutesAndForMisses() {
        Blueprint auth = new Blueprint("auth").urlPrefix("/auth");
        auth.get("/who", request -> request.blueprint().orElse("none"));
        App app = new App().register(auth);
        app.get("/who", request -> request.blueprint().orElse("none"));
        app.errorHandler(404, (request, error) -> Response.text(request.blueprint().orElse("none")).withStatus(404));

        assertEquals("auth", app.testClient().get("/auth/who").text());
        assertEquals("none", app.testClient().get("/who").text());
        assertEquals("none", app.testClient().get("/auth/missing").text());
    }

    @Test
    void controllersAndDefaultEndpointsTakeTheBlueprintsName() {
        Blueprint blog = new Blueprint("blog");
        blog.register(new Posts());
        blog.get("/", request -> "index");
        blog.get("/<int:id>/update", request -> "update");
        App app = new App().register(blog);

        assertEquals("/posts/3", app.urlFor("blog.show", Map.of("id", 3)));
        assertEquals("/", app.urlFor("blog.index", Map.of()));
        assertEquals("/4/update", app.urlFor("blog.id.update", Map.of("id", 4)));
        assertEquals("post 3", app.testClient().get("/posts/3").text());
    }

    /** A controller registered in a blueprint. */
    public static final class Posts {
        @Get("/posts/<int:id>")
        public String show(int id) {
            return "post " + id;
        }
    }

    @Test
    void twoPatternsWithOneDefaultEndpointInABlueprintAreRefused() {
        Blueprint users = new Blueprint("users").urlPrefix("/users");
        users.get("/<int:id>", request -> "by number");
        users.get("/<uuid:id>", request -> "by uuid");

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new App().register(users));
        assertEquals("Rule '/users/<uuid:id>' gets the default endpoint 'users.id', which rule '/users/<int:id>' "
                + "already has. Name one of them: blueprint.route(\"/<uuid:id>\", methods, \"id.other\", handler).",
                error.getMessage());
    }

    @Test
    void badNamesAndPrefixesAreRefusedWithTheFix() {
        IllegalArgumentException dotted = assertThrows(IllegalArgumentException.class,
                () -> new Blueprint("api.v1"));
        assertEquals("new Blueprint(\"api.v1\"): a blueprint name is a word endpoints start with, such as \"auth\" "
                + "or \"api_v2\": letters, digits, '_' and '-', not starting with a digit or '-', and no dots (nested "
                + "blueprints join names with dots themselves).", dotted.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Blueprint(""));
        assertThrows(IllegalArgumentException.class, () -> BlueprintOptions.named("a b"));
        IllegalArgumentException prefix = assertThrows(IllegalArgumentException.class,
                () -> new Blueprint("auth").urlPrefix("auth"));
        assertEquals("Blueprint 'auth': the URL prefix 'auth' must start with a slash: \"/auth\" (or be \"\" for "
                + "none).", prefix.getMessage());
    }

    @Test
    void aRegisteredBlueprintCanNoLongerBeChanged() {
        Blueprint auth = new Blueprint("auth");
        auth.get("/login", request -> "login");
        new App().register(auth);

        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> auth.get("/logout", request -> "logout"));
        assertEquals("The setup method 'get' can no longer be called on blueprint 'auth': it is already registered "
                + "on an App, and changes now would not apply consistently. Set the blueprint up completely (routes, "
                + "hooks, error handlers, nested blueprints) before app.register(blueprint).", error.getMessage());
    }

    @Test
    void registeringOnAFrozenAppFailsSayingWhy() {
        App app = new App();
        app.get("/", request -> "home");
        app.testClient().get("/");

        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> app.register(new Blueprint("late")));
        assertEquals(true, error.getMessage().startsWith("The setup method 'register' can no longer be called on "
                + "this App: it has already handled its first request"));
    }

    @Test
    void aBlueprintPassedAsAControllerIsRegisteredAsABlueprint() {
        Blueprint auth = new Blueprint("auth").urlPrefix("/auth");
        auth.get("/login", request -> "login");
        Object object = auth;
        App app = new App().register(object);

        TestResponse response = app.testClient().get("/auth/login");
        assertEquals("login", response.text());
        assertEquals(Optional.of("/auth"), auth.urlPrefix());
        assertEquals("Blueprint[auth at /auth]", auth.toString());
    }

    @Test
    void aCycleOfNestedBlueprintsIsRefused() {
        Blueprint a = new Blueprint("a");
        Blueprint b = new Blueprint("b");
        a.register(b);
        b.register(a);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> new App().register(a));
        assertEquals("Blueprint 'a' is nested in itself (a.b.a): nested blueprints must not form a cycle.",
                error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> a.register(a));
    }

    @Test
    void theTemplateFolderIsKeptForTheTemplateEngine() {
        Blueprint auth = new Blueprint("auth");
        assertEquals(Optional.empty(), auth.templateFolder());
        auth.templateFolder("auth/templates");
        assertEquals(Optional.of("auth/templates"), auth.templateFolder());
    }
}
