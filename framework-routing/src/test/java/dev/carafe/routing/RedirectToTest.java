package dev.carafe.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Rules with a redirect target, Werkzeug's {@code redirect_to}. */
class RedirectToTest {

    @Test
    void aMatchRedirectsToTheTargetFilledWithTheMatchedValues() {
        Router router = new Router()
                .add(Rule.of("/users/<int:id>", "users.old").withRedirectTo("/people/<id>"))
                .add(Rule.of("/people/<int:id>", "people.show"));

        assertEquals(new RouteMatch.Redirect("/people/7"), router.match("GET", "/users/7"));
        assertEquals(new RouteMatch.NotFound(), router.match("GET", "/users/x"));
        assertEquals("/app/people/7?tab=posts",
                ((RouteMatch.Redirect) router.match("GET", "/users/7")).location("/app", "tab=posts"));
    }

    @Test
    void aStaticRuleRedirectsToo() {
        Router router = new Router().add(Rule.of("/old", "old").withRedirectTo("/new"));

        assertEquals(new RouteMatch.Redirect("/new"), router.match("GET", "/old"));
    }

    @Test
    void theRulesConverterWritesAVariableTheTargetGivesNoConverter() {
        Router router = new Router()
                .add(Rule.of("/n/<int(fixed_digits=3):n>", "padded").withRedirectTo("/numbers/<n>"))
                .add(Rule.of("/files/<path:name>", "files").withRedirectTo("/docs/<name>"))
                .add(Rule.of("/f/<float:x>", "float").withRedirectTo("/g/<int:x>"));

        assertEquals(new RouteMatch.Redirect("/numbers/007"), router.match("GET", "/n/007"));
        assertEquals(new RouteMatch.Redirect("/docs/a/b c.txt"), router.match("GET", "/files/a/b c.txt"));
        assertEquals("/docs/a/b%20c.txt", ((RouteMatch.Redirect) router.match("GET", "/files/a/b c.txt"))
                .location("", ""));
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> router.match("GET", "/f/1.5"));
        assertEquals("Rule '/f/<float:x>' (GET) -> float redirects to '/g/<int:x>', but the value '1.5' (Double) of "
                + "'x' does not fit <int:x>: '1.5' (Double) is not an integer. Give the target the converter of the "
                + "rule's variable, or leave the converter out to use it.", error.getMessage());
    }

    @Test
    void defaultsFillTheTargetLikeVariables() {
        Router router = new Router()
                .add(Rule.of("/latest", "latest").withDefaults(Map.of("version", 3)).withRedirectTo("/v/<version>"));

        assertEquals(new RouteMatch.Redirect("/v/3"), router.match("GET", "/latest"));
    }

    @Test
    void aFunctionComputesTheTargetFromTheValues() {
        UUID id = UUID.fromString("3f2a8c1e-5b7d-4e9a-8c21-0d4f6b1a2e3c");
        Router router = new Router()
                .add(Rule.of("/p/<uuid:id>", "posts.old").withRedirectTo(values -> "/posts/" + values.get("id")))
                .add(Rule.of("/bad/<x>", "bad").withRedirectTo(values -> "elsewhere"));

        assertEquals(new RouteMatch.Redirect("/posts/" + id), router.match("GET", "/p/" + id));
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> router.match("GET", "/bad/1"));
        assertEquals("The redirect function of rule '/bad/<x>' (GET) -> bad returned 'elsewhere' for {x=1}; return a "
                + "path from the application's root, starting with '/'.", error.getMessage());
    }

    @Test
    void theMethodsOfTheRuleStillDecide() {
        Router router = new Router().add(Rule.of("/old", "old").withMethods("POST").withRedirectTo("/new"));

        assertEquals(new RouteMatch.Redirect("/new"), router.match("POST", "/old"));
        assertEquals(new RouteMatch.MethodNotAllowed(Set.of("POST", "OPTIONS")), router.match("GET", "/old"));
    }

    @Test
    void theRedirectingRuleStillBuildsItsOwnUrl() {
        Router router = new Router().add(Rule.of("/users/<int:id>", "users.old").withRedirectTo("/people/<id>"));

        assertEquals("/users/7", router.build("users.old", Map.of("id", 7)));
    }

    @Test
    void aTargetNeedingAValueTheRuleHasNotIsRefused() {
        Router router = new Router();

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> router.add(Rule.of("/users/<int:id>", "old").withRedirectTo("/people/<slug>")));
        assertEquals("Rule '/users/<int:id>' (GET) -> old redirects to '/people/<slug>', which needs 'slug', but the "
                + "rule has no variable or default of that name; use one of id.", error.getMessage());
    }

    @Test
    void aMalformedTargetIsRefusedWithItsPosition() {
        Router router = new Router();

        assertEquals("Invalid redirect target 'people/<id>' at position 0: a redirect target must start with '/' (it "
                + "is a path from the application's root); write '/people/<id>'.", assertThrows(
                IllegalArgumentException.class, () -> router.add(Rule.of("/u/<id>", "old")
                        .withRedirectTo("people/<id>"))).getMessage());
        assertEquals("Invalid redirect target '/people/<id' at position 8: '<' is never closed; close the variable "
                + "with '>', e.g. <id>.", assertThrows(IllegalArgumentException.class,
                () -> router.add(Rule.of("/u/<id>", "old").withRedirectTo("/people/<id"))).getMessage());
    }
}
