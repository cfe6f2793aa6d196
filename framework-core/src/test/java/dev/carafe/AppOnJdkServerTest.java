package dev.carafe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.carafe.gateway.jdk.JdkServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The App is a plain gateway application: the JDK HttpServer adapter hosts it unchanged. */
class AppOnJdkServerTest {

    /** A user with a link to itself. */
    record UserLink(int id, String self) {
    }

    @Test
    void theJdkAdapterServesTheAppIncludingErrorsAndUrls() throws Exception {
        App app = new App();
        app.get("/users/<int:id>", request -> Response.json(new UserLink((Integer) request.viewArgs().get("id"),
                request.externalUrlFor("users.id", request.viewArgs()))));
        try (JdkServer server = JdkServer.start(app, new InetSocketAddress("127.0.0.1", 0))) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
            String base = "http://127.0.0.1:" + server.port();

            HttpResponse<String> user = http.send(HttpRequest.newBuilder(URI.create(base + "/users/7"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> missing = http.send(HttpRequest.newBuilder(URI.create(base + "/users/x"))
                    .header("Accept", "application/json").timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertEquals(200, user.statusCode());
            assertEquals("{\"id\":7,\"self\":\"" + base + "/users/7\"}", user.body());
            assertEquals(404, missing.statusCode());
            assertEquals("application/problem+json", missing.headers().firstValue("Content-Type").orElse(""));
        }
    }
}
