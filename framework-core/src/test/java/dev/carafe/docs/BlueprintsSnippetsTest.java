package dev.carafe.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.carafe.App;
import dev.carafe.AppTestClient;
import dev.carafe.gateway.testing.TestResponse;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BlueprintsSnippetsTest {

    @Test
    void flaskrsAuthAndBlogBlueprintsRouteAndBuildUrls() {
        App app = BlueprintsSnippets.app();
        AppTestClient client = app.testClient();

        assertEquals("the login form; no account? /auth/register", client.get("/auth/login").text());
        TestResponse login = client.request("POST", "/auth/login").followRedirects(false).send();
        assertEquals(Optional.of("/"), login.header("Location"));
        assertEquals("the posts", client.get("/").text());
        assertEquals(1, client.g().get("user"));
        assertEquals("/3/update", app.urlFor("blog.update", Map.of("id", 3)));
        assertEquals("/auth/logout", app.urlFor("auth.logout", Map.of()));
    }

    @Test
    void oneBlueprintServesTwoVersions() {
        AppTestClient client = BlueprintsSnippets.twice().testClient();

        assertEquals("v1 users", client.get("/v1/users").text());
        assertEquals("v2 users", client.get("/v2/users").text());
    }

    @Test
    void nestedBlueprintsJoinNamesPrefixesAndHooks() {
        App app = BlueprintsSnippets.nested();

        assertEquals("/api/v1/users/7", app.urlFor("api.v1.users.id", Map.of("id", 7)));
        TestResponse response = app.testClient().get("/api/v1/users/7");
        assertEquals("user 7", response.text());
        assertEquals(Optional.of("no-store"), response.header("Cache-Control"));
    }

    @Test
    void theApiBlueprintAnswersErrorsUnderItsPrefixAsJson() {
        AppTestClient client = BlueprintsSnippets.apiErrors().testClient();

        assertEquals("{\"error\":\"Not Found\",\"status\":404}", client.get("/api/nope").text());
        TestResponse refused = client.delete("/api/users/1");
        assertEquals(405, refused.status());
        assertEquals("{\"error\":\"Method Not Allowed\",\"status\":405}", refused.text());
        assertEquals("<h1>Lost?</h1>", client.get("/nope").text());
    }

    @Test
    void theAdminBlueprintServesItsStaticFolder() {
        AppTestClient client = BlueprintsSnippets.statics().testClient();

        assertEquals("<link rel=stylesheet href=\"/admin/static/site.css\">", client.get("/admin/").text());
        assertEquals("body { color: teal; }\n", client.get("/admin/static/site.css").text());
    }
}
