package dev.carafe.flaskr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carafe.AppTestClient;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** flaskr's tests/test_factory.py. */
@ExtendWith(FlaskrExtension.class)
class FactoryTest {

    @Test
    void theFactoryIsInTestingModeOnlyWithATestConfig() {
        assertFalse(Flaskr.createApp().testing());
        assertTrue(Flaskr.createApp(Map.of("TESTING", true)).testing());
    }

    @Test
    void helloSaysHelloWorld(AppTestClient client) {
        assertEquals("Hello, World!", client.get("/hello").text());
    }
}
