package dev.carafe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carafe.gateway.testing.TestResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The App reads its config when it freezes: modes, URL settings, limits and signed sessions. */
class AppConfigTest {

    @Test
    void aSecretKeyInTheConfigGivesSignedCookieSessions() {
        // tag::secret-key[]
        App app = new App();
        app.config().fromMap(Map.of("SECRET_KEY", "a long random secret"));  // or app.secretKey(...)
        app.post("/login", request -> {
            request.session().put("user_id", 1);
            return Response.redirect("/");
        });
        app.get("/", request -> "user " + request.session().get("user_id").orElse("nobody"));
        // end::secret-key[]
        AppTestClient client = app.testClient();

        TestResponse login = client.post("/login").send();
        String cookie = login.header("Set-Cookie").orElseThrow();
        assertTrue(cookie.startsWith("session=eyJ1c2VyX2lkIjoxfQ."), cookie);
        assertTrue(cookie.endsWith("; HttpOnly; Path=/; SameSite=Lax"), cookie);
        assertEquals("user 1", client.get("/").text());
    }

    @Test
    void theSessionCookieKeysShapeTheCookie() {
        App app = new App().secretKey("k");
        app.config().put("SESSION_COOKIE_NAME", "sid");
        app.config().put("SESSION_COOKIE_SECURE", true);
        app.config().remove("SESSION_COOKIE_SAMESITE");
        app.get("/", request -> {
            request.session().put("n", 2);
            return "ok";
        });
        String cookie = app.testClient().get("/").header("Set-Cookie").orElseThrow();
        assertTrue(cookie.startsWith("sid="), cookie);
        assertTrue(cookie.endsWith("; Secure; HttpOnly; Path=/"), cookie);
    }

    @Test
    void anExplicitSessionStoreWinsOverTheSecretKey() {
        App app = new App().secretKey("k").sessionStore(SignedCookieSessions.builder().secretKey("other")
                .cookieName("mine").build());
        app.get("/", request -> {
            request.session().put("n", 2);
            return "ok";
        });
        assertTrue(app.testClient().get("/").header("Set-Cookie").orElseThrow().startsWith("mine="));
    }

    @Test
    void settersAndTheConfigAreOneSourceOfTruth() {
        App app = new App().debug(true).maxContentLength(5);
        app.config().put("TESTING", true);
        app.post("/", request -> "got " + request.body().length);
        AppTestClient client = app.testClient();

        assertEquals(413, client.post("/").body("123456".getBytes(), "text/plain").send().status());
        assertTrue(app.debug());
        assertTrue(app.testing());
        assertEquals(List.of(true, 5L), List.of(app.config().bool("DEBUG"), app.config().longValue("MAX_CONTENT_LENGTH")));
    }

    @Test
    void aBadSameSiteValueFailsAtTheFirstRequestNamingTheKeyAndItsSource() {
        App app = new App().secretKey("k");
        app.config().put("SESSION_COOKIE_SAMESITE", "Sometimes");
        app.get("/", request -> "ok");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> app.testClient().get("/"));
        assertEquals("Config key 'SESSION_COOKIE_SAMESITE' has the value \"Sometimes\" (from Config.put); expected "
                + "\"Strict\", \"Lax\" or \"None\", or remove the key for no SameSite attribute.", e.getMessage());
    }

    @Test
    void theConfigIsFrozenWithTheApp() {
        App app = new App();
        app.get("/", request -> "ok");
        app.testClient().get("/");
        assertThrows(IllegalStateException.class, () -> app.config().put("DEBUG", true));
        assertThrows(IllegalStateException.class, () -> app.secretKey("late"));
    }
}
