package dev.carafe.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.carafe.App;
import dev.carafe.AppTestClient;
import dev.carafe.gateway.testing.TestResponse;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ViewsSnippetsTest {

    @Test
    void theUserViewsServeACollectionAndItsItems() {
        AppTestClient client = ViewsSnippets.app().testClient();

        TestResponse created = client.sendJson("POST", "/users", Map.of("id", 1, "name", "ada"));
        assertEquals(201, created.status());
        assertEquals(Optional.of("/users/1"), created.header("Location"));
        assertEquals("{\"id\":1,\"name\":\"ada\"}", client.get("/users/1").text());
        assertEquals("[{\"id\":1,\"name\":\"ada\"}]", client.get("/users").text());
        assertEquals("{\"id\":1,\"name\":\"grace\"}",
                client.sendJson("PUT", "/users/1", Map.of("id", 1, "name", "grace")).text());
        TestResponse patch = client.sendJson("PATCH", "/users/1", Map.of("name", "x"));
        assertEquals(405, patch.status());
        assertEquals(Optional.of("DELETE, GET, HEAD, PUT, OPTIONS"), patch.header("Allow"));
        assertEquals(204, client.delete("/users/1").status());
        assertEquals(404, client.get("/users/1").status());
    }

    @Test
    void aViewInABlueprintTakesItsPrefixAndName() {
        App app = ViewsSnippets.blueprint();

        assertEquals("/api/users/1", app.urlFor("api.user", Map.of("id", 1)));
        assertEquals("{\"id\":1,\"name\":\"ada\"}", app.testClient().get("/api/users/1").text());
    }
}
