package dev.carafe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.carafe.annotation.Get;
import dev.carafe.annotation.PathParam;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppRegisterTest {

    /** A controller with one annotated handler. */
    public static final class Greeter {
        @Get("/greet/<name>")
        public String greet(@PathParam("name") String name) {
            return "Hello, " + name + "!";
        }
    }

    @Test
    void aRegisteredControllersMethodsAreRoutesLikeLambdas() {
        App app = new App();
        app.register(new Greeter());
        app.get("/", request -> "home");

        assertEquals("Hello, Ada!", app.testClient().get("/greet/Ada").text());
        assertEquals("/greet/Bob", app.urlFor("greet", Map.of("name", "Bob")));
    }

    @Test
    void registeringAfterTheFirstRequestIsRefused() {
        App app = new App();
        app.get("/", request -> "home");
        app.testClient().get("/");

        IllegalStateException error = assertThrows(IllegalStateException.class, () -> app.register(new Greeter()));
        assertEquals("The setup method 'register'", error.getMessage().substring(0, 27));
    }
}
