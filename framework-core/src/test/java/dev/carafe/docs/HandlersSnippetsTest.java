package dev.carafe.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.carafe.App;
import dev.carafe.AppTestClient;
import dev.carafe.gateway.testing.TestResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Runs the code of docs/handlers.md. */
class HandlersSnippetsTest {

    @Test
    void lambdaRoutesAndTheirEndpoints() {
        App app = HandlersSnippets.lambdas();
        AppTestClient client = app.testClient();
        assertEquals("User 7", client.get("/users/7").text());
        assertEquals(303, client.post("/login").send().status());
        assertEquals("/users/7", app.urlFor("users.id", Map.of("id", 7)));
        assertEquals("/login", app.urlFor("auth.login", Map.of()));
    }

    @Test
    void theUsersControllerCreatesShowsListsAndDeletes() {
        AppTestClient client = HandlersSnippets.registered().testClient();
        TestResponse created = client.post("/users/").json("{\"name\":\"Ada\",\"email\":\"ada@example.com\"}").send();
        assertEquals(201, created.status());
        assertEquals(Optional.of("/users/1"), created.header("Location"));
        assertEquals("{\"id\":1,\"name\":\"Ada\",\"email\":\"ada@example.com\"}", client.get("/users/1").text());
        assertEquals("[{\"id\":1,\"name\":\"Ada\",\"email\":\"ada@example.com\"}]", client.get("/users/?q=Ad").text());
        assertEquals("[]", client.get("/users/?q=Bo").text());
        assertEquals(204, client.delete("/users/1").status());
        assertEquals(404, client.get("/users/1").status());
        assertEquals(404, client.delete("/users/1").status());
    }

    @Test
    void everyBindingSourceOfTheReportsController() {
        AppTestClient client = new App().register(new HandlersSnippets.Reports()).testClient();
        assertEquals("2026 from 2026-01-31 OLDEST [a, b] #r1 dark", client.request("GET",
                "/reports/2026?from=2026-01-31&sort=oldest&tag=a&tag=b").header("X-Request-Id", "r1")
                .header("Cookie", "theme=dark").send().text());
        assertEquals("2026 from 2026-01-31 NEWEST []", client.get("/reports/2026?from=2026-01-31").text());
        TestResponse missing = client.request("GET", "/reports/2026").header("Accept", "application/json").send();
        assertEquals(400, missing.status());
        assertEquals("Missing query parameter 'from' (LocalDate) for GET /reports/2026. Add ?from=… or declare the "
                + "parameter as Optional<LocalDate>.", client.json(missing, Map.class).get("detail"));
        TestResponse invalid = client.request("GET", "/reports/2026?from=yesterday")
                .header("Accept", "application/json").send();
        assertEquals("Query parameter 'from' has value 'yesterday', which is not a valid LocalDate. Send an ISO-8601 "
                + "date, for example from=2026-11-24.", client.json(invalid, Map.class).get("detail"));
        assertEquals("Q3: 4 bytes", client.post("/reports/upload").form("title", "Q3")
                .file("file", "q3.csv", "text/csv", "a,b\n".getBytes(StandardCharsets.UTF_8)).send().text());
        assertEquals("POST report 3", client.post("/reports/3/edit").send().text());
    }

    @Test
    void returnValuesBecomeResponses() {
        AppTestClient client = HandlersSnippets.returns().testClient();
        assertEquals(Optional.of("text/html; charset=utf-8"), client.get("/page").header("Content-Type"));
        assertEquals(Optional.of("application/octet-stream"), client.get("/raw").header("Content-Type"));
        assertEquals("{\"id\":7,\"name\":\"Ada\",\"email\":\"ada@example.com\"}", client.get("/user").text());
        assertEquals(201, client.get("/created").status());
        assertEquals(404, client.get("/maybe").status());
        assertEquals("one\ntwo\n", client.get("/lines").text());
        TestResponse events = client.get("/events");
        assertEquals(Optional.of("application/x-ndjson"), events.header("Content-Type"));
        assertEquals("{\"id\":1,\"name\":\"a\",\"email\":\"a@x\"}\n{\"id\":2,\"name\":\"b\",\"email\":\"b@x\"}\n",
                events.text());
    }

    @Test
    void aStreamReadsFromTheConnectionInGUntilItsLastRow() {
        AppTestClient client = HandlersSnippets.streamingInContext().testClient();
        assertEquals("First\nSecond\n", client.get("/titles").text());
        assertFalse(client.g().containsKey("db"), "the teardown function removed and closed it");
    }
}
