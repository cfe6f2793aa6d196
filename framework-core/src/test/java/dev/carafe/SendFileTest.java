package dev.carafe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carafe.gateway.Environ;
import dev.carafe.gateway.FileBody;
import dev.carafe.gateway.FileWrapper;
import dev.carafe.gateway.Header;
import dev.carafe.gateway.testing.TestClient;
import dev.carafe.gateway.testing.TestResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SendFileTest {

    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz";
    private static final Instant MODIFIED = Instant.parse("2026-11-20T10:15:30Z");
    private static final String LAST_MODIFIED = "Fri, 20 Nov 2026 10:15:30 GMT";
    private static final String ETAG = "\"1a-" + Long.toHexString(MODIFIED.toEpochMilli()) + "\"";

    @TempDir
    Path dir;
    Path file;

    @BeforeEach
    void writeFile() throws Exception {
        file = dir.resolve("alphabet.txt");
        Files.writeString(file, ALPHABET);
        Files.setLastModifiedTime(file, FileTime.from(MODIFIED));
    }

    private static TestResponse get(Response response, String... headers) {
        var request = TestClient.of(response).request("GET", "/");
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        TestResponse sent = request.send();
        assertEquals("", sent.errors());
        return sent;
    }

    @Test
    void sendsTheFileWithTypeDispositionCachingAndValidators() {
        TestResponse sent = get(Response.sendFile(file));
        assertEquals("200 OK", sent.statusLine());
        assertEquals(ALPHABET, sent.text());
        assertEquals(List.of(new Header("Content-Type", "text/plain; charset=utf-8"),
                new Header("Cache-Control", "no-cache"),
                new Header("Content-Disposition", "inline; filename=alphabet.txt"),
                new Header("ETag", ETAG), new Header("Last-Modified", LAST_MODIFIED),
                new Header("Accept-Ranges", "bytes"), new Header("Content-Length", "26")), sent.headers());
    }

    @Test
    void theHeadersSetNowAreVisibleBeforeSending() {
        Response response = Response.sendFile(file, FileOptions.defaults().withMaxAge(Duration.ofHours(1)));
        assertEquals(Optional.of("text/plain; charset=utf-8"), response.header("Content-Type"));
        assertEquals(Optional.of("public, max-age=3600"), response.header("Cache-Control"));
        assertEquals(Optional.empty(), response.header("ETag"));
    }

    @Test
    void maxAgeZeroMeansNoCache() {
        assertEquals(Optional.of("no-cache"),
                Response.sendFile(file, FileOptions.defaults().withMaxAge(Duration.ZERO)).header("Cache-Control"));
        assertEquals("File maxAge must be zero (no-cache) or more, got PT-1S.", assertThrows(IllegalArgumentException.class,
                () -> FileOptions.defaults().withMaxAge(Duration.ofSeconds(-1))).getMessage());
    }

    @Test
    void matchingIfNoneMatchGives304KeepingCachingHeaders() {
        TestResponse sent = get(Response.sendFile(file).withCookie(Cookie.of("a", "1")), "If-None-Match", ETAG);
        assertEquals(304, sent.status());
        assertEquals(0, sent.body().length);
        assertEquals(List.of(new Header("Cache-Control", "no-cache"),
                new Header("Content-Disposition", "inline; filename=alphabet.txt"), new Header("Set-Cookie", "a=1; Path=/"),
                new Header("ETag", ETAG), new Header("Last-Modified", LAST_MODIFIED)), sent.headers());
    }

    @Test
    void ifModifiedSinceGives304WhenTheFileIsNotNewer() {
        assertEquals(304, get(Response.sendFile(file), "If-Modified-Since", LAST_MODIFIED).status());
        assertEquals(200, get(Response.sendFile(file), "If-Modified-Since", "Thu, 19 Nov 2026 10:15:30 GMT").status());
    }

    @Test
    void aRangeGives206WithThatPart() {
        TestResponse sent = get(Response.sendFile(file), "Range", "bytes=2-4");
        assertEquals("206 Partial Content", sent.statusLine());
        assertEquals("cde", sent.text());
        assertEquals(Optional.of("bytes 2-4/26"), sent.header("Content-Range"));
        assertEquals(Optional.of("3"), sent.header("Content-Length"));
        assertEquals("xyz", get(Response.sendFile(file), "Range", "bytes=-3").text());
    }

    @Test
    void anUnsatisfiableRangeGives416() {
        TestResponse sent = get(Response.sendFile(file), "Range", "bytes=26-");
        assertEquals("416 Range Not Satisfiable", sent.statusLine());
        assertEquals(Optional.of("bytes */26"), sent.header("Content-Range"));
        assertEquals(Optional.of("0"), sent.header("Content-Length"));
        assertEquals(0, sent.body().length);
    }

    @Test
    void ifRangeWithAnOldValidatorSendsTheWholeFile() {
        TestResponse sent = get(Response.sendFile(file), "Range", "bytes=0-0", "If-Range", "\"old\"");
        assertEquals(200, sent.status());
        assertEquals(ALPHABET, sent.text());
        assertEquals("a", get(Response.sendFile(file), "Range", "bytes=0-0", "If-Range", ETAG).text());
    }

    @Test
    void notConditionalSendsNoEtagAndIgnoresConditionsAndRanges() {
        Response response = Response.sendFile(file, FileOptions.defaults().withConditional(false));
        TestResponse sent = get(response, "If-None-Match", ETAG, "Range", "bytes=0-0");
        assertEquals(200, sent.status());
        assertEquals(ALPHABET, sent.text());
        assertEquals(Optional.empty(), sent.header("ETag"));
        assertEquals(Optional.empty(), sent.header("Accept-Ranges"));
        assertEquals(Optional.of(LAST_MODIFIED), sent.header("Last-Modified"));
    }

    @Test
    void anotherStatusSendsTheWholeFileWithoutEvaluatingConditions() {
        TestResponse sent = get(Response.sendFile(file).withStatus(203), "If-None-Match", ETAG);
        assertEquals(203, sent.status());
        assertEquals(ALPHABET, sent.text());
    }

    @Test
    void postGetsTheWholeFileAndHeadOnlyTheHeaders() {
        TestResponse posted = TestClient.of(Response.sendFile(file)).request("POST", "/").header("If-None-Match", ETAG)
                .send();
        assertEquals(200, posted.status());
        assertEquals(ALPHABET, posted.text());
        TestResponse head = TestClient.of(Response.sendFile(file)).request("HEAD", "/").send();
        assertEquals(Optional.of("26"), head.header("Content-Length"));
        assertEquals(0, head.body().length);
    }

    @Test
    void anAttachmentCarriesItsDownloadNameAndTheTypeFollowsIt() {
        Response response = Response.sendFile(file, FileOptions.defaults().withAttachment(true)
                .withDownloadName("letters.csv"));
        assertEquals(Optional.of("attachment; filename=letters.csv"), response.header("Content-Disposition"));
        assertEquals(Optional.of("text/csv; charset=utf-8"), response.header("Content-Type"));
        assertEquals(ALPHABET, get(response).text());
    }

    @Test
    void aNonAsciiNameGetsAnAsciiFallbackAndAnRfc8187Name() {
        Response response = Response.sendFile(file, FileOptions.defaults().withAttachment(true)
                .withDownloadName("Résumé 2026 €.pdf"));
        assertEquals(Optional.of("attachment; filename=\"Resume 2026 .pdf\"; filename*=UTF-8''R%C3%A9sum%C3%A9%202026%20%E2%82%AC.pdf"),
                response.header("Content-Disposition"));
        assertEquals(Optional.of("application/pdf"), response.header("Content-Type"));
        assertEquals(Optional.of("inline; filename=\"a \\\"b\\\".txt\""), Response.sendFile(file,
                FileOptions.defaults().withDownloadName("a \"b\".txt")).header("Content-Disposition"));
    }

    @Test
    void anExplicitContentTypeWins() {
        assertEquals(Optional.of("application/x-letters"),
                Response.sendFile(file, FileOptions.defaults().withContentType("application/x-letters")).header("Content-Type"));
        assertEquals(Optional.of("application/octet-stream"),
                Response.sendFile(file, FileOptions.defaults().withDownloadName("data.unknownext")).header("Content-Type"));
    }

    @Test
    void badDownloadNamesAreRefused() {
        assertEquals("Download name \"../x\" must be a file name: not empty, without '/', '\\' or control characters,"
                + " for example 'report.pdf'.", assertThrows(IllegalArgumentException.class,
                        () -> FileOptions.defaults().withDownloadName("../x")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> FileOptions.defaults().withDownloadName("a\r\nb"));
        assertThrows(IllegalArgumentException.class, () -> FileOptions.defaults().withDownloadName(""));
    }

    @Test
    void aMissingFileOrADirectoryIsRefusedNamingThePath() {
        Path missing = dir.resolve("missing.txt");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Response.sendFile(missing));
        assertTrue(e.getMessage().startsWith("Cannot send file '" + missing + "' (absolute: '" + missing.toAbsolutePath()
                + "'): it is missing, a directory or unreadable."), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Response.sendFile(dir));
    }

    @Test
    void theValidatorsAreReadWhenTheResponseIsSent() throws Exception {
        Response response = Response.sendFile(file);
        Files.writeString(file, "changed");
        TestResponse sent = get(response);
        assertEquals("changed", sent.text());
        assertEquals(Optional.of("7"), sent.header("Content-Length"));
    }

    @Test
    void theServersFileWrapperSendsTheBody() {
        List<long[]> wrapped = new ArrayList<>();
        FileWrapper wrapper = (channel, position, length) -> {
            wrapped.add(new long[] {position, length});
            return new FileBody(channel, position, length);
        };
        TestResponse sent = TestClient.of(Response.sendFile(file)).request("GET", "/")
                .environ(Environ.GATEWAY_FILE_WRAPPER, wrapper).header("Range", "bytes=1-2").send();
        assertEquals("bc", sent.text());
        assertEquals(1, wrapped.size());
        assertEquals(List.of(1L, 2L), List.of(wrapped.get(0)[0], wrapped.get(0)[1]));
    }
}
