package dev.carafe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.carafe.gateway.Header;
import dev.carafe.gateway.testing.TestClient;
import dev.carafe.gateway.testing.TestResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResponseTest {

    record User(int id, String name, LocalDate joined) {
    }

    private static TestResponse get(Response response) {
        TestResponse sent = TestClient.of(response).get("/");
        assertEquals("", sent.errors(), "the validator found nothing to warn about");
        return sent;
    }

    @Test
    void textIsPlainUtf8WithItsLength() {
        TestResponse sent = get(Response.text("Grüße"));
        assertEquals("200 OK", sent.statusLine());
        assertEquals(List.of(new Header("Content-Type", "text/plain; charset=utf-8"), new Header("Content-Length", "7")),
                sent.headers());
        assertEquals("Grüße", sent.text());
    }

    @Test
    void textWithItsOwnTypeKeepsThatTypeAndEncodesUtf8() {
        TestResponse sent = get(Response.text("a;ü", "text/csv"));
        assertEquals(List.of(new Header("Content-Type", "text/csv"), new Header("Content-Length", "4")), sent.headers());
        assertEquals("a;ü", sent.text());
    }

    @Test
    void textWithAnInvalidTypeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Response.text("x", "text/plain\r\nX-Evil: 1"));
    }

    @Test
    void htmlIsHtmlUtf8() {
        TestResponse sent = get(Response.html("<p>Hi</p>"));
        assertEquals(Optional.of("text/html; charset=utf-8"), sent.header("Content-Type"));
        assertEquals("<p>Hi</p>", sent.text());
    }

    @Test
    void bytesAreCopiedAndSentWithTheirContentType() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
        Response response = Response.bytes(png, "image/png");
        png[1] = 'X';
        TestResponse sent = get(response);
        assertEquals(Optional.of("image/png"), sent.header("Content-Type"));
        assertEquals(Optional.of("4"), sent.header("Content-Length"));
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, sent.body());
    }

    @Test
    void jsonWritesRecordsInDeclarationOrderWithIsoDates() {
        TestResponse sent = get(Response.json(new User(7, "ada", LocalDate.of(2026, 11, 24))));
        assertEquals(Optional.of("application/json"), sent.header("Content-Type"));
        assertEquals("{\"id\":7,\"name\":\"ada\",\"joined\":\"2026-11-24\"}", sent.text());
        assertEquals(Optional.of(Integer.toString(sent.body().length)), sent.header("Content-Length"));
    }

    @Test
    void jsonIsWrittenByTheCodecTheAppPasses() throws Exception {
        Response response = Response.json(Map.of("a", 1)).withStatus(201);
        Response serialized = response.serialized(JsonCodec.defaults());
        assertNotSame(response, serialized);
        assertEquals(201, serialized.status());
        assertEquals("{\"a\":1}", get(serialized).text());
        Response text = Response.text("x");
        assertEquals(text, text.serialized(JsonCodec.defaults()), "only JSON bodies change");
    }

    @Test
    void ofStatusHasAnEmptyBody() {
        TestResponse sent = get(Response.of(404));
        assertEquals("404 Not Found", sent.statusLine());
        assertEquals(List.of(new Header("Content-Type", "text/plain; charset=utf-8"), new Header("Content-Length", "0")),
                sent.headers());
        assertEquals(0, sent.body().length);
    }

    @Test
    void noContentHasNoBodyNoLengthAndNoType() {
        TestResponse sent = get(Response.noContent());
        assertEquals("204 No Content", sent.statusLine());
        assertEquals(List.of(), sent.headers());
    }

    @Test
    void aBodyOnABodilessStatusIsNotSent() {
        TestResponse sent = get(Response.text("ignored").withStatus(304));
        assertEquals(304, sent.status());
        assertEquals(List.of(), sent.headers());
        assertEquals(0, sent.body().length);
    }

    @Test
    void headGetsTheHeadersAndNoBody() {
        TestResponse sent = TestClient.of(Response.text("hello")).request("HEAD", "/").send();
        assertEquals(Optional.of("5"), sent.header("Content-Length"));
        assertEquals(0, sent.body().length);
    }

    @Test
    void withersReturnNewResponsesAndLeaveTheOriginalAlone() {
        Response original = Response.text("x");
        Response changed = original.withStatus(418).withHeader("X-A", "1").withAddedHeader("X-A", "2")
                .withContentType("text/csv");
        assertEquals(200, original.status());
        assertEquals(List.of(new Header("Content-Type", "text/plain; charset=utf-8")), original.headers());
        assertEquals(418, changed.status());
        assertEquals(List.of(new Header("Content-Type", "text/csv"), new Header("X-A", "1"), new Header("X-A", "2")),
                changed.headers());
    }

    @Test
    void withHeaderReplacesEveryHeaderOfThatNameInPlace() {
        Response response = Response.text("x").withAddedHeader("Vary", "Accept").withAddedHeader("X-B", "b")
                .withAddedHeader("vary", "Cookie").withHeader("VARY", "Origin");
        assertEquals(List.of(new Header("Content-Type", "text/plain; charset=utf-8"), new Header("VARY", "Origin"),
                new Header("X-B", "b")), response.headers());
        assertEquals(Optional.of("Origin"), response.header("vary"));
        assertEquals(Optional.empty(), response.withoutHeader("Vary").header("Vary"));
    }

    @Test
    void aContentLengthSetByHandIsReplacedByTheRealOne() {
        TestResponse sent = get(Response.text("four").withHeader("Content-Length", "99"));
        assertEquals(List.of("4"), sent.headers("Content-Length"));
    }

    @Test
    void headerInjectionIsRefusedWhenTheHeaderIsSet() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Response.text("x").withHeader("X-Name", "a\r\nSet-Cookie: evil=1"));
        assertEquals("Header 'X-Name' value \"a\\r\\nSet-Cookie: evil=1\" contains a line break (CR) at index 1;"
                + " header values must be one line. Remove the line break, or percent-encode it if the value is a"
                + " URL.", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Response.text("x").withAddedHeader("X-Name", "a\nb"));
        assertThrows(IllegalArgumentException.class, () -> Response.bytes(new byte[0], "text/plain\r\nX: y"));
    }

    @Test
    void controlCharactersWideCharactersAndBadNamesAreRefused() {
        assertEquals("Header 'X-A' value \"a\u0000\" contains the control character U+0000 at index 1; header"
                + " values may hold tabs but no other control characters. Remove it.",
                assertThrows(IllegalArgumentException.class, () -> Response.of(200).withHeader("X-A", "a\0"))
                        .getMessage());
        assertEquals("Header 'X-A' value \"5 €\" contains '€' (U+20AC) at index 2, which does not fit in one byte;"
                + " header values are ISO-8859-1. Percent-encode it as UTF-8 (as RFC 8187 does) or use ASCII.",
                assertThrows(IllegalArgumentException.class, () -> Response.of(200).withHeader("X-A", "5 €"))
                        .getMessage());
        assertEquals("Header name 'X A' is not a token: ' ' at index 1 is not allowed. Use letters, digits and"
                + " !#$%&'*+-.^_`|~ only, for example 'X-Request-Id'.",
                assertThrows(IllegalArgumentException.class, () -> Response.of(200).withHeader("X A", "1"))
                        .getMessage());
        assertEquals(Optional.of("a\tb"), Response.of(200).withHeader("X-A", "a\tb").header("X-A"));
    }

    @Test
    void aContentLengthThatIsNotANumberIsRefused() {
        assertEquals("Header 'Content-Length' value \"12 bytes\" is not a number of bytes; use decimal digits such as"
                + " '12', or leave it out: Carafe sets it for byte bodies.", assertThrows(IllegalArgumentException.class,
                        () -> Response.of(200).withHeader("Content-Length", "12 bytes")).getMessage());
    }

    @Test
    void serverOwnedHeadersAreRefused() {
        assertEquals("Header 'Transfer-Encoding' is a hop-by-hop field: the server frames the body and owns the"
                + " connection, so a response cannot set it. Remove the header.",
                assertThrows(IllegalArgumentException.class,
                        () -> Response.of(200).withHeader("Transfer-Encoding", "chunked")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Response.of(200).withAddedHeader("Connection", "close"));
        assertEquals("Header 'Status' is not a response header in Carafe; set the status with withStatus(int)"
                + " instead.", assertThrows(IllegalArgumentException.class,
                        () -> Response.of(200).withHeader("Status", "404")).getMessage());
    }

    @Test
    void statusOutsideTheThreeDigitRangeIsRefused() {
        assertEquals("Status code must be three digits from 100 to 999, got 42.",
                assertThrows(IllegalArgumentException.class, () -> Response.of(42)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Response.text("x").withStatus(1000));
    }

    @Test
    void anInformationalStatusIsRefusedBecauseInterimResponsesAreTheServers() {
        assertEquals("Status 101 is informational (1xx); a response needs a final status from 200 to 599, for "
                + "example 200. The server sends 100 Continue itself when the body is read.",
                assertThrows(IllegalArgumentException.class, () -> Response.text("x").withStatus(101)).getMessage());
        assertEquals(200, Response.of(200).status());
    }

    @Test
    void aStatusFrom600UpIsRefusedBecauseHttpHasNone() {
        assertEquals("Status 600 is not an HTTP status (RFC 9110 allows 100 to 599); a response needs a final status"
                + " from 200 to 599, for example 500.",
                assertThrows(IllegalArgumentException.class, () -> Response.of(600)).getMessage());
        assertEquals(599, Response.of(599).status());
    }

    @Test
    void aResponseCanBeSentManyTimes() {
        TestClient client = TestClient.of(Response.json(List.of(1, 2)));
        assertEquals("[1,2]", client.get("/").text());
        assertEquals("[1,2]", client.get("/again").text());
    }

    @Test
    void aValueJacksonCannotWriteFailsWhenSentNamingItsType() {
        Object cyclic = new Object() {
            public Object getSelf() {
                return this;
            }
        };
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TestClient.of(Response.json(cyclic)).get("/"));
        assertEquals(true, e.getMessage().startsWith("Cannot write a dev.carafe.ResponseTest$"), e.getMessage());
    }
}
