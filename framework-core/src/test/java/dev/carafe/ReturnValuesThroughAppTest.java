package dev.carafe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.carafe.gateway.testing.TestResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** Return values as the App sends them: its JSON mapper, HEAD, overrides. */
class ReturnValuesThroughAppTest {

    record Person(String firstName, int age) {
    }

    private final AtomicInteger closes = new AtomicInteger();

    private App app() {
        return new App().testing(true)
                .json(JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build())
                .get("/person", request -> new Person("Ada", 36))
                .get("/people", request -> Stream.of(new Person("Ada", 36), new Person("Bob", 7))
                        .onClose(closes::incrementAndGet))
                .post("/people", request -> Response.json(new Person("Cy", 1)).withStatus(201)
                        .withHeader("Location", "/people/3"))
                .get("/file", request -> new ByteArrayInputStream("bytes".getBytes(StandardCharsets.UTF_8)) {
                    @Override
                    public void close() throws IOException {
                        closes.incrementAndGet();
                        super.close();
                    }
                })
                .get("/maybe", request -> Optional.empty())
                .get("/forbidden", request -> new HttpError.Forbidden("Not yours."));
    }

    @Test
    void objectsAreWrittenWithTheAppsMapper() {
        assertEquals("{\"first_name\":\"Ada\",\"age\":36}", app().testClient().get("/person").text());
    }

    @Test
    void streamedJsonLinesUseTheAppsMapperAndTheStreamIsClosed() {
        TestResponse response = app().testClient().get("/people");
        assertEquals("{\"first_name\":\"Ada\",\"age\":36}\n{\"first_name\":\"Bob\",\"age\":7}\n", response.text());
        assertEquals(1, closes.get());
    }

    @Test
    void headOfAStreamSendsNoBodyAndClosesIt() {
        TestResponse response = app().testClient().request("HEAD", "/people").send();
        assertEquals(200, response.status());
        assertEquals("", response.text());
        assertEquals(1, closes.get());
    }

    @Test
    void statusAndHeadersAreOverriddenWithTheResponseWithers() {
        TestResponse response = app().testClient().post("/people").send();
        assertEquals(201, response.status());
        assertEquals(Optional.of("/people/3"), response.header("Location"));
        assertEquals("{\"first_name\":\"Cy\",\"age\":1}", response.text());
    }

    @Test
    void inputStreamIsClosedOnceAfterSending() {
        assertEquals("bytes", app().testClient().get("/file").text());
        assertEquals(1, closes.get());
    }

    @Test
    void emptyOptionalIsNotFoundAndReturnedErrorIsAnswered() {
        assertEquals(404, app().testClient().get("/maybe").status());
        TestResponse forbidden = app().testClient().request("GET", "/forbidden").header("Accept", "application/json")
                .send();
        assertEquals(403, forbidden.status());
        assertEquals(true, forbidden.text().contains("\"detail\":\"Not yours.\""), forbidden.text());
    }
}
