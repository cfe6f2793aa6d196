package dev.carafe.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carafe.App;
import dev.carafe.AppTestClient;
import dev.carafe.gateway.testing.TestResponse;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Runs the code of docs/quickstart.md; its second half is the page's test example. */
class QuickstartSnippetsTest {

    @Test
    void routesAnswerWithTheirVariables() {
        AppTestClient client = QuickstartSnippets.routes().testClient();

        assertEquals("Index page", client.get("/").text());
        assertEquals("Hello, Ada!", client.get("/hello/Ada").text());
        assertEquals("Post 7", client.get("/post/7").text());
        assertEquals(404, client.get("/post/seven").status());
        assertEquals("Results for tea", client.get("/search?q=tea").text());
    }

    @Test
    void urlsAreBuiltFromEndpoints() {
        assertEquals("/post/7 /login?next=/", QuickstartSnippets.urls().testClient().get("/links").text());
    }

    // tag::test[]
    @Test
    void aCreatedTodoCanBeReadBack() {
        App app = QuickstartSnippets.todoApi();
        AppTestClient client = app.testClient();

        TestResponse created = client.post("/todos").json("{\"title\": \"Write the docs\"}").send();

        assertEquals(201, created.status());
        assertEquals(Optional.of("/todos/1"), created.header("Location"));
        assertEquals("{\"id\":1,\"title\":\"Write the docs\",\"done\":false}", client.get("/todos/1").text());
    }

    @Test
    void errorsAnswerWithProblemDetails() {
        AppTestClient client = QuickstartSnippets.todoApi().testClient();

        TestResponse missing = client.request("GET", "/todos/9").header("Accept", "application/json").send();
        TestResponse untitled = client.post("/todos").json("{\"title\": \"\"}").send();
        TestResponse notJson = client.post("/todos").form("title", "x").send();

        assertEquals(404, missing.status());
        assertTrue(missing.text().contains("\"detail\":\"No to-do with id 9.\""), missing.text());
        assertEquals(422, untitled.status());
        assertEquals(415, notJson.status());
    }
    // end::test[]
}
