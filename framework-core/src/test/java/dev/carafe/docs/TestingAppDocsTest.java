package dev.carafe.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carafe.App;
import dev.carafe.AppTestClient;
import dev.carafe.HttpError;
import dev.carafe.RequestContext;
import dev.carafe.Response;
import dev.carafe.gateway.testing.TestResponse;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The examples of docs/testing.md, "Testing Carafe apps". */
class TestingAppDocsTest {

    /** A user of the example app. */
    record User(int id, String username) {
    }

    // tag::fixture[]
    private App app;
    private AppTestClient client;

    static App createApp() {
        App app = new App();
        app.beforeRequest(request -> {
            request.header("Authorization").filter("Bearer test-token"::equals)
                    .ifPresent(token -> request.g().put("user", new User(1, "test")));
            return Optional.empty();
        });
        app.route("/", Set.of("GET"), "blog.index", request -> "Posts");
        app.endpointAlias("index", "blog.index");
        app.post("/auth/login", request -> Response.redirect(request.urlFor("index", Map.of())));
        app.get("/crash", request -> {
            throw new IllegalStateException("the database is gone");
        });
        return app;
    }

    @BeforeEach
    void setUp() {
        app = createApp().testing(true);      // unexpected exceptions fail the test
        client = app.testClient();
    }
    // end::fixture[]

    // tag::g[]
    @Test
    void gOfTheLastRequestHoldsTheUser() {
        client.request("GET", "/").header("Authorization", "Bearer test-token").send();

        assertEquals(new User(1, "test"), client.g().get("user"));
        assertEquals(Optional.of("blog.index"), client.context().endpoint());
    }
    // end::g[]

    // tag::redirects[]
    @Test
    void loginRedirectsToTheIndex() {
        TestResponse response = client.post("/auth/login").form("username", "test").form("password", "test").send();

        assertEquals(302, response.status());
        assertEquals(Optional.of("/"), response.header("Location"));   // relative, as Flask sends it
        assertEquals("Posts", client.post("/auth/login").followRedirects(true).send().text());
    }
    // end::redirects[]

    // tag::testing-mode[]
    @Test
    void inTestingModeExceptionsReachTheTest() {
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> client.get("/crash"));

        assertEquals("the database is gone", error.getMessage());
    }
    // end::testing-mode[]

    // tag::request-context[]
    @Test
    void urlsUnderAMountPoint() {
        app.testRequestContext("/", Map.of("SCRIPT_NAME", "/blog"), context -> {
            assertEquals("/blog/", context.request().urlFor("index", Map.of()));
            assertEquals(context, RequestContext.current());
        });
    }
    // end::request-context[]

    @Test
    void withoutTestingModeTheClientSeesA500() {
        TestResponse response = createApp().testClient().get("/crash");

        assertEquals(500, response.status());
        assertTrue(response.text().contains("Internal Server Error"));
        assertEquals(404, HttpError.of(404).status());
    }
}
