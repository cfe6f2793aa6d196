package dev.carafe;

import static dev.carafe.SignedCookies.T0;
import static dev.carafe.SignedCookies.at;
import static dev.carafe.SignedCookies.decoded;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.carafe.gateway.testing.TestResponse;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Message flashing: across a redirect, within one request, categories, and without a session store. */
class FlashTest {

    private static App app() {
        App app = new App().sessionStore(SignedCookieSessions.builder().secretKey("dev").noSameSite()
                .clock(at(T0)).build());
        app.post("/create", request -> {
            if (request.form().first("title").orElse("").isBlank()) {
                Flash.flash(request, "Title is required.", "error");
                return page(request);
            }
            Flash.flash(request, "Post created.");
            return Response.redirect("/");
        });
        app.get("/", FlashTest::page);
        return app;
    }

    private static String page(Request request) {
        return Flash.messages(request).stream().map(m -> "[" + m.category() + "] " + m.text())
                .collect(Collectors.joining(", ", "messages: ", ""));
    }

    @Test
    void aMessageFlashedBeforeARedirectShowsOnTheNextPageOnce() {
        AppTestClient client = app().testClient();

        TestResponse created = client.post("/create").form("title", "Hello").send();

        assertEquals(302, created.status());
        assertEquals("[[\"message\",\"Post created.\"]]", flashesInCookie(client));
        TestResponse shown = client.get("/");
        assertEquals("messages: [message] Post created.", shown.text());
        assertEquals(Optional.of("session=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; HttpOnly; Path=/"),
                shown.header("Set-Cookie"));
        assertEquals("messages: ", client.get("/").text());
    }

    @Test
    void aMessageFlashedEarlierInTheSameRequestShowsInItsResponse() {
        AppTestClient client = app().testClient();

        TestResponse failed = client.post("/create").form("title", " ").send();

        assertEquals(200, failed.status());
        assertEquals("messages: [error] Title is required.", failed.text());
        assertEquals(Optional.of("session=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; HttpOnly; Path=/"),
                failed.header("Set-Cookie"));
        assertEquals(Optional.of("Cookie"), failed.header("Vary"));
        assertEquals(Optional.empty(), client.cookies().value("session"));
    }

    @Test
    void messagesFollowTheRedirectWhenTheClientFollowsIt() {
        TestResponse shown = app().testClient().post("/create").form("title", "Hello").followRedirects(true).send();

        assertEquals("messages: [message] Post created.", shown.text());
    }

    @Test
    void categoriesFilterTheMessagesAndLaterReadsReturnTheSameMessages() {
        App app = app().testing(true);
        app.get("/many", request -> {
            Flash.flash(request, "a");
            Flash.flash(request, "b", "error");
            Flash.flash(request, "c", "info");
            List<Flash.Message> all = Flash.messages(request);
            assertSame(all, Flash.messages(request));
            assertEquals(List.of(new Flash.Message("error", "b"), new Flash.Message("info", "c")),
                    Flash.messages(request, "info", "error"));
            assertEquals(List.of(), Flash.messages(request, "warning"));
            return all.toString();
        });

        assertEquals("[Message[category=message, text=a], Message[category=error, text=b], "
                + "Message[category=info, text=c]]", app.testClient().get("/many").text());
    }

    @Test
    void aMessageFlashedAfterTheFirstReadWaitsForTheNextRequest() {
        App app = app();
        app.get("/late", request -> {
            String before = page(request);
            Flash.flash(request, "late");
            return before + " / " + page(request);
        });
        AppTestClient client = app.testClient();

        assertEquals("messages:  / messages: ", client.get("/late").text());
        assertEquals("messages: [message] late", client.get("/").text());
    }

    @Test
    void messagesAreEmptyWithoutASessionStoreAndFlashingSaysWhatIsMissing() {
        App app = new App().testing(true);
        app.get("/", FlashTest::page);
        app.get("/flash", request -> {
            Flash.flash(request, "hi");
            return "flashed";
        });
        AppTestClient client = app.testClient();

        assertEquals("messages: ", client.get("/").text());
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> client.get("/flash"));
        assertEquals("Cannot put \"_flashes\" in the session: " + NullSession.UNAVAILABLE, error.getMessage());
    }

    @Test
    void aSessionValueUnderTheFlashKeyThatIsNotMessagesIsReported() {
        App app = app().testing(true);
        app.get("/broken", request -> {
            request.session().put("_flashes", List.of("oops"));
            return page(request);
        });

        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> app.testClient().get("/broken"));

        assertEquals("The session value '_flashes' is [oops], not a list of [category, message] pairs; '_flashes' "
                + "is where Flash keeps messages, so store other values under another name.", error.getMessage());
    }

    private static String flashesInCookie(AppTestClient client) {
        String json = decoded(client.cookies().value("session").orElseThrow().split("\\.")[0]);
        return json.substring("{\"_flashes\":".length(), json.length() - 1);
    }
}
