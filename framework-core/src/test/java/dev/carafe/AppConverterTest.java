package dev.carafe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carafe.routing.Converter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Custom converters registered on the App: matching, building URLs, rejecting, and the error for an unknown one. */
class AppConverterTest {

    @Test
    void anAppConverterMatchesBuildsUrlsAndRejectsWhatItDoesNotTake() {
        App app = new App();
        // tag::app-converter[]
        app.converter("list", new Converter() {
            @Override
            public String regex() {
                return "[^/]+";
            }

            @Override
            public Object fromUrl(String text) {
                if (text.startsWith(",") || text.endsWith(",")) {
                    throw new IllegalArgumentException("empty item in '" + text + "'");   // no match: 404
                }
                return List.of(text.split(","));
            }

            @Override
            public String toUrl(Object value) {
                return String.join(",", ((List<?>) value).stream().map(String::valueOf).toList());
            }
        });
        app.get("/tags/<list:tags>", request -> {
            List<?> tags = (List<?>) request.viewArgs().get("tags");
            String more = request.urlFor(request.endpoint().orElseThrow(), Map.of("tags", List.of("x", "y")));
            return tags.size() + " tags, more at " + more;
        });
        // end::app-converter[]

        AppTestClient client = app.testClient();

        assertEquals("2 tags, more at /tags/x,y", client.get("/tags/a,b").text());
        assertEquals(404, client.get("/tags/a,").status());
    }

    @Test
    void aRuleWithAnUnknownConverterNamesTheWayToRegisterOne() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new App().get("/u/<integer:id>", request -> "user"));

        assertTrue(error.getMessage().contains("unknown converter 'integer' (did you mean 'int'?); known converters: "
                + "any, float, int, path, string, uuid. Register custom converters with app.converter(name, "
                + "converter), or Router.converter(name, converter) on a router of your own, before adding rules"),
                error.getMessage());
    }
}
