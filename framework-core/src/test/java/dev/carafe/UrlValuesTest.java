package dev.carafe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Flask's url_value_preprocessor and url_defaults: a language code in every URL, kept in g. */
class UrlValuesTest {

    @Test
    void theLanguageCodeIsTakenOutOfTheValuesAndPutBackIntoEveryUrl() {
        App app = new App();
        // tag::lang-code[]
        app.urlValuePreprocessor((request, values) -> request.g().put("lang", values.remove("lang")));
        app.urlDefaults((endpoint, values) -> RequestContext.find()
                .map(context -> context.g().get("lang"))
                .ifPresent(lang -> values.putIfAbsent("lang", lang)));
        app.get("/<lang>/about", request -> "about, in " + request.g().get("lang") + "; args " + request.viewArgs()
                + "; home " + request.urlFor("index", Map.of()) + "; help " + request.urlFor("help", Map.of()));
        app.route("/<lang>/", Set.of("GET"), "index", request -> "home");
        app.route("/help", Set.of("GET"), "help", request -> "help");    // no <lang>: the default is not added
        // end::lang-code[]

        assertEquals("about, in fr; args {}; home /fr/; help /help", app.testClient().get("/fr/about").text());
    }

    @Test
    void aBlueprintsPreprocessorRunsForItsOwnRequestsOnlyAfterTheAppsOne() {
        Blueprint shop = new Blueprint("shop").urlPrefix("/shop");
        shop.urlValuePreprocessor((request, values) -> values.put("currency", "EUR"));
        shop.get("/<int:item>", request -> String.valueOf(request.viewArgs()));
        App app = new App().register(shop);
        app.urlValuePreprocessor((request, values) -> values.put("seen", request.endpoint().orElse("-")));
        app.get("/<int:item>", request -> String.valueOf(request.viewArgs()));
        AppTestClient client = app.testClient();

        assertEquals("{item=3, seen=shop.item, currency=EUR}", client.get("/shop/3").text());
        assertEquals("{item=3, seen=item}", client.get("/3").text());
        assertEquals(404, client.get("/nowhere").status(), "no rule matched: the preprocessors do not run");
    }

    @Test
    void valuesTheCallerPassesAreKeptEvenWhenTheRuleDoesNotUseThem() {
        App app = new App();
        app.urlDefaults((endpoint, values) -> values.putIfAbsent("added", "x"));
        app.route("/list", Set.of("GET"), "list", request -> "list");

        assertEquals("/list?page=2", app.urlFor("list", Map.of("page", 2)));
        assertEquals("/list?added=mine", app.urlFor("list", Map.of("added", "mine")));
    }
}
