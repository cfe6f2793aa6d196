package dev.carafe.gateway.middleware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.carafe.gateway.Application;
import dev.carafe.gateway.Header;
import dev.carafe.gateway.testing.TestClient;
import dev.carafe.gateway.testing.TestResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileResponderTest {

    private static final Instant MODIFIED = Instant.parse("2026-11-20T10:15:30Z");
    private static final String ETAG = "\"5-" + Long.toHexString(MODIFIED.toEpochMilli()) + "\"";

    @TempDir
    Path root;
    Path docs;

    @BeforeEach
    void layOutFiles() throws Exception {
        docs = Files.createDirectories(root.resolve("docs"));
        Files.writeString(docs.resolve("a.txt"), "hello");
        Files.setLastModifiedTime(docs.resolve("a.txt"), FileTime.from(MODIFIED));
        Files.writeString(root.resolve("secret.txt"), "secret");
    }

    private static Application sending(Path file, int status, boolean conditional) {
        return (environ, startResponse) -> FileResponder.send(environ, startResponse, file, status,
                List.of(new Header("Content-Type", "text/plain"), new Header("ETag", "\"mine\""),
                        new Header("Content-Length", "999"), new Header("X-Extra", "kept")), conditional);
    }

    @Test
    void contentTypeUsesTheBuiltInTable() {
        assertEquals("text/css; charset=utf-8", FileResponder.contentType("site.css"));
        assertEquals("image/png", FileResponder.contentType("dir/logo.PNG"));
        assertEquals("application/octet-stream", FileResponder.contentType("README"));
    }

    @Test
    void resolveKeepsPathsInsideTheDirectory() throws Exception {
        assertEquals(Optional.of(docs.resolve("a.txt").toRealPath()), FileResponder.resolve(docs, "a.txt"));
        for (String bad : List.of("../secret.txt", "/a.txt", "a.txt/", "", ".", "x/../a.txt", "a\\b", "a\0", "missing")) {
            assertEquals(Optional.empty(), FileResponder.resolve(docs, bad), bad);
        }
        Files.createSymbolicLink(docs.resolve("link.txt"), root.resolve("secret.txt"));
        assertEquals(Optional.empty(), FileResponder.resolve(docs, "link.txt"));
        assertEquals(Optional.empty(), FileResponder.resolve(root.resolve("none"), "a.txt"));
    }

    @Test
    void sendAddsValidatorsAndReplacesFramingHeaders() {
        TestResponse sent = TestClient.of(sending(docs.resolve("a.txt"), 200, true)).get("/");
        assertEquals("hello", sent.text());
        assertEquals(List.of(new Header("Content-Type", "text/plain"), new Header("X-Extra", "kept"),
                new Header("ETag", ETAG), new Header("Last-Modified", "Fri, 20 Nov 2026 10:15:30 GMT"),
                new Header("Accept-Ranges", "bytes"), new Header("Content-Length", "5")), sent.headers());
    }

    @Test
    void sendAnswersConditionalAndRangeRequestsOnlyWhenAskedAndFor200() {
        Application conditional = sending(docs.resolve("a.txt"), 200, true);
        assertEquals(304, TestClient.of(conditional).request("GET", "/").header("If-None-Match", ETAG).send().status());
        assertEquals("ell", TestClient.of(conditional).request("GET", "/").header("Range", "bytes=1-3").send().text());
        Application plain = sending(docs.resolve("a.txt"), 200, false);
        assertEquals(200, TestClient.of(plain).request("GET", "/").header("If-None-Match", ETAG).send().status());
        Application created = sending(docs.resolve("a.txt"), 201, true);
        TestResponse sent = TestClient.of(created).request("GET", "/").header("Range", "bytes=1-3").send();
        assertEquals(201, sent.status());
        assertEquals("hello", sent.text());
    }

    @Test
    void sendingAVanishedFileFails() {
        assertThrows(NoSuchFileException.class, () -> TestClient.of(sending(root.resolve("gone.txt"), 200, true)).get("/"));
    }
}
