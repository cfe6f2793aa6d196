package dev.carafe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.carafe.annotation.Body;
import dev.carafe.annotation.Controller;
import dev.carafe.annotation.Delete;
import dev.carafe.annotation.FormParam;
import dev.carafe.annotation.Get;
import dev.carafe.annotation.Patch;
import dev.carafe.annotation.PathParam;
import dev.carafe.annotation.Post;
import dev.carafe.annotation.Put;
import dev.carafe.annotation.QueryParam;
import dev.carafe.annotation.Route;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ControllerScannerTest {

    @Controller(prefix = "/users/", name = "users")
    public static final class Users {
        @Get("/")
        public String index() {
            return "all";
        }

        @Get("/<int:id>")
        public String show(int id) {
            return "user " + id;
        }

        @Post(value = "/", endpoint = "add")
        public String create() {
            return "created";
        }

        @Put("/<int:id>")
        public String replace(int id) {
            return "put " + id;
        }

        @Patch("/<int:id>")
        public String edit(int id) {
            return "patch " + id;
        }

        @Delete("/<int:id>")
        public void remove(int id) {
        }

        @Route(rule = "/<int:id>/update", methods = {"get", "POST"})
        public String update(int id, Request request) {
            return request.method() + " " + id;
        }

        public String notARoute() {
            return "";
        }
    }

    public static final class Plain {
        @Get("/")
        public String home() {
            return "home";
        }

        @Get("/static")
        public static String statik() {
            return "static";
        }

        @Get("/missing")
        public Optional<String> missing() {
            return Optional.empty();
        }

        @Get("/nothing")
        public String nothing() {
            return null;
        }

        @Get("/boom")
        public String boom() throws IOException {
            throw new IOException("disk on fire");
        }
    }

    /** Not public: its public methods are still called. */
    static final class Hidden {
        @Get("/hidden")
        public String hidden() {
            return "found";
        }
    }

    private static Map<String, String> summary(Object controller) {
        return ControllerScanner.scan(controller).stream().collect(Collectors.toMap(ControllerRoute::endpoint,
                r -> String.join(",", r.methods()) + " " + r.rule()));
    }

    private static String failure(Object controller) {
        return assertThrows(IllegalArgumentException.class, () -> ControllerScanner.scan(controller)).getMessage();
    }

    @Test
    void endpointsDefaultToTheMethodNameUnderTheControllerName() {
        assertEquals(Map.of(
                "users.index", "GET /users/",
                "users.show", "GET /users/<int:id>",
                "users.add", "POST /users/",
                "users.replace", "PUT /users/<int:id>",
                "users.edit", "PATCH /users/<int:id>",
                "users.remove", "DELETE /users/<int:id>",
                "users.update", "GET,POST /users/<int:id>/update"), summary(new Users()));
    }

    @Test
    void withoutControllerAnnotationRulesAndEndpointsAreAsWritten() {
        assertEquals(Map.of("home", "GET /", "statik", "GET /static", "missing", "GET /missing",
                "nothing", "GET /nothing", "boom", "GET /boom"), summary(new Plain()));
    }

    @Test
    void registeredRoutesAnswerThroughTheApp() {
        App app = new App().testing(true).register(new Users());
        AppTestClient client = app.testClient();
        assertEquals("user 7", client.get("/users/7").text());
        assertEquals("all", client.get("/users/").text());
        assertEquals("created", client.post("/users/").send().text());
        assertEquals("put 3", client.put("/users/3").send().text());
        assertEquals("patch 3", client.patch("/users/3").send().text());
        assertEquals("POST 3", client.post("/users/3/update").send().text());
        assertEquals("GET 3", client.get("/users/3/update").text());
        assertEquals("/users/3/update", app.urlFor("users.update", Map.of("id", 3)));
    }

    @Test
    void voidMethodAnswersNoContent() {
        AppTestClient client = new App().testing(true).register(new Users()).testClient();
        assertEquals(204, client.delete("/users/3").status());
        assertEquals("", client.delete("/users/3").text());
    }

    @Test
    void staticMethodsAndNonPublicClassesWork() {
        AppTestClient client = new App().testing(true).register(new Plain()).testClient();
        assertEquals("static", client.get("/static").text());
        assertEquals("found", new App().register(new Hidden()).testClient().get("/hidden").text());
    }

    @Test
    void emptyOptionalIsNotFound() {
        assertEquals(404, new App().testing(true).register(new Plain()).testClient().get("/missing").status());
    }

    @Test
    void nullNamesTheEndpoint() {
        AppTestClient client = new App().testing(true).register(new Plain()).testClient();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> client.get("/nothing"));
        assertEquals("Handler for endpoint 'nothing' (/nothing) returned null; return a value (String, Response, an object for "
                + "JSON, …) or Response.noContent() for an empty 204.", e.getMessage());
    }

    @Test
    void exceptionsOfTheMethodPropagateUnwrapped() {
        AppTestClient client = new App().testing(true).register(new Plain()).testClient();
        IOException e = assertThrows(IOException.class, () -> client.get("/boom"));
        assertEquals("disk on fire", e.getMessage());
    }

    @Test
    void theSameControllerClassServesTwoAppsIndependently() {
        App one = new App().register(new Plain());
        App two = new App().register(new Users());
        assertEquals("home", one.testClient().get("/").text());
        assertEquals(404, two.testClient().get("/").status());
    }

    public static class Base {
        @Get("/greeting")
        public String greeting() {
            return "base";
        }

        @Get("/inherited")
        public String inherited() {
            return "inherited";
        }
    }

    public static final class Derived extends Base {
        @Override
        @Get("/greeting")
        public String greeting() {
            return "derived";
        }
    }

    @Test
    void superclassRoutesCountAndAnOverrideReplacesThem() {
        assertEquals(Map.of("greeting", "GET /greeting", "inherited", "GET /inherited"), summary(new Derived()));
        AppTestClient client = new App().register(new Derived()).testClient();
        assertEquals("derived", client.get("/greeting").text());
        assertEquals("inherited", client.get("/inherited").text());
    }

    public static final class TwoAnnotations {
        @Get("/a")
        @Post("/a")
        public String both() {
            return "";
        }
    }

    @Test
    void twoRouteAnnotationsAreRefused() {
        assertEquals("Method TwoAnnotations.both() has 2 route annotations, @Get and @Post; give it one. For several "
                + "HTTP methods on one rule use @Route(rule = \"/path\", methods = {\"GET\", \"POST\"}).",
                failure(new TwoAnnotations()));
    }

    public static final class NotPublic {
        @Get("/a")
        String hidden() {
            return "";
        }
    }

    @Test
    void nonPublicAnnotatedMethodIsRefused() {
        assertEquals("Method NotPublic.hidden() is annotated with @Get but is not public, so Carafe will not call it. "
                + "Make it public.", failure(new NotPublic()));
    }

    public static final class Unbindable {
        @Get("/search")
        public String search(String q) {
            return q;
        }
    }

    @Test
    void parameterWithoutSourceIsRefused() {
        assertEquals("Parameter 'q' (String) of Unbindable.search(String) cannot be bound: it is not a variable of rule "
                + "'/search' and has no binding annotation. Annotate it with @QueryParam, @FormParam, @HeaderParam, @CookieParam or @Body, "
                + "or add <q> to the rule.", failure(new Unbindable()));
    }

    public static final class Unreceived {
        @Get("/users/<int:id>/posts/<slug>")
        public String post(int id) {
            return "";
        }
    }

    @Test
    void ruleVariableWithoutParameterIsRefused() {
        assertEquals("Rule '/users/<int:id>/posts/<slug>' of Unreceived.post(int) has the variable 'slug', but no "
                + "parameter receives it. Add a parameter named slug (or annotate one with @PathParam(\"slug\")).",
                failure(new Unreceived()));
    }

    public static final class WrongPath {
        @Get("/users/<int:id>")
        public String show(@PathParam("user") int id) {
            return "";
        }
    }

    @Test
    void pathAnnotationNamingNoVariableIsRefused() {
        assertEquals("Parameter 'id' (int) of WrongPath.show(int) is bound to the rule variable 'user', but rule "
                + "'/users/<int:id>' has no such variable; its variables are [id]. Fix the name or the rule.",
                failure(new WrongPath()));
    }

    public static final class Filter {
        @Get("/f")
        public String filter(@QueryParam("f") Object filter) {
            return "";
        }
    }

    @Test
    void unconvertibleQueryTypeIsRefused() {
        assertEquals("Parameter 'filter' (Object) of Filter.filter(Object) is a query parameter of type Object, which "
                + "cannot be converted from text; use " + ValueConversion.SUPPORTED + " (or an Optional or a List of "
                + "one), or take the Request and read the value yourself.", failure(new Filter()));
    }

    public static final class Ambiguous {
        @Get("/a")
        public String all(MultiMap values) {
            return "";
        }
    }

    @Test
    void multiMapNeedsToSayWhichValues() {
        assertEquals("Parameter 'values' (MultiMap) of Ambiguous.all(MultiMap) needs @QueryParam (all query arguments) or "
                + "@FormParam (all form fields) to say which values it receives.", failure(new Ambiguous()));
    }

    public static final class UnnamedFile {
        @Post("/a")
        public String upload(UploadedFile file) {
            return "";
        }
    }

    @Test
    void uploadedFileNeedsItsField() {
        assertEquals("Parameter 'file' (UploadedFile) of UnnamedFile.upload(UploadedFile) needs @FormParam(\"field\") naming "
                + "the multipart field its file comes from.", failure(new UnnamedFile()));
    }

    public static final class TwoSources {
        @Post("/a")
        public String both(@QueryParam("x") @Body String x) {
            return "";
        }
    }

    @Test
    void twoBindingAnnotationsAreRefused() {
        assertEquals("Parameter 'x' (String) of TwoSources.both(String) has 2 binding annotations, @QueryParam and @Body; "
                + "keep the one that says where its value comes from.", failure(new TwoSources()));
    }

    public static final class RawOptional {
        @Get("/a")
        @SuppressWarnings("rawtypes")
        public String raw(@FormParam("x") Optional x) {
            return "";
        }
    }

    @Test
    void optionalWithoutTypeArgumentIsRefused() {
        assertEquals("Parameter 'x' (Optional) of RawOptional.raw(Optional) needs a plain class as its type argument, "
                + "for example Optional<Integer>.", failure(new RawOptional()));
    }

    public static final class WrongConverter {
        @Get("/users/<int:id>")
        public String show(java.util.UUID id) {
            return "";
        }
    }

    @Test
    void parameterTypeTheConverterNeverProducesIsRefused() {
        assertEquals("Parameter 'id' (UUID) of WrongConverter.show(UUID) receives the rule variable 'id', which the "
                + "converter 'int' of rule '/users/<int:id>' makes an Integer; that never converts to UUID. Change the "
                + "parameter's type or the converter.", failure(new WrongConverter()));
    }

    record Box(Object content) {
    }

    public static final class BadRecord {
        @Get("/box")
        public String box(@QueryParam Box box) {
            return "";
        }
    }

    @Test
    void recordWithAnUnconvertibleComponentIsRefused() {
        assertEquals("Parameter 'box' (Box) of BadRecord.box(Box) is a record whose component 'content' is a query "
                + "parameter of type Object, which cannot be converted from text; use " + ValueConversion.SUPPORTED
                + " (or an Optional or a List of one), or take the Request and read the value yourself.",
                failure(new BadRecord()));
    }

    public static final class SameEndpoint {
        @Get("/a")
        public String page() {
            return "";
        }

        @Post("/b")
        public String page(Request request) {
            return "";
        }
    }

    @Test
    void twoMethodsWithOneEndpointAreRefused() {
        assertEquals("Methods SameEndpoint.page() and SameEndpoint.page(Request) both get the endpoint 'page'. Name one "
                + "of them, for example @Get(value = \"...\", endpoint = \"pageOther\").", failure(new SameEndpoint()));
    }

    public static final class NoMethods {
        @Route(rule = "/a", methods = {})
        public String none() {
            return "";
        }
    }

    @Test
    void routeWithoutMethodsIsRefused() {
        assertEquals("@Route on NoMethods.none() has no methods; give at least one, for example @Route(rule = \"/a\", "
                + "methods = {\"GET\", \"POST\"}).", failure(new NoMethods()));
    }

    public static final class NoSlash {
        @Get("users")
        public String users() {
            return "";
        }
    }

    @Test
    void ruleWithoutLeadingSlashIsRefused() {
        assertEquals("The rule 'users' of @Get on NoSlash.users() must start with a slash: \"/users\".",
                failure(new NoSlash()));
        final class Empty {
            @Get("")
            public String root() {
                return "";
            }
        }
        assertEquals("The rule '' of @Get on Empty.root() must start with a slash: \"/\" (an "
                + "empty rule is the controller's prefix itself, under @Controller(prefix = ...)).", failure(new Empty()));
    }

    @Controller(prefix = "/api/items")
    public static final class Items {
        @Get("")
        public String all() {
            return "items";
        }

        @Get("/")
        public String slash() {
            return "items/";
        }
    }

    @Test
    void emptyRuleIsThePrefixItself() {
        assertEquals(Map.of("all", "GET /api/items", "slash", "GET /api/items/"), summary(new Items()));
        AppTestClient client = new App().register(new Items()).testClient();
        assertEquals("items", client.get("/api/items").text());
        assertEquals("items/", client.get("/api/items/").text());
    }

    @Test
    void controllerWithoutRoutesIsRefused() {
        assertEquals("Controller java.lang.Object has no methods annotated with @Get, @Post, @Put, @Patch, @Delete or "
                + "@Route. Annotate its public handler methods, or register lambdas with app.get(rule, handler).",
                failure(new Object()));
    }

    @Test
    void registeringTheClassInsteadOfAnInstanceIsRefused() {
        assertEquals("app.register(...) takes a controller object, but got the class " + Users.class.getName()
                + ". Register an instance: app.register(new Users()).", failure(Users.class));
    }

    @Controller(prefix = "api")
    public static final class BadPrefix {
        @Get("/")
        public String index() {
            return "";
        }
    }

    @Test
    void prefixWithoutLeadingSlashIsRefused() {
        assertEquals("@Controller(prefix = \"api\") of " + BadPrefix.class.getName() + " must start with a slash: "
                + "@Controller(prefix = \"/api\").", failure(new BadPrefix()));
    }

    @Test
    void classCompiledWithoutParameterNamesIsRefusedWithTheFix(@TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path source = dir.resolve("NoNames.java");
        Files.writeString(source, "public class NoNames {\n"
                + "  @dev.carafe.annotation.Get(\"/users/<int:id>\")\n"
                + "  public String show(int id) { return \"\"; }\n"
                + "}\n", StandardCharsets.UTF_8);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "-proc:none", "-classpath", System.getProperty("java.class.path"),
                "-d", dir.toString(), source.toString());
        assertEquals(0, status, "javac compiled the controller");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            Object controller = loader.loadClass("NoNames").getConstructor().newInstance();
            assertEquals("Parameter 'arg0' (int) of NoNames.show(int) has no name: its class was compiled without "
                    + "-parameters, so Carafe cannot tell which value it receives. Compile with javac -parameters "
                    + "(Maven: <parameters>true</parameters> in the maven-compiler-plugin configuration) or name the "
                    + "value explicitly, for example @PathParam(\"id\").", failure(controller));
        }
    }

    @Test
    void routeMethodsKeepTheirOrder() {
        ControllerRoute update = ControllerScanner.scan(new Users()).stream()
                .filter(r -> r.endpoint().equals("users.update")).findFirst().orElseThrow();
        assertEquals(List.of("GET", "POST"), List.copyOf(update.methods()));
        assertEquals(Set.of("GET", "POST"), update.methods());
    }

    @Test
    void formAnnotationIsAcceptedOnUploadedFileLists() {
        final class Uploads {
            @Post("/u")
            public int count(@FormParam("files") List<UploadedFile> files) {
                return files.size();
            }
        }
        assertEquals("POST /u", summary(new Uploads()).get("count"));
    }
}
