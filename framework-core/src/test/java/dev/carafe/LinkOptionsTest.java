package dev.carafe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Flask's url_for options (_anchor, _method, _scheme, _external) and APPLICATION_ROOT outside a request. */
class LinkOptionsTest {

    private static App app() {
        App app = new App();
        app.route("/post/<int:id>", Set.of("GET"), "post", request -> "post");
        app.route("/post/<int:id>/edit", Set.of("POST"), "post", request -> "edited");
        return app;
    }

    @Test
    void anAnchorAMethodsRuleAndASchemeAreBuiltInARequest() {
        App app = app();
        app.get("/links", request -> String.join(" ",
                // tag::link-options[]
                request.urlFor("post", Map.of("id", 7), LinkOptions.of().withAnchor("new comments")),
                request.urlFor("post", Map.of("id", 7), LinkOptions.of().withMethod("POST")),
                request.urlFor("post", Map.of("id", 7), LinkOptions.of().withScheme("https"))
                // end::link-options[]
        ));

        assertEquals("/post/7#new%20comments /post/7/edit https://localhost/post/7",
                app.testClient().get("/links").text());
    }

    @Test
    void outsideARequestUrlsGoUnderTheApplicationRoot() {
        App app = app();
        app.config().put("APPLICATION_ROOT", "/blog/");

        assertEquals("/blog/post/1", app.urlFor("post", Map.of("id", 1)));
        assertEquals("/blog/post/1/edit", app.urlFor("post", Map.of("id", 1), LinkOptions.of().withMethod("post")));
    }

    @Test
    void anAbsoluteUrlOutsideARequestNeedsAServerName() {
        App app = app();
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> app.urlFor("post", Map.of("id", 1), LinkOptions.of().asExternal()));
        assertEquals("Cannot build an absolute URL for 'post' outside a request: the App has no server name to put "
                + "in it. Set one with app.serverName(host, scheme) (or SERVER_NAME in the config), or build a path.",
                error.getMessage());

        App named = app().serverName("example.com", "https");
        named.config().put("APPLICATION_ROOT", "/blog");
        assertEquals("http://example.com/blog/post/1",
                named.urlFor("post", Map.of("id", 1), LinkOptions.of().withScheme("http")));
    }

    @Test
    void anApplicationRootThatIsNotAPathIsRefusedWhenTheAppFreezes() {
        App app = app();
        app.config().put("APPLICATION_ROOT", "blog");

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> app.urlFor("post", Map.of("id", 1)));

        assertTrue(error.getMessage().contains("Config key 'APPLICATION_ROOT' has the value \"blog\""),
                error.getMessage());
    }
}
