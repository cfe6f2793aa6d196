package dev.carafe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.carafe.gateway.server.GatewayServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AppRunTest {

    @Test
    void theAppServesOverARealSocket() throws Exception {
        App app = new App();
        app.get("/hello/<name>", request -> "Hello, " + request.viewArgs().get("name") + "!");
        // tag::socket[]
        GatewayServer server = app.start("127.0.0.1", 0);     // port 0: any free port
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + "/hello/carafe")).timeout(Duration.ofSeconds(5))
                    .build(), HttpResponse.BodyHandlers.ofString());

            assertEquals(200, response.statusCode());
            assertEquals("Hello, carafe!", response.body());
        } finally {
            server.stop(Duration.ofMillis(200));
        }
        // end::socket[]
    }
}
