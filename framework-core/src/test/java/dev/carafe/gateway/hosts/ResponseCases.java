package dev.carafe.gateway.hosts;

import static dev.carafe.gateway.hosts.HostKit.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carafe.gateway.Header;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Status, headers and framing of responses: every host must pass these. */
interface ResponseCases extends HostKit {

    @Test
    default void statusCodeReachesTheClient() throws Exception {
        serveFixed("201 Created", List.of(new Header("Location", "/items/8")), List.of(bytes("made")));
        RawResponse response = get("/items");
        assertEquals(201, response.code());
        assertEquals(Optional.of("/items/8"), response.header("Location"));
        assertEquals("made", response.text());
    }

    @Test
    default void customReasonPhraseIsSentWhereTheHostCan() throws Exception {
        serveFixed("299 Totally Fine", List.of(), List.of(bytes("ok")));
        RawResponse response = get("/");
        assertEquals(299, response.code());
        if (fixture().capabilities().setsReasonPhrase()) {
            assertEquals("Totally Fine", response.reason());
        } else {
            assertNotEquals("Totally Fine", response.reason());
        }
    }

    @Test
    default void repeatedSetCookieHeadersStaySeparate() throws Exception {
        serveFixed("200 OK", List.of(new Header("Set-Cookie", "a=1; Path=/"), new Header("Set-Cookie", "b=2")),
                List.of(bytes("cookies")));
        assertEquals(List.of("a=1; Path=/", "b=2"), get("/").headers("Set-Cookie"));
    }

    @Test
    default void applicationContentLengthIsHonoured() throws Exception {
        serveFixed("200 OK", List.of(new Header("Content-Length", "10")), List.of(bytes("hello"), bytes("world")));
        RawResponse response = get("/");
        assertEquals(Optional.of("10"), response.header("Content-Length"));
        assertEquals(Optional.empty(), response.header("Transfer-Encoding"));
        assertEquals("helloworld", response.text());
    }

    @Test
    default void bodyLongerThanItsContentLengthIsCutAtThatLength() throws Exception {
        serveFixed("200 OK", List.of(new Header("Content-Length", "3")), List.of(bytes("hello")));
        RawResponse response = get("/");
        assertEquals(Optional.of("3"), response.header("Content-Length"));
        assertEquals("hel", response.text());
    }

    @Test
    default void oneChunkBodyIsSentWithItsLengthWhereTheHostComputesIt() throws Exception {
        serveFixed("200 OK", List.of(), List.of(bytes("single")));
        RawResponse response = get("/");
        assertEquals("single", response.text());
        if (fixture().capabilities().computesOneChunkLength()) {
            assertEquals(Optional.of("6"), response.header("Content-Length"));
        } else {
            assertEquals(Optional.of("chunked"), response.header("Transfer-Encoding"));
        }
    }

    @Test
    default void streamedBodyWithoutLengthIsChunked() throws Exception {
        List<byte[]> chunks = List.of(bytes("one "), bytes("two "), bytes("three"));
        fixture().serve((environ, startResponse) -> {
            startResponse.start("200 OK", List.of());
            return chunks::iterator;                    // not a collection: its length is unknown
        });
        RawResponse response = get("/");
        assertEquals(Optional.of("chunked"), response.header("Transfer-Encoding"));
        assertEquals(Optional.empty(), response.header("Content-Length"));
        assertEquals("one two three", response.text());
    }

    @Test
    default void emptyBodySendsTheHeadersWithLengthZero() throws Exception {
        serveFixed("200 OK", List.of(new Header("X-Empty", "yes")), List.of());
        RawResponse response = get("/");
        assertEquals(Optional.of("yes"), response.header("X-Empty"));
        assertEquals(Optional.of("0"), response.header("Content-Length"));
        assertEquals("", response.text());
    }

    @Test
    default void headRequestGetsTheHeadersButNoBody() throws Exception {
        serveFixed("200 OK", List.of(new Header("Content-Type", "text/plain"), new Header("Content-Length", "11")),
                List.of(bytes("hello world")));
        RawResponse response = request("HEAD", "/", List.of(), new byte[0]);
        assertEquals(200, response.code());
        assertEquals(Optional.of("11"), response.header("Content-Length"));
        assertEquals("", new String(bytesAfterHeadOf("HEAD", "/", List.of()), StandardCharsets.ISO_8859_1));
    }

    @Test
    default void noContentResponseHasNoBodyAndNoLength() throws Exception {
        serveFixed("204 No Content", List.of(new Header("Content-Length", "7")), List.of(bytes("ignored")));
        RawResponse response = get("/");
        assertEquals(204, response.code());
        assertEquals(Optional.empty(), response.header("Content-Length"));
        assertEquals(Optional.empty(), response.header("Transfer-Encoding"));
        assertEquals("", new String(bytesAfterHeadOf("GET", "/", List.of()), StandardCharsets.ISO_8859_1));
    }

    @Test
    default void notModifiedResponseHasNoBody() throws Exception {
        serveFixed("304 Not Modified", List.of(new Header("ETag", "\"v1\""), new Header("Content-Length", "42")),
                List.of(bytes("ignored")));
        RawResponse response = get("/", "If-None-Match: \"v1\"");
        assertEquals(304, response.code());
        assertEquals(Optional.of("\"v1\""), response.header("ETag"));
        assertEquals(fixture().capabilities().keepsNotModifiedLength() ? Optional.of("42") : Optional.empty(),
                response.header("Content-Length"));
        assertEquals(Optional.empty(), response.header("Transfer-Encoding"));
        assertEquals("", new String(bytesAfterHeadOf("GET", "/", List.of()), StandardCharsets.ISO_8859_1));
    }

    @Test
    default void hopByHopHeaderFromTheApplicationIsRejectedWith500() throws Exception {
        serveFixed("200 OK", List.of(new Header("Connection", "close")), List.of(bytes("never sent")));
        RawResponse response = get("/");
        assertEquals(500, response.code());
        assertTrue(response.complete());
    }
}
