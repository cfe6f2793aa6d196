package dev.carafe.gateway.middleware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.carafe.gateway.Application;
import dev.carafe.gateway.FileBody;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaticClasspathTest {

    static final Instant ENTRY_TIME = Instant.parse("2023-07-01T12:00:00Z");
    static final String SCRIPT = "console.log('hello');";

    @TempDir
    Path temp;
    URLClassLoader jarLoader;
    URLClassLoader dirLoader;
    Application app;

    @BeforeEach
    void classpath() throws Exception {
        Path jar = temp.resolve("assets.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            entry(out, "web/", null);
            entry(out, "web/js/", null);
            entry(out, "web/js/app.js", SCRIPT);
            entry(out, "web/data.json", "{\"a\":1}");
            entry(out, "secret.txt", "top secret");
        }
        Path dir = Files.createDirectories(temp.resolve("classes/web"));
        Files.writeString(dir.resolve("logo.svg"), "<svg/>");
        Files.writeString(dir.resolve("app.js"), "override");
        jarLoader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
        dirLoader = new URLClassLoader(new URL[] {temp.resolve("classes").toUri().toURL()}, null);
        app = StaticFiles.builder()
                .classpath("/assets", jarLoader, "/web/")
                .classpath("/files", dirLoader, "web")
                .build()
                .wrap(StaticFilesTest.FALLBACK);
    }

    @AfterEach
    void close() throws Exception {
        jarLoader.close();
        dirLoader.close();
    }

    private static void entry(JarOutputStream out, String name, String text) throws Exception {
        JarEntry entry = new JarEntry(name);
        entry.setTime(ENTRY_TIME.toEpochMilli());
        out.putNextEntry(entry);
        if (text != null) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        out.closeEntry();
    }

    @Test
    void jarResourcesAreStreamedWithTheEntrysSizeAndTime() throws Exception {
        Exchange.Result result = Exchange.run(app, "GET", "/assets/js/app.js");
        assertEquals("200 OK", result.status());
        assertEquals(SCRIPT, result.text());
        assertEquals(Optional.of("text/javascript; charset=utf-8"), result.header("Content-Type"));
        assertEquals(Optional.of(Integer.toString(SCRIPT.length())), result.header("Content-Length"));
        assertEquals(Optional.of("Sat, 01 Jul 2023 12:00:00 GMT"), result.header("Last-Modified"));
        String etag = "\"" + Integer.toHexString(SCRIPT.length()) + "-" + Long.toHexString(ENTRY_TIME.toEpochMilli())
                + "\"";
        assertEquals(Optional.of(etag), result.header("ETag"));
        assertEquals(304, Exchange.run(app, "GET", "/assets/js/app.js", "If-None-Match", etag).code());
    }

    @Test
    void jarResourcesServeRanges() throws Exception {
        Exchange.Result result = Exchange.run(app, "GET", "/assets/js/app.js", "Range", "bytes=8-10");
        assertEquals(206, result.code());
        assertEquals("log", result.text());
        assertEquals(Optional.of("bytes 8-10/" + SCRIPT.length()), result.header("Content-Range"));
    }

    @Test
    void jarDirectoriesMissingEntriesAndTraversalFallThrough() throws Exception {
        for (String target : List.of("/assets/js", "/assets/js/", "/assets/nope.js", "/assets/../secret.txt",
                "/assets/..%2fsecret.txt", "/assets")) {
            assertEquals(404, Exchange.run(app, "GET", target).code(), target);
        }
    }

    @Test
    void classpathDirectoriesAreServedAsFiles() throws Exception {
        Iterable<byte[]> body = app.call(Exchange.environ("GET", "/files/logo.svg"), (s, h, e) -> c -> { });
        assertInstanceOf(FileBody.class, body).close();
        Exchange.Result result = Exchange.run(app, "GET", "/files/logo.svg");
        assertEquals("<svg/>", result.text());
        assertEquals(Optional.of("image/svg+xml; charset=utf-8"), result.header("Content-Type"));
    }

    @Test
    void exportsUnderTheSamePrefixAreTriedInOrder() throws Exception {
        Application layered = StaticFiles.builder()
                .classpath("/assets", dirLoader, "web")
                .classpath("/assets", jarLoader, "web")
                .build()
                .wrap(StaticFilesTest.FALLBACK);
        assertEquals("override", Exchange.run(layered, "GET", "/assets/app.js").text());
        assertEquals("{\"a\":1}", Exchange.run(layered, "GET", "/assets/data.json").text());
    }

    @Test
    void headOnAJarResourceOpensNothing() throws Exception {
        Exchange.Result result = Exchange.run(app, "HEAD", "/assets/js/app.js");
        assertEquals(Optional.of(Integer.toString(SCRIPT.length())), result.header("Content-Length"));
        assertEquals(List.of(), result.chunks());
    }

    @Test
    void aClosedStreamBodyStopsReading() throws Exception {
        Iterable<byte[]> body = app.call(Exchange.environ("GET", "/assets/js/app.js"), (s, h, e) -> c -> { });
        StreamBody stream = assertInstanceOf(StreamBody.class, body);
        stream.close();
        assertThrows(java.io.UncheckedIOException.class, () -> stream.iterator().hasNext());
    }
}
