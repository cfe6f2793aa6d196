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
import org.junit.jupiter.params.provider.CsvSource;

/** flaskr's tests/test_auth.py. */
@ExtendWith(FlaskrExtension.class)
class AuthTest {

    // tag::register[]
    @Test
    void registeringRedirectsToLoginAndStoresTheUser(App app, AppTestClient client) throws SQLException {
        assertEquals(200, client.get("/auth/register").status());

        var response = client.post("/auth/register").form("username", "a").form("password", "a").send();
        assertEquals(Optional.of("/auth/login"), response.header("Location"));

        try (AppContext context = app.appContext()) {
            assertTrue(Database.of(context).queryOne("SELECT * FROM user WHERE username = 'a'").isPresent());
        }
    }
    // end::register[]

    // tag::register-validate[]
    @ParameterizedTest(name = "username ''{0}'', password ''{1}'': {2}")
    @CsvSource({
        "'',   '',   Username is required.",
        "a,    '',   Password is required.",
        "test, test, already registered",
    })
    void registeringShowsWhatIsWrongWithTheInput(String username, String password, String message,
            AppTestClient client) {
        var response = client.post("/auth/register").form("username", username).form("password", password).send();
        assertTrue(response.text().contains(message), response.text());
    }
    // end::register-validate[]

    @Test
    void loggingInRedirectsToTheIndexAndRemembersTheUser(AppTestClient client, AuthActions auth) {
        assertEquals(200, client.get("/auth/login").status());

        var response = auth.login();
        assertEquals(Optional.of("/"), response.header("Location"));

        client.get("/");
        assertEquals(Optional.of(1), client.session().get("user_id"));
        assertEquals("test", userOfTheLastRequest(client).get("username"));
    }

    @ParameterizedTest(name = "username ''{0}'', password ''{1}'': {2}")
    @CsvSource({
        "a,    test, Incorrect username.",
        "test, a,    Incorrect password.",
    })
    void loggingInShowsWhatIsWrongWithTheInput(String username, String password, String message,
            AuthActions auth) {
        var response = auth.login(username, password);
        assertTrue(response.text().contains(message), response.text());
    }

    @Test
    void loggingOutForgetsTheUser(AppTestClient client, AuthActions auth) {
        auth.login();

        auth.logout();
        assertFalse(client.session().contains("user_id"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> userOfTheLastRequest(AppTestClient client) {
        return (Map<String, Object>) client.g().get("user");
    }
}
