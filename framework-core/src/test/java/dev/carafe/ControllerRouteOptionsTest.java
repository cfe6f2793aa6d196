package dev.carafe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.carafe.annotation.Controller;
import dev.carafe.annotation.Delete;
import dev.carafe.annotation.Get;
import dev.carafe.annotation.Patch;
import dev.carafe.annotation.PathParam;
import dev.carafe.annotation.Post;
import dev.carafe.annotation.Put;
import dev.carafe.annotation.Route;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ControllerRouteOptionsTest {

    enum Order { NEWEST, OLDEST }

    @Controller(prefix = "/feed", name = "feed")
    public static final class Feed {
        @Get(value = "/", defaults = "page=1")
        @Get("/<int:page>")
        public String list(int page, Request request) {
            return "page " + page + " " + request.viewArgs().get("page").getClass().getSimpleName();
        }

        @Route(rule = "/archive/", methods = {"GET", "POST"}, strictSlashes = false,
                defaults = "day=2026-01-31")
        public String archive(@PathParam("day") LocalDate day) {
            return "archive " + day;
        }

        @Post(value = "/posts", strictSlashes = false)
        public String post() {
            return "posted";
        }

        @Put(value = "/posts/<int:id>", defaults = "draft=true")
        public String put(int id, boolean draft) {
            return "put " + id + " draft " + draft;
        }

        @Patch(value = "/posts/<int:id>", defaults = "order=oldest")
        public String patch(int id, Order order) {
            return "patch " + order;
        }

        @Delete(value = "/posts/<int:id>", strictSlashes = false)
        public String delete(int id) {
            return "deleted " + id;
        }
    }

    @Test
    void annotationDefaultsReachTheMethodTypedByItsParameters() {
        App app = new App();
        app.register(new Feed());
        AppTestClient client = app.testClient();

        assertEquals("page 1 Integer", client.get("/feed/").text());
        assertEquals("page 3 Integer", client.get("/feed/3").text());
        assertEquals("archive 2026-01-31", client.post("/feed/archive").send().text());
        assertEquals("put 3 draft true", client.put("/feed/posts/3").send().text());
        assertEquals("patch OLDEST", client.patch("/feed/posts/3").send().text());
    }

    @Test
    void repeatedAnnotationsWithTypedDefaultsLetUrlForChooseTheRuleAndRedirect() {
        App app = new App();
        app.register(new Feed());

        assertEquals("/feed/", app.urlFor("feed.list", Map.of("page", 1)));
        assertEquals("/feed/2", app.urlFor("feed.list", Map.of("page", 2)));
        assertEquals(Optional.of("/feed/"), app.testClient().get("/feed/1").header("Location"));
    }

    @Test
    void strictSlashesOnAnAnnotationMatchesBothForms() {
        App app = new App();
        app.register(new Feed());
        AppTestClient client = app.testClient();

        assertEquals("posted", client.post("/feed/posts/").send().text());
        assertEquals("deleted 4", client.delete("/feed/posts/4/").text());
        assertEquals("archive 2026-01-31", client.get("/feed/archive").text());
    }

    public static final class NotNameValue {
        @Get(value = "/", defaults = "page")
        public String list(int page) {
            return "x";
        }
    }

    public static final class Unreceived {
        @Get(value = "/", defaults = "page=1")
        public String list() {
            return "x";
        }
    }

    public static final class NotAnInt {
        @Get(value = "/", defaults = "page=first")
        public String list(int page) {
            return "x";
        }
    }

    public static final class Twice {
        @Get(value = "/", defaults = {"page=1", "page=2"})
        public String list(int page) {
            return "x";
        }
    }

    @Test
    void aDefaultThatIsNotNameValueIsRefused() {
        assertEquals("@Get on NotNameValue.list(int) has the default \"page\", which is not name=value; write each "
                + "default as \"name=value\", for example defaults = \"page=1\".", failure(new NotNameValue()));
    }

    @Test
    void aDefaultNoParameterReceivesIsRefused() {
        assertEquals("@Get on Unreceived.list() has the default 'page', but no parameter receives it. Add a parameter "
                + "named page (or annotate one with @PathParam(\"page\")), or remove the default.",
                failure(new Unreceived()));
    }

    @Test
    void aDefaultThatDoesNotConvertToTheParameterTypeIsRefused() {
        assertEquals("@Get on NotAnInt.list(int) has the default \"page=first\", but 'first' is not a valid int for "
                + "parameter 'page'; write a whole number, for example \"page=2\".", failure(new NotAnInt()));
    }

    @Test
    void aDefaultGivenTwiceIsRefused() {
        assertEquals("@Get on Twice.list(int) gives the default 'page' twice; keep one.", failure(new Twice()));
    }

    private static String failure(Object controller) {
        return assertThrows(IllegalArgumentException.class, () -> new App().register(controller)).getMessage();
    }
}
