package dev.carafe.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.carafe.gateway.testing.TestClient;
import dev.carafe.gateway.testing.TestResponse;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HelloTest {

    @Test
    void helloAnswersEveryPathWithPlainText() {
        TestResponse response = TestClient.of(new Hello()).get("/anything");
        assertEquals(200, response.status());
        assertEquals(Optional.of("text/plain; charset=utf-8"), response.header("Content-Type"));
        assertEquals("Hello, World!", response.text());
    }
}
