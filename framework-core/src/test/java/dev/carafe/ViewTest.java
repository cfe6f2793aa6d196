package dev.carafe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.carafe.annotation.FormParam;
import dev.carafe.gateway.testing.TestResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ViewTest {

    /** A user, written as JSON. */
    public record User(int id, String name) {
    }

    /** A view over a map of users: one rule, one method per HTTP method. */
    public static final class UserView {
        private final Map<Integer, String> users = new LinkedHashMap<>(Map.of(1, "ada"));

        public Object get(int id) {
            return Optional.ofNullable(users.get(id)).map(name -> new User(id, name));
        }

        public Response put(int id, @FormParam("name") String name) {
            users.put(id, name);
            return Response.text("saved " + name);
        }

        public void delete(int id) {
            users.remove(id);
        }
    }

    @Test
    void eachHttpMethodIsAnsweredByTheViewsMethodOfThatName() {
        App app = new App().view("/users/<int:id>", new UserView());

        assertEquals("{\"id\":1,\"name\":\"ada\"}", app.testClient().get("/users/1").text());
        assertEquals("saved grace", app.testClient().put("/users/2").form("name", "grace").send().text());
        assertEquals("{\"id\":2,\"name\":\"grace\"}", app.testClient().get("/users/2").text());
        assertEquals(204, app.testClient().delete("/users/1").status());
        assertEquals(404, app.testClient().get("/users/1").status());
    }

    @Test
    void aMethodTheViewDoesNotDefineIsA405ListingTheOnesItDoes() {
        App app = new App().view("/users/<int:id>", new UserView());

        TestResponse response = app.testClient().post("/users/1").send();
        assertEquals(405, response.status());
        assertEquals(Optional.of("DELETE, GET, HEAD, PUT, OPTIONS"), response.header("Allow"));
        TestResponse options = app.testClient().request("OPTIONS", "/users/1").send();
        assertEquals(Optional.of("DELETE, GET, HEAD, PUT, OPTIONS"), options.header("Allow"));
    }

    @Test
    void headIsAnsweredByGetWithoutABody() {
        App app = new App().view("/users/<int:id>", new UserView());

        TestResponse head = app.testClient().request("HEAD", "/users/1").send();
        assertEquals(200, head.status());
        assertEquals("", head.text());
        assertEquals(Optional.of("21"), head.header("Content-Length"));
    }

    /** A view answering HEAD and OPTIONS itself. */
    public static final class Probe {
        public String get() {
            return "full";
        }

        public Response head() {
            return Response.text("").withHeader("X-Probe", "head");
        }

        public Response options() {
            return Response.noContent().withHeader("Allow", "GET, HEAD, OPTIONS").withHeader("X-Probe", "options");
        }
    }

    @Test
    void aViewMayAnswerHeadAndOptionsItself() {
        App app = new App().view("/probe", new Probe());

        assertEquals(Optional.of("head"), app.testClient().request("HEAD", "/probe").send().header("X-Probe"));
        assertEquals(Optional.of("options"), app.testClient().request("OPTIONS", "/probe").send().header("X-Probe"));
        assertEquals("full", app.testClient().get("/probe").text());
    }

    @Test
    void theEndpointIsTheRulesDefaultNameUnlessGiven() {
        App app = new App()
                .view("/users/<int:id>", new UserView())
                .view("/me", "profile", new Probe());

        assertEquals("/users/3", app.urlFor("users.id", Map.of("id", 3)));
        assertEquals("/me", app.urlFor("profile", Map.of()));
    }

    @Test
    void aViewInABlueprintGetsItsPrefixAndName() {
        Blueprint admin = new Blueprint("admin").urlPrefix("/admin");
        admin.view("/users/<int:id>", new UserView());
        admin.view("/probe", "probe", new Probe());
        App app = new App().register(admin);

        assertEquals("{\"id\":1,\"name\":\"ada\"}", app.testClient().get("/admin/users/1").text());
        assertEquals("/admin/users/1", app.urlFor("admin.users.id", Map.of("id", 1)));
        assertEquals("/admin/probe", app.urlFor("admin.probe", Map.of()));
    }

    /** Not a view: no method named after an HTTP method. */
    public static final class Nothing {
        public String show() {
            return "x";
        }
    }

    /** Overloads one handler name. */
    public static final class Twice {
        public String get() {
            return "a";
        }

        public String get(@FormParam("x") String x) {
            return x;
        }
    }

    /** Hides its handler. */
    public static final class Hidden {
        String post() {
            return "hidden";
        }
    }

    /** Does not receive the rule's variable. */
    public static final class Deaf {
        public String get() {
            return "which one?";
        }
    }

    @Test
    void viewsThatCannotWorkAreRefusedWithTheFix() {
        App app = new App();
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> app.view("/x", new Nothing()));
        assertEquals("View Nothing has no public method named get, head, post, put, patch, delete, options; a view "
                + "answers each HTTP method with the method of that name, for example: public String get() { ... }. "
                + "For a single function, use app.get(rule, handler).", none.getMessage());
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> app.view("/x", new Twice()));
        assertEquals("View Twice has 2 methods named get (Twice.get(), Twice.get(String)); keep one, it answers GET.",
                twice.getMessage());
        IllegalArgumentException hidden = assertThrows(IllegalArgumentException.class,
                () -> app.view("/x", new Hidden()));
        assertEquals("View method Hidden.post() is not public, so Carafe will not call it for POST. Make it public "
                + "(or rename it if it is a helper).", hidden.getMessage());
        IllegalArgumentException type = assertThrows(IllegalArgumentException.class,
                () -> app.view("/x", UserView.class));
        assertEquals("view(rule, view) takes a view object, but got the class dev.carafe.ViewTest$UserView. Register "
                + "an instance: view(\"/x\", new UserView()).", type.getMessage());
        IllegalArgumentException deaf = assertThrows(IllegalArgumentException.class,
                () -> app.view("/things/<int:id>", new Deaf()));
        assertEquals("Rule '/things/<int:id>' of Deaf.get() has the variable 'id', but no parameter receives it. Add "
                + "a parameter named id (or annotate one with @PathParam(\"id\")).", deaf.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Blueprint("b").view("/x", new Nothing()));
    }
}
