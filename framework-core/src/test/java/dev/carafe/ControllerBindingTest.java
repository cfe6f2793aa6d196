package dev.carafe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.carafe.annotation.Body;
import dev.carafe.annotation.CookieParam;
import dev.carafe.annotation.FormParam;
import dev.carafe.annotation.Get;
import dev.carafe.annotation.HeaderParam;
import dev.carafe.annotation.PathParam;
import dev.carafe.annotation.Post;
import dev.carafe.annotation.QueryParam;
import dev.carafe.gateway.testing.TestRequest;
import dev.carafe.gateway.testing.TestResponse;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ControllerBindingTest {

    enum Color { RED, GREEN, BLUE }

    record Item(String name, int count) {
    }

    record NewUser(String name, String email) {
    }

    record Filter(String q, Optional<Integer> page, List<Color> colors) {
    }

    record Range(int from, int to) {
        Range {
            if (from > to) {
                throw new IllegalArgumentException("from (" + from + ") must not be after to (" + to + ")");
            }
        }
    }

    public static final class Api {
        @Get("/filter")
        public String filter(@QueryParam Filter filter) {
            return filter.toString();
        }

        @Post("/range")
        public String range(@FormParam Range range) {
            return range.from() + ".." + range.to();
        }

        @Get("/users/<int:id>")
        public String show(int id) {
            return "user " + id;
        }

        @Get("/wide/<int:id>")
        public String wide(long id) {
            return "long " + id;
        }

        @Get("/named/<slug>")
        public String named(@PathParam("slug") String title) {
            return "slug " + title;
        }

        @Get("/text/<value>")
        public String textToInt(@PathParam("value") int number) {
            return "int " + number;
        }

        @Get("/search")
        public String search(@QueryParam("q") String q, @QueryParam("page") Optional<Integer> page, @QueryParam("tag") List<String> tags) {
            return q + " " + page.map(String::valueOf).orElse("-") + " " + tags;
        }

        @Get("/typed")
        public Map<String, Object> typed(@QueryParam("price") BigDecimal price, @QueryParam("id") UUID id,
                @QueryParam("color") Color color, @QueryParam("day") LocalDate day, @QueryParam("at") Instant at,
                @QueryParam("flag") boolean flag, @QueryParam("ratio") double ratio, @QueryParam("initial") char initial) {
            return Map.of("price", price, "id", id, "color", color, "day", day, "at", at, "flag", flag,
                    "ratio", ratio, "initial", String.valueOf(initial));
        }

        @Get("/count")
        public String count(@QueryParam int page) {
            return "page " + page;
        }

        @Get("/numbers")
        public String numbers(@QueryParam("n") List<Integer> numbers) {
            return numbers.toString();
        }

        @Get("/color")
        public String color(@QueryParam("c") Color color) {
            return color.name();
        }

        @Get("/maybe")
        public String maybe(@QueryParam("n") Optional<Integer> n) {
            return n.map(String::valueOf).orElse("none");
        }

        @Get("/all")
        public String all(@QueryParam MultiMap args) {
            return args.names().toString();
        }

        @Post("/posts")
        public String post(@FormParam("title") String title, @FormParam("draft") Optional<Boolean> draft, @FormParam MultiMap form) {
            return title + " " + draft.orElse(false) + " " + form.size();
        }

        @Post("/upload")
        public String upload(@FormParam("file") UploadedFile file, @FormParam("extra") Optional<UploadedFile> extra)
                throws java.io.IOException {
            return file.filename().orElse("?") + " " + new String(file.bytes(), StandardCharsets.UTF_8) + " "
                    + extra.isPresent();
        }

        @Get("/header")
        public String header(@HeaderParam("X-Token") String token, @HeaderParam("X-Ids") List<Integer> ids,
                @HeaderParam("X-Missing") Optional<String> missing) {
            return token + " " + ids + " " + missing.isPresent();
        }

        @Get("/accept")
        public String accept(@HeaderParam("Accept") String accept) {
            return accept;
        }

        @Get("/cookie")
        public String cookie(@CookieParam("theme") String theme, @CookieParam Optional<String> lang) {
            return theme + " " + lang.orElse("-");
        }

        @Post("/users")
        public NewUser create(@Body NewUser user) {
            return user;
        }

        @Post("/items")
        public int items(@Body List<Item> items) {
            return items.stream().mapToInt(Item::count).sum();
        }

        @Post("/maybe-body")
        public String maybeBody(@Body Optional<NewUser> user) {
            return user.map(NewUser::name).orElse("nobody");
        }

        @Post("/raw")
        public String raw(@Body byte[] bytes, Request request) {
            return bytes.length + " " + request.method();
        }

        @Post("/text")
        public String text(@Body String text) {
            return text.toUpperCase();
        }

        @Get("/injected")
        public String injected(Request request, RequestContext context, Session session, App app) {
            return request.path() + " " + context.endpoint().orElse("?") + " " + session.keys().isEmpty() + " " + (app != null);
        }
    }

    private final App app = new App().testing(true).register(new Api());
    private final AppTestClient client = app.testClient();

    /** Sends a request asking for problem+json and asserts a 400 whose detail is the message. */
    private void assertBadRequest(String message, TestRequest request) {
        TestResponse response = request.header("Accept", "application/json").send();
        assertEquals(400, response.status(), response.text());
        assertEquals(message, client.json(response, Map.class).get("detail"));
    }

    private TestRequest get(String path) {
        return client.request("GET", path);
    }

    @Test
    void pathVariableBindsByParameterName() {
        assertEquals("user 7", client.get("/users/7").text());
    }

    @Test
    void pathValueIsConvertedWhenTheParameterTypeDiffers() {
        assertEquals("long 7", client.get("/wide/7").text());
    }

    @Test
    void pathAnnotationNamesTheVariable() {
        assertEquals("slug hello", client.get("/named/hello").text());
    }

    @Test
    void untypedPathVariableThatIsNoNumberIsABadRequest() {
        assertBadRequest("Path variable 'value' has value 'abc', which is not a valid int. Send a whole number, for "
                + "example 2.", get("/text/abc"));
        assertEquals("int 5", client.get("/text/5").text());
    }

    @Test
    void queryStringOptionalAndList() {
        assertEquals("cafe 2 [a, b]", client.get("/search?q=cafe&page=2&tag=a&tag=b").text());
        assertEquals("cafe - []", client.get("/search?q=cafe").text());
    }

    @Test
    void missingQueryParameterIsABadRequestSayingHowToFixIt() {
        assertBadRequest("Missing query parameter 'q' (String) for GET /search. Add ?q=… or declare the parameter "
                + "as Optional<String>.", get("/search"));
    }

    @Test
    void missingPrimitiveSuggestsItsBox() {
        assertBadRequest("Missing query parameter 'page' (int) for GET /count. Add ?page=… or declare the parameter "
                + "as Optional<Integer>.", get("/count"));
    }

    @Test
    void queryNameDefaultsToTheParameterName() {
        assertEquals("page 3", client.get("/count?page=3").text());
    }

    @Test
    void malformedIntIsABadRequestNamingParameterValueAndType() {
        assertBadRequest("Query parameter 'page' has value 'abc', which is not a valid int. Send a whole number, for "
                + "example page=2.", get("/count?page=abc"));
    }

    @Test
    void everyConversion() {
        String id = "3f2a8c1e-5b7d-4e9a-8c21-0d4f6b1a2e3c";
        TestResponse response = client.get("/typed?price=19.90&id=" + id + "&color=green&day=2026-11-24"
                + "&at=2026-11-24T10:15:30Z&flag=yes&ratio=0.5&initial=x");
        assertEquals(200, response.status(), response.text());
        @SuppressWarnings("unchecked")
        Map<String, Object> json = client.json(response, Map.class);
        assertEquals(Map.of("price", 19.90, "id", id, "color", "GREEN", "day", "2026-11-24",
                "at", "2026-11-24T10:15:30Z", "flag", true, "ratio", 0.5, "initial", "x"), json);
    }

    @Test
    void enumFailureListsTheConstants() {
        assertBadRequest("Query parameter 'c' has value 'purple', which is not a valid Color. Send one of RED, GREEN, "
                + "BLUE (any case), for example c=RED.", get("/color?c=purple"));
        assertEquals("BLUE", client.get("/color?c=Blue").text());
    }

    @Test
    void listElementsAreConvertedEach() {
        assertEquals("[1, 2]", client.get("/numbers?n=1&n=2").text());
        assertBadRequest("Query parameter 'n' has value 'two', which is not a valid Integer. Send a whole number, "
                + "for example n=2.", get("/numbers?n=1&n=two"));
    }

    @Test
    void optionalIsEmptyWhenAbsentOrBlankAndConvertedWhenPresent() {
        assertEquals("none", client.get("/maybe").text());
        assertEquals("none", client.get("/maybe?n=").text());
        assertEquals("4", client.get("/maybe?n=4").text());
        assertBadRequest("Query parameter 'n' has value 'x', which is not a valid Integer. Send a whole number, for "
                + "example n=2.", get("/maybe?n=x"));
    }

    @Test
    void queryMultiMapReceivesAllArguments() {
        assertEquals("[a, b]", client.get("/all?a=1&b=2").text());
    }

    @Test
    void formFieldsAndTheWholeForm() {
        assertEquals("Hello true 2", client.post("/posts").form("title", "Hello").form("draft", "on").send().text());
        assertBadRequest("Missing form field 'title' (String) for POST /posts. Send the field title in the form body "
                + "or declare the parameter as Optional<String>.", client.post("/posts").form("x", "1"));
    }

    @Test
    void uploadedFilesBindByField() {
        TestResponse response = client.post("/upload")
                .file("file", "a.txt", "text/plain", "content".getBytes(StandardCharsets.UTF_8)).send();
        assertEquals("a.txt content false", response.text());
        assertBadRequest("Missing file 'file' (UploadedFile) for POST /upload. Send it as the file field file of a "
                + "multipart/form-data body, or declare the parameter as Optional<UploadedFile>.",
                client.post("/upload").multipart().form("x", "1"));
    }

    @Test
    void headersBindAndSplitIntoLists() {
        TestResponse response = client.request("GET", "/header").header("X-Token", "t0k").header("X-Ids", "1, 2")
                .send();
        assertEquals("t0k [1, 2] false", response.text());
        assertBadRequest("Missing header 'X-Token' (String) for GET /header. Send the header X-Token: … or declare "
                + "the parameter as Optional<String>.", get("/header"));
        assertBadRequest("Header 'X-Ids' has value 'x', which is not a valid Integer. Send a whole number, for "
                + "example X-Ids: 2.", client.request("GET", "/header").header("X-Token", "t").header("X-Ids", "x"));
    }

    @Test
    void singleHeaderKeepsItsCommas() {
        assertEquals("text/html, application/json",
                client.request("GET", "/accept").header("Accept", "text/html, application/json").send().text());
    }

    @Test
    void cookiesBind() {
        TestResponse response = client.request("GET", "/cookie").header("Cookie", "theme=dark; lang=fr").send();
        assertEquals("dark fr", response.text());
        assertBadRequest("Missing cookie 'theme' (String) for GET /cookie. Send the cookie theme or declare the "
                + "parameter as Optional<String>.", get("/cookie"));
    }

    @Test
    void jsonBodyIntoARecordAndBackInDeclarationOrder() {
        TestResponse response = client.post("/users").json("{\"email\":\"a@example.com\",\"name\":\"ada\"}").send();
        assertEquals("{\"name\":\"ada\",\"email\":\"a@example.com\"}", response.text());
    }

    @Test
    void jsonBodyIntoAGenericList() {
        assertEquals("5", client.post("/items").json("[{\"name\":\"a\",\"count\":2},{\"name\":\"b\",\"count\":3}]")
                .send().text());
    }

    @Test
    void malformedJsonNamesTheParameterAndPosition() {
        assertBadRequest("Body is not valid JSON for parameter 'user' (NewUser): Unrecognized token 'x': was expecting "
                + "(JSON String, Number, Array, Object or token 'null', 'true' or 'false') "
                + "at line 1, column 10.", client.post("/users").json("{\"name\": x}"));
    }

    @Test
    void jsonThatDoesNotFitNamesTheParameterAndProperty() {
        assertBadRequest("Body does not fit parameter 'user' (NewUser): unknown property 'age' for NewUser; "
                + "expected one of [name, email]. Remove it or fix its name.",
                client.post("/users").json("{\"name\":\"a\",\"age\":3}"));
    }

    @Test
    void missingBodyIsABadRequestAndOptionalBodyIsEmpty() {
        assertBadRequest("Body is missing for parameter 'user' (NewUser). Send it as JSON with Content-Type: "
                + "application/json, or declare the parameter as Optional<NewUser>.", client.post("/users"));
        assertEquals("nobody", client.post("/maybe-body").send().text());
        assertEquals("ada", client.post("/maybe-body").json("{\"name\":\"ada\",\"email\":\"e\"}").send().text());
    }

    @Test
    void jsonWithAnotherContentTypeIsUnsupported() {
        TestResponse response = client.post("/users").body("{}".getBytes(StandardCharsets.UTF_8), "text/plain").send();
        assertEquals(415, response.status());
    }

    @Test
    void rawBodyAndTextBody() {
        assertEquals("3 POST", client.post("/raw").body(new byte[] {1, 2, 3}, "application/octet-stream").send().text());
        assertEquals("HÉ", client.post("/text").body("hé".getBytes(StandardCharsets.UTF_8), "text/plain").send().text());
    }

    @Test
    void recordFromQueryArgumentsComponentByComponent() {
        assertEquals("Filter[q=tea, page=Optional[2], colors=[RED, BLUE]]",
                client.get("/filter?q=tea&page=2&colors=red&colors=Blue").text());
        assertEquals("Filter[q=tea, page=Optional.empty, colors=[]]", client.get("/filter?q=tea").text());
        assertBadRequest("Missing query parameter 'q' (String) for GET /filter. Add ?q=… or declare the parameter as "
                + "Optional<String>.", get("/filter"));
        assertBadRequest("Query parameter 'page' has value 'x', which is not a valid Integer. Send a whole number, "
                + "for example page=2.", get("/filter?q=a&page=x"));
    }

    @Test
    void recordFromFormFieldsWithItsOwnValidation() {
        assertEquals("1..3", client.post("/range").form("from", "1").form("to", "3").send().text());
        assertBadRequest("The form fields do not make a valid Range: from (5) must not be after to (3)",
                client.post("/range").form("from", "5").form("to", "3"));
    }

    @Test
    void requestContextSessionAndAppAreInjected() {
        assertEquals("/injected injected true true", client.get("/injected").text());
    }
}
