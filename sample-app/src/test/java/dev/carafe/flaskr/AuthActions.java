package dev.carafe.flaskr;

import dev.carafe.AppTestClient;
import dev.carafe.gateway.testing.TestResponse;

/**
 * conftest's {@code AuthActions}: logs the test client in and out through flaskr's own forms.
 *
 * @param client the test's client, whose cookie jar keeps the session
 */
record AuthActions(AppTestClient client) {

    /** Logs in as the fixture user {@code test} (password {@code test}). */
    TestResponse login() {
        return login("test", "test");
    }

    TestResponse login(String username, String password) {
        return client.post("/auth/login").form("username", username).form("password", password).send();
    }

    TestResponse logout() {
        return client.get("/auth/logout");
    }
}
