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

    @Test
    void aBlueprintsUrlDefaultsRunForItsOwnEndpointsAfterTheAppsAndAnOuterBlueprintsFirst() {
        java.util.List<String> order = new java.util.ArrayList<>();
        // tag::blueprint-lang-code[]
        Blueprint docs = new Blueprint("docs").urlPrefix("/<lang>/docs");
        docs.urlValuePreprocessor((request, values) -> request.g().put("lang", values.remove("lang")));
        docs.urlDefaults((endpoint, values) -> RequestContext.find()
                .map(context -> context.g().get("lang"))
                .ifPresent(lang -> values.putIfAbsent("lang", lang)));
        docs.get("/<page>", request -> request.urlFor(".page", Map.of("page", "next")));
        // end::blueprint-lang-code[]
        Blueprint api = new Blueprint("api").urlPrefix("/api/<version>");
        api.urlDefaults((endpoint, values) -> {
            order.add("api " + endpoint);
            values.putIfAbsent("version", "v1");
        });
        Blueprint users = new Blueprint("users").urlPrefix("/users");
        users.urlDefaults((endpoint, values) -> order.add("users " + endpoint));
        users.get("/<int:id>", request -> "user");
        api.register(users);
        App app = new App().register(docs).register(api);
        app.urlDefaults((endpoint, values) -> order.add("app " + endpoint));
        app.route("/", Set.of("GET"), "home", request -> "home");

        assertEquals("/fr/docs/next", app.testClient().get("/fr/docs/intro").text());
        order.clear();
        assertEquals("/api/v1/users/7", app.urlFor("api.users.id", Map.of("id", 7)));
        assertEquals(java.util.List.of("app api.users.id", "api api.users.id", "users api.users.id"), order);
        order.clear();
        assertEquals("/", app.urlFor("home", Map.of()));
        assertEquals(java.util.List.of("app home"), order, "a blueprint's functions run for its endpoints only");
    }

    @Test
    void aBlueprintsAppWideUrlProcessorsRunForEveryRequestAndUrl() {
        Blueprint lang = new Blueprint("lang");
        lang.appUrlValuePreprocessor((request, values) -> {
            if (values.containsKey("lang")) {
                request.g().put("lang", values.remove("lang"));
            }
        });
        lang.appUrlDefaults((endpoint, values) -> RequestContext.find()
                .map(context -> context.g().get("lang"))
                .ifPresent(code -> values.putIfAbsent("lang", code)));
        App app = new App().register(lang);
        app.route("/<lang>/", Set.of("GET"), "index", request -> "home " + request.g().get("lang"));
        app.get("/<lang>/about", request -> request.urlFor("index", Map.of()));

        assertEquals("/de/", app.testClient().get("/de/about").text());
        assertEquals("home de", app.testClient().get("/de/").text());
    }
}
