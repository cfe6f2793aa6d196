package dev.carafe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.carafe.gateway.testing.TestResponse;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A request's own body limits: one route takes more (or less) than the App's. */
class RequestLimitsTest {

    private static final byte[] KIB = new byte[1024];

    @Test
    void oneRouteTakesALargerBodyThanTheAppsLimitAndTheOthersDoNot() {
        App app = new App().maxContentLength(100);
        // tag::per-request-limit[]
        app.post("/upload", request -> {
            request.maxContentLength(10 * 1024 * 1024);      // this route takes up to 10 MiB
            return request.body().length + " bytes";
        });
        // end::per-request-limit[]
        app.post("/comment", request -> request.body().length + " bytes");
        AppTestClient client = app.testClient();

        TestResponse upload = client.post("/upload").body(KIB, "application/octet-stream").send();
        TestResponse comment = client.post("/comment").body(KIB, "application/octet-stream").send();

        assertEquals("1024 bytes", upload.text());
        assertEquals(413, comment.status());
    }

    @Test
    void aBlueprintsBeforeFunctionSetsTheLimitForItsRoutes() {
        Blueprint api = new Blueprint("api").urlPrefix("/api");
        api.post("/notes", request -> request.maxContentLength() + " " + request.body().length);
        api.beforeRequest(request -> {
            request.maxContentLength(16);
            return Optional.empty();
        });
        App app = new App().register(api);
        app.post("/big", request -> request.maxContentLength() + " " + request.body().length);
        AppTestClient client = app.testClient();

        assertEquals(413, client.post("/api/notes").body(KIB, "application/octet-stream").send().status());
        assertEquals("OptionalLong[16] 3", client.post("/api/notes").body(new byte[3], "text/plain").send().text());
        assertEquals("OptionalLong.empty 1024", client.post("/big").body(KIB, "application/octet-stream").send().text());
    }

    @Test
    void theLimitCannotChangeOnceTheBodyWasRead() {
        App app = new App().testing(true);
        app.post("/late", request -> {
            request.body();
            request.maxContentLength(10);
            return "never";
        });

        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> app.testClient().post("/late").body(new byte[3], "text/plain").send());

        assertEquals("The body of this request was already read, so its limits can no longer change; set them in a "
                + "before-function, or in the handler before it reads the body.", error.getMessage());
    }

    @Test
    void aNegativeLimitIsRefused() {
        App app = new App().testing(true);
        app.post("/", request -> {
            request.maxContentLength(-1);
            return "never";
        });

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> app.testClient().post("/").body(new byte[3], "text/plain").send());

        assertEquals("A request's maxContentLength must be 0 or more, got -1; to keep the App's limit, do not set one.",
                error.getMessage());
    }
}
