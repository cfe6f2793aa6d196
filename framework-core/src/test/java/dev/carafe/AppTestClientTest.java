package dev.carafe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.carafe.gateway.testing.TestResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AppTestClientTest {

    record Todo(String title, boolean done) {
    }

    @Test
    void gOfTheLastRequestIsReadableAfterItEnded() {
        App app = new App();
        app.beforeRequest(request -> {
            request.g().put("user", Map.of("username", "test"));
            return Optional.empty();
        });
        app.get("/", request -> "home");
        AppTestClient client = app.testClient();

        client.get("/");

        assertEquals(Map.of("username", "test"), client.g().get("user"));
        assertEquals("/", client.context().request().path());
    }

    @Test
    void beforeTheFirstRequestThereIsNoLastContext() {
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> new App().testClient().g());
        assertEquals("No request was sent with this client yet; send one (client.get(\"/\")) before reading the "
                + "context, session or g of the last request.", error.getMessage());
    }

    @Test
    void jsonGoesInAndComesOutWithTheAppsMapper() {
        App app = new App();
        app.post("/todos", request -> Response.json(request.json(Todo.class)).withStatus(201));
        AppTestClient client = app.testClient();

        TestResponse response = client.sendJson("POST", "/todos", new Todo("write docs", false));

        assertEquals(201, response.status());
        assertEquals(new Todo("write docs", false), client.json(response, Todo.class));
    }

    @Test
    void cookiesAreKeptAcrossRequests() {
        App app = new App();
        app.get("/set", request -> Response.text("set").withAddedHeader("Set-Cookie", "theme=dark; Path=/"));
        app.get("/get", request -> request.cookie("theme").orElse("none"));
        AppTestClient client = app.testClient();

        client.get("/set");

        assertEquals("dark", client.get("/get").text());
        assertEquals(Optional.of("dark"), client.cookies().value("theme"));
    }

    @Test
    void redirectsAreFollowedOnRequest() {
        App app = new App();
        app.post("/login", request -> Response.redirect("/"));
        app.get("/", request -> "home");

        TestResponse response = app.testClient().post("/login").followRedirects(true).send();

        assertEquals("home", response.text());
        assertEquals(List.of("http://localhost/login"), response.history());
    }
}
