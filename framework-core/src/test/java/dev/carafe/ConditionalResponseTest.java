package dev.carafe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.carafe.gateway.Header;
import dev.carafe.gateway.testing.TestRequest;
import dev.carafe.gateway.testing.TestResponse;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Response.conditional through an App: 304, 412, 206 and 416 as Werkzeug's make_conditional and RFC 9110. */
class ConditionalResponseTest {

    private static final Instant MODIFIED = Instant.parse("2026-11-20T10:15:30.750Z");
    private static final String LAST_MODIFIED = "Fri, 20 Nov 2026 10:15:30 GMT";

    private final App app = new App();

    ConditionalResponseTest() {
        app.route("/post", Set.of("GET", "POST"), request -> Response.text("abcdefghijklmnopqrstuvwxyz")
                .withEtag(EntityTag.of("v42"))
                .withLastModified(MODIFIED)
                .withHeader("Cache-Control", "no-cache")
                .withHeader("Vary", "Accept")
                .withHeader("Content-Language", "en")
                .withCookie(Cookie.of("seen", "1"))
                .conditional(request, request.args().first("ranges").isPresent()));
        app.get("/weak", request -> Response.text("same meaning").withEtag(EntityTag.weakOf("w1")).conditional(request));
        app.get("/hashed", request -> Response.text("hash me").withHashedEtag().conditional(request));
        app.get("/missing", request -> Response.text("gone").withStatus(404).withEtag(EntityTag.of("v42"))
                .conditional(request));
    }

    private TestResponse send(String method, String path, String... headers) {
        TestRequest request = app.testClient().request(method, path);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        TestResponse response = request.send();
        assertEquals("", response.errors());
        return response;
    }

    @Test
    void matchingIfNoneMatchAnswersNotModifiedToGetAndHead() {
        for (String method : List.of("GET", "HEAD")) {
            TestResponse response = send(method, "/post", "If-None-Match", "\"v1\", \"v42\"");
            assertEquals(304, response.status(), method);
            assertEquals(0, response.body().length);
        }
    }

    @Test
    void notModifiedKeepsTheValidatorAndCachingHeadersAndDropsRepresentationMetadata() {
        TestResponse response = send("GET", "/post", "If-None-Match", "\"v42\"");
        assertEquals(List.of(new Header("ETag", "\"v42\""), new Header("Cache-Control", "no-cache"),
                new Header("Vary", "Accept"), new Header("Set-Cookie", "seen=1; Path=/")), response.headers());
    }

    @Test
    void ifNoneMatchOnAPostLeavesTheResponseAlone() {
        TestResponse response = send("POST", "/post", "If-None-Match", "\"v42\"");
        assertEquals(200, response.status());
        assertEquals("abcdefghijklmnopqrstuvwxyz", response.text());
    }

    @Test
    void otherTagsAndNoConditionGetTheFullResponseWithValidators() {
        TestResponse response = send("GET", "/post", "If-None-Match", "\"v41\"");
        assertEquals(200, response.status());
        assertEquals(Optional.of("\"v42\""), response.header("ETag"));
        assertEquals(Optional.of(LAST_MODIFIED), response.header("Last-Modified"));
        assertEquals(Optional.empty(), response.header("Accept-Ranges"));
        assertEquals(200, send("GET", "/post").status());
    }

    @Test
    void ifNoneMatchUsesTheWeakComparisonAndStarMatchesAnything() {
        assertEquals(304, send("GET", "/post", "If-None-Match", "W/\"v42\"").status());
        assertEquals(304, send("GET", "/weak", "If-None-Match", "\"w1\"").status());
        assertEquals(304, send("GET", "/weak", "If-None-Match", "*").status());
    }

    @Test
    void failedIfMatchAnswersPreconditionFailed() {
        TestResponse response = send("GET", "/post", "If-Match", "\"v41\"");
        assertEquals(412, response.status());
        assertEquals("Precondition Failed: the request's If-Match or If-Unmodified-Since does not hold for the"
                + " current representation.\n", response.text());
        assertEquals(Optional.of("text/plain; charset=utf-8"), response.header("Content-Type"));
        assertEquals(Optional.empty(), response.header("Content-Language"));
        assertEquals(200, send("GET", "/post", "If-Match", "\"v42\"").status());
        assertEquals(200, send("GET", "/post", "If-Match", "*").status());
    }

    @Test
    void ifMatchUsesTheStrongComparison() {
        assertEquals(412, send("GET", "/post", "If-Match", "W/\"v42\"").status());
        assertEquals(412, send("GET", "/weak", "If-Match", "W/\"w1\"").status());
    }

    @Test
    void ifModifiedSinceComparesToTheSecond() {
        assertEquals(304, send("GET", "/post", "If-Modified-Since", LAST_MODIFIED).status());
        assertEquals(304, send("GET", "/post", "If-Modified-Since", "Fri, 20 Nov 2026 10:15:31 GMT").status());
        assertEquals(200, send("GET", "/post", "If-Modified-Since", "Fri, 20 Nov 2026 10:15:29 GMT").status());
    }

    @Test
    void ifNoneMatchWinsOverIfModifiedSince() {
        assertEquals(200, send("GET", "/post", "If-None-Match", "\"v41\"", "If-Modified-Since", LAST_MODIFIED).status());
    }

    @Test
    void ifUnmodifiedSinceBeforeTheLastModificationFails() {
        assertEquals(412, send("GET", "/post", "If-Unmodified-Since", "Fri, 20 Nov 2026 10:15:29 GMT").status());
        assertEquals(200, send("GET", "/post", "If-Unmodified-Since", LAST_MODIFIED).status());
    }

    @Test
    void badHeaderValuesAreIgnored() {
        assertEquals(200, send("GET", "/post", "If-Modified-Since", "yesterday").status());
        assertEquals(200, send("GET", "/post", "If-Unmodified-Since", "2026-11-20").status());
        assertEquals(200, send("GET", "/post", "If-Match", "v42").status());
        assertEquals(200, send("GET", "/post", "If-None-Match", "v42").status());
        assertEquals(200, send("GET", "/post?ranges=1", "Range", "bytes=z-").status());
        assertEquals(200, send("GET", "/post?ranges=1", "Range", "lines=1-2").status());
    }

    @Test
    void aNonSuccessResponseIsNeverMadeConditional() {
        assertEquals(404, send("GET", "/missing", "If-None-Match", "\"v42\"").status());
    }

    @Test
    void aSingleByteRangeIsPartialContentWhenRangesAreAccepted() {
        TestResponse response = send("GET", "/post?ranges=1", "Range", "bytes=2-4");
        assertEquals(206, response.status());
        assertEquals("cde", response.text());
        assertEquals(Optional.of("bytes 2-4/26"), response.header("Content-Range"));
        assertEquals(Optional.of("bytes"), response.header("Accept-Ranges"));
        assertEquals(Optional.of("3"), response.header("Content-Length"));
        assertEquals("xyz", send("GET", "/post?ranges=1", "Range", "bytes=-3").text());
        assertEquals("yz", send("GET", "/post?ranges=1", "Range", "bytes=24-").text());
    }

    @Test
    void rangesAreIgnoredUnlessAccepted() {
        TestResponse response = send("GET", "/post", "Range", "bytes=2-4");
        assertEquals(200, response.status());
        assertEquals(26, response.body().length);
    }

    @Test
    void anUnsatisfiableRangeIsRangeNotSatisfiableWithTheLength() {
        TestResponse response = send("GET", "/post?ranges=1", "Range", "bytes=26-30");
        assertEquals(416, response.status());
        assertEquals(Optional.of("bytes */26"), response.header("Content-Range"));
        assertEquals("Range Not Satisfiable: the representation has 26 bytes, and the request's Range selects none"
                + " of them.\n", response.text());
        assertEquals(Optional.of("text/plain; charset=utf-8"), response.header("Content-Type"));
        assertEquals(Optional.empty(), response.header("Content-Language"));
    }

    @Test
    void severalRangesGetTheWholeBody() {
        TestResponse response = send("GET", "/post?ranges=1", "Range", "bytes=0-1,4-5");
        assertEquals(200, response.status());
        assertEquals(Optional.of("bytes"), response.header("Accept-Ranges"));
        assertEquals(26, response.body().length);
    }

    @Test
    void ifRangeMustMatchStronglyOrTheWholeBodyIsSent() {
        assertEquals(206, send("GET", "/post?ranges=1", "Range", "bytes=0-0", "If-Range", "\"v42\"").status());
        assertEquals(206, send("GET", "/post?ranges=1", "Range", "bytes=0-0", "If-Range", LAST_MODIFIED).status());
        assertEquals(200, send("GET", "/post?ranges=1", "Range", "bytes=0-0", "If-Range", "\"v41\"").status());
        assertEquals(200, send("GET", "/post?ranges=1", "Range", "bytes=0-0", "If-Range", "W/\"v42\"").status());
        assertEquals(200, send("GET", "/post?ranges=1", "Range", "bytes=0-0",
                "If-Range", "Fri, 20 Nov 2026 10:15:29 GMT").status());
    }

    @Test
    void notModifiedWinsOverARange() {
        assertEquals(304, send("GET", "/post?ranges=1", "Range", "bytes=0-0", "If-None-Match", "\"v42\"").status());
    }

    @Test
    void hashedEtagIsTheSha256OfTheBodyAndAnswersNotModified() {
        TestResponse first = send("GET", "/hashed");
        String etag = "\"eb201af5aaf0d60629d3d2a61e466cfc0fedb517add831ecac5235e1daa963d6\"";
        assertEquals(Optional.of(etag), first.header("ETag"));
        assertEquals(304, send("GET", "/hashed", "If-None-Match", etag).status());
    }

    @Test
    void hashedEtagOfAJsonBodyHashesTheBytesSent() {
        app.get("/json", request -> Response.json(List.of(1, 2)).withHashedEtag());
        Response bytes = Response.text("[1,2]", "application/json").withHashedEtag();
        assertEquals(bytes.header("ETag"), send("GET", "/json").header("ETag"));
    }

    @Test
    void aStreamedBodyCannotBeHashed() {
        Response streamed = Response.stream(new ByteArrayInputStream(new byte[] {1}), "application/octet-stream");
        IllegalStateException error = assertThrows(IllegalStateException.class, streamed::withHashedEtag);
        assertEquals("withHashedEtag() needs the body's bytes, but this response streams its body (an InputStream),"
                + " which is not known before it is sent. Give the response a tag you know instead, for example"
                + " withEtag(EntityTag.of(\"v\" + version)), or build it from bytes or text.", error.getMessage());
    }

    @Test
    void aFileBodyCannotBeHashedAndSaysSendFileTagsItAlready(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("a.txt"), "a");
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> Response.sendFile(file).withHashedEtag());
        assertEquals("withHashedEtag() needs the body's bytes, but this response sends a file, which is read only"
                + " when it is sent. sendFile already sends a strong ETag made of the file's size and modification time"
                + " (FileOptions.conditional, the default): remove withHashedEtag().", error.getMessage());
    }
}
