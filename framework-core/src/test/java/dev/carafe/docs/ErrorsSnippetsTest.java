package dev.carafe.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carafe.AppTestClient;
import dev.carafe.gateway.testing.TestResponse;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ErrorsSnippetsTest {

    @Test
    void abortAnswers404And403() {
        AppTestClient client = ErrorsSnippets.abort(Map.of(1, new ErrorsSnippets.Post(1, "ada", "Hello")))
                .testClient();

        assertTrue(client.get("/2/update").text().contains("<p>Post id 2 doesn&#39;t exist.</p>"));
        assertEquals(403, client.request("GET", "/1/update").header("X-User", "bob").send().status());
        assertEquals("Editing Hello", client.request("GET", "/1/update").header("X-User", "ada").send().text());
    }

    @Test
    void handlersAnswerByStatusThenByClosestClass() {
        AppTestClient client = ErrorsSnippets.handlers().testClient();

        TestResponse lost = client.get("/nowhere");
        TestResponse database = client.get("/report");
        TestResponse forbidden = client.get("/secret");

        assertEquals("<h1>Lost?</h1><p>/nowhere is not here.</p>", lost.text());
        assertEquals(503, database.status());
        assertEquals(Optional.of("60"), database.header("Retry-After"));
        assertEquals(403, forbidden.status());
        assertTrue(forbidden.text().contains("\"message\":\"Not for you.\""), forbidden.text());
    }
}
