package dev.carafe.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carafe.App;
import dev.carafe.AppTestClient;
import dev.carafe.Flash;
import dev.carafe.gateway.testing.TestResponse;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SessionsSnippetsTest {

    private static final String KEY = "0123456789abcdef0123456789abcdef";

    @Test
    void enabledSessionsRememberTheUserUntilLogout() {
        AppTestClient client = SessionsSnippets.enable(KEY).testClient();

        assertEquals("Hello, stranger", client.get("/").text());
        // tag::testing[]
        TestResponse login = client.post("/login").send();
        assertTrue(login.header("Set-Cookie").orElseThrow().startsWith("session=eyJ1c2VyX2lkIjoxfQ."));
        assertEquals("Hello, user 1", client.get("/").text());
        assertEquals(Optional.of(1), client.session().get("user_id"));
        // end::testing[]
        assertTrue(login.header("Set-Cookie").orElseThrow().endsWith("; HttpOnly; Path=/; SameSite=Lax"));
        assertTrue(client.post("/logout").send().header("Set-Cookie").orElseThrow().startsWith("session=; Expires="));
        assertEquals("Hello, stranger", client.get("/").text());
    }

    @Test
    void aPermanentSessionCookieHasTheLifetime() {
        AppTestClient client = SessionsSnippets.remember(SessionsSnippets.enable(KEY)).testClient();

        String cookie = client.post("/login-remembered").send().header("Set-Cookie").orElseThrow();

        assertTrue(cookie.contains("; Max-Age=2678400; HttpOnly; Path=/; SameSite=Lax"), cookie);
        assertEquals("Hello, user 1", client.get("/").text());
    }

    @Test
    void theSettingsShownAreTheDefaults() {
        App explicit = SessionsSnippets.remember(new App().sessionStore(SessionsSnippets.settings(KEY)));
        App defaults = SessionsSnippets.remember(SessionsSnippets.enable(KEY));

        assertEquals(SessionsSnippets.settings(KEY).toString(), dev.carafe.SignedCookieSessions.of(KEY).toString());
        String a = explicit.testClient().post("/login-remembered").send().header("Set-Cookie").orElseThrow();
        String b = defaults.testClient().post("/login-remembered").send().header("Set-Cookie").orElseThrow();
        assertEquals(b.substring(b.indexOf(';')), a.substring(a.indexOf(';')));
    }

    @Test
    void afterRotationCookiesSignedWithTheOldKeyStillOpenAndNewOnesUseTheNewKey() {
        AppTestClient before = SessionsSnippets.enable("old-key").testClient();
        before.post("/login").send();
        String oldCookie = before.cookies().value("session").orElseThrow();
        App after = SessionsSnippets.remember(new App().sessionStore(SessionsSnippets.rotation("new-key", "old-key")));
        after.get("/", request -> request.session().get("user_id").map(String::valueOf).orElse("nobody"));
        AppTestClient client = after.testClient();
        client.cookies().set(dev.carafe.gateway.testing.Cookie.of("session", oldCookie));

        assertEquals("1", client.get("/").text());
        client.post("/login-remembered").send();
        String newCookie = client.cookies().value("session").orElseThrow();
        assertEquals("Hello, user 1", opened(SessionsSnippets.enable("new-key"), newCookie));
        assertEquals("Hello, stranger", opened(SessionsSnippets.enable("new-key"), oldCookie));
        assertEquals("Hello, stranger", opened(SessionsSnippets.enable("old-key"), newCookie));
    }

    private static String opened(App app, String cookie) {
        return app.testClient().request("GET", "/").header("Cookie", "session=" + cookie).send().text();
    }

    @Test
    void theServerSideStoreKeepsOnlyARandomIdInTheCookie() {
        App memory = new App().sessionStore(new SessionsSnippets.MemorySessions());
        memory.post("/login", request -> {
            request.session().put("user_id", 1);
            return "in";
        });
        memory.get("/", request -> request.session().get("user_id").map(String::valueOf).orElse("nobody"));
        memory.post("/logout", request -> {
            request.session().clear();
            return "out";
        });
        AppTestClient client = memory.testClient();

        TestResponse login = client.post("/login").send();
        String id = client.cookies().value("sid").orElseThrow();
        assertTrue(id.matches("[0-9a-f]{64}"), id);
        assertEquals(Optional.of("Cookie"), login.header("Vary"));
        assertEquals("1", client.get("/").text());
        client.post("/login").send();
        assertNotEquals(id, client.cookies().value("sid").orElseThrow());
        assertEquals(Optional.of("sid=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; HttpOnly; Path=/"),
                client.post("/logout").send().header("Set-Cookie"));
        assertEquals("nobody", client.get("/").text());
    }

    @Test
    void flashedMessagesShowInTheSameResponseOrAfterTheRedirect() {
        App app = SessionsSnippets.flashing(SessionsSnippets.enable(KEY));
        AppTestClient client = app.testClient();

        assertEquals("error: Title is required.\nNew post: POST a title to /posts\n",
                client.post("/posts").form("title", "").send().text());
        assertEquals(302, client.post("/posts").form("title", "Hello").send().status());
        assertEquals("message: Post created.\nNew post: POST a title to /posts\n", client.get("/posts").text());
        assertEquals("New post: POST a title to /posts\n", client.get("/posts").text());
        assertEquals(List.of(), client.cookies().cookies());
    }

    @Test
    void messagesCanBeFilteredByCategory() {
        App app = SessionsSnippets.enable(KEY);
        app.get("/first-error", request -> {
            Flash.flash(request, "Saved.");
            Flash.flash(request, "Too long.", "error");
            Flash.flash(request, "Too short.", "error");
            return SessionsSnippets.firstError(request).orElse("none");
        });

        assertEquals("Too long.", app.testClient().get("/first-error").text());
    }
}
