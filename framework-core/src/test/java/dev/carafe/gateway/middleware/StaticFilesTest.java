package dev.carafe.gateway.middleware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carafe.gateway.Application;
import dev.carafe.gateway.Environ;
import dev.carafe.gateway.FileBody;
import dev.carafe.gateway.FileWrapper;
import dev.carafe.gateway.Header;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaticFilesTest {

    static final Instant MODIFIED = Instant.parse("2024-03-05T08:09:10.500Z");
    static final String LAST_MODIFIED = "Tue, 05 Mar 2024 08:09:10 GMT";
    static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz";
    static final String ETAG = "\"1a-" + Long.toHexString(MODIFIED.toEpochMilli()) + "\"";

    @TempDir
    Path temp;
    Path root;
    Application app;

    static final Application FALLBACK = (environ, startResponse) -> {
        startResponse.start("404 Not Found", List.of(new Header("Content-Type", "text/plain")));
        return List.of(("app saw " + environ.get(Environ.PATH_INFO)).getBytes(StandardCharsets.ISO_8859_1));
    };

    @BeforeEach
    void files() throws Exception {
        root = Files.createDirectories(temp.resolve("public"));
        Files.createDirectories(root.resolve("css"));
        write(root.resolve("alphabet.txt"), ALPHABET);
        write(root.resolve("css/site.css"), "body{}");
        write(root.resolve("blob.xyz"), "?");
        write(root.resolve("café.txt"), "accent");
        write(temp.resolve("secret.txt"), "top secret");
        Files.createSymbolicLink(root.resolve("escape.txt"), temp.resolve("secret.txt"));
        Files.createSymbolicLink(root.resolve("inside.txt"), root.resolve("alphabet.txt"));
        app = StaticFiles.builder().directory("/static", root).build().wrap(FALLBACK);
    }

    static void write(Path file, String text) throws Exception {
        Files.writeString(file, text);
        Files.setLastModifiedTime(file, FileTime.from(MODIFIED));
    }

    private Exchange.Result get(String target, String... headers) throws Exception {
        return Exchange.run(app, "GET", target, headers);
    }

    @Test
    void servesAFileWithTypeLengthValidatorsAndCaching() throws Exception {
        Exchange.Result result = get("/static/alphabet.txt");
        assertEquals("200 OK", result.status());
        assertEquals(ALPHABET, result.text());
        assertEquals(List.of(new Header("Content-Type", "text/plain; charset=utf-8"),
                new Header("Cache-Control", "public, max-age=43200"), new Header("ETag", ETAG),
                new Header("Last-Modified", LAST_MODIFIED), new Header("Accept-Ranges", "bytes"),
                new Header("Content-Length", "26")), result.headers());
    }

    @Test
    void headSendsTheSameHeadersWithoutABody() throws Exception {
        Exchange.Result result = Exchange.run(app, "HEAD", "/static/alphabet.txt");
        assertEquals(200, result.code());
        assertEquals(Optional.of("26"), result.header("Content-Length"));
        assertEquals(0, result.body().length);
    }

    @Test
    void contentTypeComesFromTheExtension() throws Exception {
        assertEquals(Optional.of("text/css; charset=utf-8"), get("/static/css/site.css").header("Content-Type"));
        assertEquals(Optional.of("application/octet-stream"), get("/static/blob.xyz").header("Content-Type"));
    }

    @Test
    void utf8FileNamesAreFoundFromTheirPercentEncodedPath() throws Exception {
        assertEquals("accent", get("/static/caf%C3%A9.txt").text());
    }

    @Test
    void missingFilesAndOtherPathsFallThroughToTheApplication() throws Exception {
        assertEquals("app saw /static/nope.txt", get("/static/nope.txt").text());
        assertEquals("app saw /other/alphabet.txt", get("/other/alphabet.txt").text());
        assertEquals("app saw /staticx/alphabet.txt", get("/staticx/alphabet.txt").text());
    }

    @Test
    void directoriesAreNotServed() throws Exception {
        for (String target : List.of("/static", "/static/", "/static/css", "/static/css/")) {
            assertEquals(404, get(target).code(), target);
        }
    }

    @Test
    void traversalAttemptsNeverReachFilesOutsideTheRoot() throws Exception {
        for (String target : List.of("/static/../secret.txt", "/static/..%2fsecret.txt", "/static/%2e%2e/secret.txt",
                "/static/css/../../secret.txt", "/static/..%5csecret.txt", "/static/css%5c..%5c..%5csecret.txt",
                "/static/alphabet.txt%00.css", "/static//" + temp.resolve("secret.txt"),
                "/static/./alphabet.txt", "/static/escape.txt")) {
            Exchange.Result result = get(target);
            assertEquals(404, result.code(), target);
            assertFalse(result.text().contains("top secret"), target);
        }
    }

    @Test
    void symbolicLinksInsideTheRootAreFollowed() throws Exception {
        assertEquals(ALPHABET, get("/static/inside.txt").text());
    }

    @Test
    void otherMethodsOnAFileGet405WithAllow() throws Exception {
        Exchange.Result result = Exchange.run(app, "POST", "/static/alphabet.txt");
        assertEquals("405 Method Not Allowed", result.status());
        assertEquals(Optional.of("GET, HEAD"), result.header("Allow"));
        assertEquals("Method POST is not allowed for static files; use GET or HEAD.\n", result.text());
        assertEquals(Optional.of(Integer.toString(result.body().length)), result.header("Content-Length"));
        assertEquals("app saw /static/upload", Exchange.run(app, "POST", "/static/upload").text());
    }

    @Test
    void matchingIfNoneMatchGives304WithoutBody() throws Exception {
        for (String condition : List.of(ETAG, "\"other\", " + ETAG, "W/" + ETAG, "*", "\"x\",W/" + ETAG + " ")) {
            Exchange.Result result = get("/static/alphabet.txt", "If-None-Match", condition);
            assertEquals("304 Not Modified", result.status(), condition);
            assertEquals(0, result.body().length);
            assertEquals(List.of(new Header("Cache-Control", "public, max-age=43200"), new Header("ETag", ETAG),
                    new Header("Last-Modified", LAST_MODIFIED)), result.headers());
        }
    }

    @Test
    void nonMatchingIfNoneMatchGives200EvenWhenIfModifiedSinceWouldMatch() throws Exception {
        Exchange.Result result = get("/static/alphabet.txt", "If-None-Match", "\"stale\"",
                "If-Modified-Since", "Tue, 05 Mar 2030 08:09:10 GMT");
        assertEquals(200, result.code());
        assertEquals(ALPHABET, result.text());
    }

    @Test
    void failedIfMatchOrIfUnmodifiedSinceGives412WithoutBody() throws Exception {
        for (String[] condition : List.of(new String[] {"If-Match", "\"other\""}, new String[] {"If-Match", "W/" + ETAG},
                new String[] {"If-Unmodified-Since", "Tue, 05 Mar 2024 08:09:09 GMT"})) {
            Exchange.Result result = get("/static/alphabet.txt", condition[0], condition[1]);
            assertEquals("412 Precondition Failed", result.status(), condition[1]);
            assertEquals(0, result.body().length);
        }
        assertEquals(200, get("/static/alphabet.txt", "If-Match", ETAG).code());
        assertEquals(200, get("/static/alphabet.txt", "If-Unmodified-Since", LAST_MODIFIED).code());
    }

    @Test
    void ifModifiedSinceGives304WhenNotModifiedSince() throws Exception {
        assertEquals(304, get("/static/alphabet.txt", "If-Modified-Since", LAST_MODIFIED).code());
        assertEquals(304, get("/static/alphabet.txt", "If-Modified-Since", "Tuesday, 05-Mar-24 08:09:11 GMT").code());
        assertEquals(304, get("/static/alphabet.txt", "If-Modified-Since", "Tue Mar  5 09:00:00 2024").code());
        assertEquals(200, get("/static/alphabet.txt", "If-Modified-Since", "Tue, 05 Mar 2024 08:09:09 GMT").code());
        assertEquals(200, get("/static/alphabet.txt", "If-Modified-Since", "yesterday").code());
    }

    @Test
    void singleByteRangesGive206WithContentRange() throws Exception {
        assertRange("bytes=0-4", "abcde", "bytes 0-4/26");
        assertRange("bytes=20-", "uvwxyz", "bytes 20-25/26");
        assertRange("bytes=-3", "xyz", "bytes 23-25/26");
        assertRange("bytes=24-99", "yz", "bytes 24-25/26");
        assertRange("bytes=-100", ALPHABET, "bytes 0-25/26");
        assertRange("Bytes = 1-1", "b", "bytes 1-1/26");
    }

    private void assertRange(String range, String body, String contentRange) throws Exception {
        Exchange.Result result = get("/static/alphabet.txt", "Range", range);
        assertEquals("206 Partial Content", result.status(), range);
        assertEquals(body, result.text(), range);
        assertEquals(Optional.of(contentRange), result.header("Content-Range"), range);
        assertEquals(Optional.of(Integer.toString(body.length())), result.header("Content-Length"), range);
    }

    @Test
    void unsatisfiableRangesGive416WithTheLength() throws Exception {
        for (String range : List.of("bytes=26-", "bytes=100-200", "bytes=-0", "bytes=99999999999999999999-")) {
            Exchange.Result result = get("/static/alphabet.txt", "Range", range);
            assertEquals("416 Range Not Satisfiable", result.status(), range);
            assertEquals(Optional.of("bytes */26"), result.header("Content-Range"), range);
            assertEquals(0, result.body().length);
        }
    }

    @Test
    void multipleMalformedOrForeignRangesServeTheWholeFile() throws Exception {
        for (String range : List.of("bytes=0-1,3-4", "bytes=5-2", "bytes=a-b", "items=0-1", "bytes 0-1", "bytes=-")) {
            Exchange.Result result = get("/static/alphabet.txt", "Range", range);
            assertEquals(200, result.code(), range);
            assertEquals(ALPHABET, result.text(), range);
        }
        assertEquals(200, Exchange.run(app, "HEAD", "/static/alphabet.txt", "Range", "bytes=0-1").code());
    }

    @Test
    void ifRangeAppliesTheRangeOnlyWhenTheValidatorStillMatches() throws Exception {
        assertEquals(206, get("/static/alphabet.txt", "Range", "bytes=0-1", "If-Range", ETAG).code());
        assertEquals(206, get("/static/alphabet.txt", "Range", "bytes=0-1", "If-Range", LAST_MODIFIED).code());
        assertEquals(200, get("/static/alphabet.txt", "Range", "bytes=0-1", "If-Range", "\"old\"").code());
        assertEquals(200, get("/static/alphabet.txt", "Range", "bytes=0-1", "If-Range", "W/" + ETAG).code());
        assertEquals(200, get("/static/alphabet.txt", "Range", "bytes=0-1",
                "If-Range", "Mon, 04 Mar 2024 08:09:10 GMT").code());
    }

    @Test
    void filesGoThroughTheServersFileWrapperWhenPresent() throws Exception {
        List<String> calls = new ArrayList<>();
        FileWrapper wrapper = (channel, position, length) -> {
            calls.add(position + "+" + length);
            return new FileBody(channel, position, length);
        };
        Map<String, Object> environ = Exchange.environ("GET", "/static/alphabet.txt", "Range", "bytes=5-9");
        environ.put(Environ.GATEWAY_FILE_WRAPPER, wrapper);
        assertEquals("fghij", Exchange.run(app, environ).text());
        assertEquals(List.of("5+5"), calls);
    }

    @Test
    void withoutAFileWrapperTheBodyIsAFileBodyThatClosesItsChannel() throws Exception {
        Iterable<byte[]> body = app.call(Exchange.environ("GET", "/static/alphabet.txt"), (s, h, e) -> c -> { });
        FileBody file = assertInstanceOf(FileBody.class, body);
        assertTrue(file.channel().isOpen());
        file.close();
        assertFalse(file.channel().isOpen());
    }

    @Test
    void fallThroughReturnsTheApplicationsBodyItself() throws Exception {
        CountingBody body = CountingBody.of("x");
        Application wrapped = StaticFiles.builder().directory("/static", root).build().wrap((environ, sr) -> {
            sr.start("200 OK", List.of());
            return body;
        });
        Exchange.run(wrapped, "GET", "/static/missing");
        assertEquals(1, body.closes.get());
    }

    @Test
    void zeroMaxAgeMeansNoCache() throws Exception {
        Application noCache = StaticFiles.builder().directory("/", root).maxAge(Duration.ZERO).build().wrap(FALLBACK);
        Exchange.Result result = Exchange.run(noCache, "GET", "/alphabet.txt");
        assertEquals(Optional.of("no-cache"), result.header("Cache-Control"));
        assertEquals(ALPHABET, result.text());
    }

    @Test
    void customContentTypesOverrideTheTable() throws Exception {
        Application custom = StaticFiles.builder().directory("/static", root)
                .contentType("XYZ", "application/x-thing").contentType("txt", "text/x-note").build().wrap(FALLBACK);
        assertEquals(Optional.of("application/x-thing"),
                Exchange.run(custom, "GET", "/static/blob.xyz").header("Content-Type"));
        assertEquals(Optional.of("text/x-note; charset=utf-8"),
                Exchange.run(custom, "GET", "/static/alphabet.txt").header("Content-Type"));
    }

    @Test
    void setupErrorsNameTheProblem() {
        Path missing = temp.resolve("nowhere");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StaticFiles.builder().directory("/static", missing));
        assertEquals("Static directory '" + missing + "' (absolute: '" + missing + "') for prefix '/static' is"
                + " not a directory; create it or fix the path.", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> StaticFiles.builder().directory("static", root));
        assertEquals("Static prefix 'static' must start with '/', for example '/static'.", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> StaticFiles.builder().classpath("/a", getClass().getClassLoader(), "web/../secret"));
        assertEquals("Resource prefix 'web/../secret' for static prefix '/a' must be a plain folder name such as"
                + " 'META-INF/resources/static', without '.', '..', empty segments, backslashes or control"
                + " characters.", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> StaticFiles.builder().maxAge(Duration.ofSeconds(-1)));
        assertEquals("Static files maxAge must be zero (no-cache) or more, got PT-1S.", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> StaticFiles.builder().contentType(".js", "text/x"));
        assertEquals("Extension '.js' must be the part after the last dot, without the dot, for example 'avif'.",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> StaticFiles.builder().contentType("js", "script"));
        assertEquals("Content type 'script' for extension 'js' must be a media type such as 'image/avif'.",
                e.getMessage());
    }
}
