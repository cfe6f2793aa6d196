package dev.carafe.flaskr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carafe.gateway.server.GatewayServer;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** flaskr over a real socket: the gateway server on a free port, an HTTP client with a cookie jar. */
class FlaskrSocketTest {

    private FlaskrExtension.Fixture fixture;
    private GatewayServer server;
    private HttpClient http;

    @BeforeEach
    void start() throws Exception {
        fixture = FlaskrExtension.create();
        server = fixture.app().start("127.0.0.1", 0);
        http = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofMillis(500))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @AfterEach
    void stop() throws Exception {
        try {
            server.stop(Duration.ofMillis(200));
        } finally {
            fixture.close();
        }
    }

    @Test
    void aUserLogsInAndSeesTheirPostOverHttp() throws Exception {
        HttpResponse<String> hello = send(HttpRequest.newBuilder(uri("/hello")));
        assertEquals(200, hello.statusCode());
        assertEquals("Hello, World!", hello.body());

        HttpResponse<String> login = send(HttpRequest.newBuilder(uri("/auth/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=test&password=test")));
        assertEquals(302, login.statusCode());
        assertEquals(Optional.of("/"), login.headers().firstValue("Location"));

        HttpResponse<String> index = send(HttpRequest.newBuilder(uri("/")));
        assertEquals(200, index.statusCode());
        assertEquals(Optional.of("text/html; charset=utf-8"), index.headers().firstValue("Content-Type"));
        assertTrue(index.body().contains("Log Out"), index.body());
        assertTrue(index.body().contains("href=\"/1/update\""), index.body());
    }

    @Test
    void theStylesheetIsServedAsCss() throws Exception {
        HttpResponse<String> css = send(HttpRequest.newBuilder(uri("/static/style.css")));
        assertEquals(200, css.statusCode());
        assertEquals(Optional.of("text/css; charset=utf-8"), css.headers().firstValue("Content-Type"));
        assertTrue(css.body().contains(".flash"), css.body());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
