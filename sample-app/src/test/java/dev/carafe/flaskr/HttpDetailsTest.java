package dev.carafe.flaskr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carafe.App;
import dev.carafe.AppContext;
import dev.carafe.AppTestClient;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The HTTP details flaskr's users and tests see beyond its own suite (flaskr.md §8). */
@ExtendWith(FlaskrExtension.class)
class HttpDetailsTest {

    @Test
    void aMissingFormFieldIsABadRequest(AppTestClient client) {
        assertEquals(400, client.post("/auth/register").form("username", "a").send().status());
    }

    @Test
    void aFailedRegistrationAnswers200WithTheMessageFlashedInTheSamePage(AppTestClient client) {
        var response = client.post("/auth/register").form("username", "").form("password", "").send();
        assertEquals(200, response.status());
        assertTrue(response.text().contains("<div class=\"flash\">Username is required.</div>"), response.text());
        assertFalse(client.get("/auth/register").text().contains("class=\"flash\""), "shown once only");
    }

    @Test
    void deleteAnswersOnlyPostWithAllowOnOtherMethods(AppTestClient client) {
        var response = client.get("/1/delete");
        assertEquals(405, response.status());
        assertEquals(Optional.of("POST, OPTIONS"), response.header("Allow"));
    }

    @Test
    void aMissingPostIsNotFoundWithItsIdInTheEscapedDescription(AppTestClient client, AuthActions auth) {
        auth.login();
        var response = client.get("/99/update");
        assertEquals(404, response.status());
        assertTrue(response.text().contains("Post id 99 doesn&#39;t exist."), response.text());
    }

    @Test
    void rulesAreStrictAboutTrailingSlashes(AppTestClient client) {
        assertEquals(404, client.get("/auth/login/").status());
    }

    @Test
    void responsesVaryOnTheCookieBecauseEveryRequestReadsTheSession(AppTestClient client) {
        assertEquals(Optional.of("Cookie"), client.get("/").header("Vary"));
    }

    @Test
    void theLoginSessionKeepsTheUserIdAsAnInteger(AppTestClient client, AuthActions auth) {
        var response = auth.login();
        assertEquals(302, response.status());
        assertTrue(response.header("Set-Cookie").orElseThrow().startsWith("session="), response.headers().toString());
        client.get("/");
        assertEquals(Optional.of(1), client.session().get("user_id", Integer.class));
    }

    @Test
    void theIndexNameBuildsTheRootUrlAndTheRootIsTheBlogIndex(AppTestClient client) {
        client.get("/");
        assertEquals(Optional.of("blog.index"), client.context().endpoint());
        assertEquals("/", client.context().request().urlFor("index", Map.of()));
    }

    @Test
    void aStaleUserIdInTheSessionIsAnonymous(App app, AppTestClient client, AuthActions auth) throws Exception {
        auth.login();
        try (AppContext context = app.appContext()) {
            Database.of(context).execute("DELETE FROM user WHERE id = 1");
        }
        String page = client.get("/").text();
        assertTrue(page.contains("Log In"), page);
        assertFalse(client.g().containsKey("user"));
    }
}
