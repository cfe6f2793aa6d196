package dev.carafe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code app.testRequestContext}: where the made-up request goes, and what its code may throw. */
class TestRequestContextTest {

    @Test
    void aCheckedExceptionOfTheCodePropagatesUnchangedAfterTheTeardown() {
        List<String> teardowns = new ArrayList<>();
        App app = new App();
        app.teardownRequest((request, error) -> teardowns.add(error.map(Throwable::getMessage).orElse("none")));
        IOException thrown = new IOException("the disk is gone");

        IOException caught = assertThrows(IOException.class,
                () -> app.testRequestContext("/", context -> {
                    throw thrown;
                }));

        assertSame(thrown, caught);
        assertEquals(List.of("the disk is gone"), teardowns);
        assertEquals(Optional.empty(), RequestContext.find());
    }

    @Test
    void theMadeUpRequestGoesToTheAppsAddressAsTheTestClientsDo() {
        App app = new App();
        app.config().put("SERVER_NAME", "shop.example").put("PREFERRED_URL_SCHEME", "https")
                .put("APPLICATION_ROOT", "/store");
        app.get("/cart", request -> "cart");
        List<String> seen = new ArrayList<>();

        app.testRequestContext("/cart", context -> {
            seen.add(context.request().url());
            seen.add(context.request().urlFor("cart", Map.of()));
        });

        assertEquals(List.of("https://shop.example/store/cart", "/store/cart"), seen);
    }
}
