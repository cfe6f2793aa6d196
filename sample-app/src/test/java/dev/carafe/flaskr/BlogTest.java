package dev.carafe.flaskr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carafe.App;
import dev.carafe.AppContext;
import dev.carafe.AppTestClient;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** flaskr's tests/test_blog.py. */
@ExtendWith(FlaskrExtension.class)
class BlogTest {

    // tag::index[]
    @Test
    void theIndexOffersLoginThenShowsThePostsWithAnEditLinkForTheirAuthor(AppTestClient client, AuthActions auth) {
        String anonymous = client.get("/").text();
        assertTrue(anonymous.contains("Log In"), anonymous);
        assertTrue(anonymous.contains("Register"), anonymous);

        auth.login();
        String page = client.get("/").text();
        assertTrue(page.contains("Log Out"), page);
        assertTrue(page.contains("test title"), page);
        assertTrue(page.contains("by test on 2018-01-01"), page);
        assertTrue(page.contains("test\nbody"), page);
        assertTrue(page.contains("href=\"/1/update\""), page);
    }
    // end::index[]

    @ParameterizedTest(name = "POST {0}")
    @ValueSource(strings = {"/create", "/1/update", "/1/delete"})
    void changingPostsRequiresLoggingIn(String path, AppTestClient client) {
        assertEquals(Optional.of("/auth/login"), client.post(path).send().header("Location"));
    }

    @Test
    void onlyTheAuthorMayChangeAPost(App app, AppTestClient client, AuthActions auth) throws SQLException {
        try (AppContext context = app.appContext()) {
            Database.of(context).execute("UPDATE post SET author_id = 2 WHERE id = 1");
        }
        auth.login();

        assertEquals(403, client.post("/1/update").send().status());
        assertEquals(403, client.post("/1/delete").send().status());
        assertFalse(client.get("/").text().contains("href=\"/1/update\""));
    }

    @ParameterizedTest(name = "POST {0}")
    @ValueSource(strings = {"/2/update", "/2/delete"})
    void aPostThatDoesNotExistIsNotFound(String path, AppTestClient client, AuthActions auth) {
        auth.login();
        assertEquals(404, client.post(path).send().status());
    }

    @Test
    void creatingAPostAddsIt(App app, AppTestClient client, AuthActions auth) throws SQLException {
        auth.login();
        assertEquals(200, client.get("/create").status());

        client.post("/create").form("title", "created").form("body", "").send();

        try (AppContext context = app.appContext()) {
            assertEquals(Optional.of(Map.of("n", 2)), Database.of(context).queryOne("SELECT COUNT(id) AS n FROM post"));
        }
    }

    @Test
    void updatingAPostChangesIt(App app, AppTestClient client, AuthActions auth) throws SQLException {
        auth.login();
        assertEquals(200, client.get("/1/update").status());

        client.post("/1/update").form("title", "updated").form("body", "").send();

        try (AppContext context = app.appContext()) {
            assertEquals("updated", Database.of(context).queryOne("SELECT * FROM post WHERE id = 1").orElseThrow()
                    .get("title"));
        }
    }

    @ParameterizedTest(name = "POST {0}")
    @ValueSource(strings = {"/create", "/1/update"})
    void aPostNeedsATitle(String path, AppTestClient client, AuthActions auth) {
        auth.login();
        String page = client.post(path).form("title", "").form("body", "").send().text();
        assertTrue(page.contains("Title is required."), page);
    }

    @Test
    void deletingAPostRemovesItAndRedirectsToTheIndex(App app, AppTestClient client, AuthActions auth)
            throws SQLException {
        auth.login();

        var response = client.post("/1/delete").send();
        assertEquals(Optional.of("/"), response.header("Location"));

        try (AppContext context = app.appContext()) {
            assertTrue(Database.of(context).queryOne("SELECT * FROM post WHERE id = 1").isEmpty());
        }
    }
}
