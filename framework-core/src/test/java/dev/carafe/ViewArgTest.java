package dev.carafe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carafe.gateway.testing.TestResponse;
import org.junit.jupiter.api.Test;

/** {@code request.viewArg(name, type)}: one rule value, typed, without a cast. */
class ViewArgTest {

    @Test
    void aValueIsReturnedAsTheConverterTypedItOrConvertedToTheTypeAskedFor() {
        App app = new App();
        app.get("/users/<int:id>", request -> {
            Integer id = request.viewArg("id", Integer.class);
            long wide = request.viewArg("id", long.class);
            String text = request.viewArg("id", String.class);
            return id + " " + wide + " " + text;
        });
        app.get("/pages/<slug>", request -> "page " + request.viewArg("slug", Integer.class));

        assertEquals("7 7 7", app.testClient().get("/users/7").text());
        assertEquals("page 12", app.testClient().get("/pages/12").text());
    }

    @Test
    void aValueThatDoesNotConvertIsABadRequestNamingIt() {
        App app = new App();
        app.get("/pages/<slug>", request -> "page " + request.viewArg("slug", Integer.class));

        TestResponse response = app.testClient().get("/pages/intro");
        assertEquals(400, response.status());
        assertTrue(response.text().contains("intro"), response.text());
    }

    @Test
    void aNameTheRuleDoesNotHaveIsTheHandlersMistakeNamingTheRulesVariables() {
        App app = new App().testing(true);
        app.get("/users/<int:id>", request -> request.viewArg("user_id", Integer.class));

        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> app.testClient().get("/users/7"));
        assertEquals("The matched rule has no variable 'user_id'; its variables are [id]. Fix the name, or the rule.",
                failure.getMessage());
    }
}
