package dev.carafe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carafe.gateway.testing.TestResponse;
import dev.carafe.routing.UrlBuildException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaticFolderTest {

    @TempDir
    Path temp;

    @Test
    void aBlueprintServesAClasspathFolderUnderItsPrefix() {
        Blueprint admin = new Blueprint("admin").urlPrefix("/admin").staticFolder("classpath:dev/carafe/admin-static");
        App app = new App().register(admin);

        TestResponse css = app.testClient().get("/admin/static/site.css");
        assertEquals(200, css.status());
        assertEquals("body { color: teal; }\n", css.text());
        assertEquals(Optional.of("text/css; charset=utf-8"), css.header("Content-Type"));
        assertEquals(Optional.of("no-cache"), css.header("Cache-Control"));
        assertEquals("/admin/static/img/logo.svg", app.urlFor("admin.static", Map.of("filename", "img/logo.svg")));
        assertEquals(200, app.testClient().get("/admin/static/img/logo.svg").status());
    }

    @Test
    void staticFilesAnswerConditionalRequests() {
        Blueprint admin = new Blueprint("admin").urlPrefix("/admin").staticFolder("classpath:dev/carafe/admin-static");
        App app = new App().register(admin);

        String etag = app.testClient().get("/admin/static/site.css").header("ETag").orElseThrow();
        TestResponse again = app.testClient().request("GET", "/admin/static/site.css")
                .header("If-None-Match", etag).send();
        assertEquals(304, again.status());
        assertEquals("", again.text());
    }

    @Test
    void pathsLeavingTheFolderAndMissingFilesAreNotFound() {
        Blueprint admin = new Blueprint("admin").urlPrefix("/admin").staticFolder("classpath:dev/carafe/admin-static");
        App app = new App().register(admin);

        assertEquals(404, app.testClient().get("/admin/static/missing.css").status());
        assertEquals(404, app.testClient().get("/admin/static/img").status());
        assertEquals(404, app.testClient().get("/admin/static/..%2fconfig-test.properties").status());
        assertEquals(404, app.testClient().get("/admin/static/img/..%2f..%2fconfig-test.properties").status());
        assertEquals(404, app.testClient().get("/admin/static/%5c..%5cconfig-test.properties").status());
    }

    @Test
    void aFilesystemFolderIsServedToo() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("assets"));
        Files.writeString(folder.resolve("app.js"), "console.log('hi');");
        Files.writeString(temp.resolve("secret.txt"), "secret");
        Blueprint admin = new Blueprint("admin").urlPrefix("/admin").staticFolder(folder.toString())
                .staticUrlPath("/assets");
        App app = new App().register(admin);

        TestResponse js = app.testClient().get("/admin/assets/app.js");
        assertEquals("console.log('hi');", js.text());
        assertEquals(Optional.of("text/javascript; charset=utf-8"), js.header("Content-Type"));
        assertEquals(404, app.testClient().get("/admin/assets/..%2fsecret.txt").status());
        assertEquals("/admin/assets/app.js", app.urlFor("admin.static", Map.of("filename", "app.js")));
    }

    @Test
    void classpathFoldersAreReadFromJars() throws Exception {
        Path jar = jar("static/style.css", "h1 { font-family: serif; }");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            App app = withContextLoader(loader, () -> new App().staticFolder("classpath:static"));

            TestResponse css = app.testClient().get("/static/style.css");
            assertEquals("h1 { font-family: serif; }", css.text());
            assertTrue(css.header("ETag").isPresent());
            assertTrue(css.header("Last-Modified").isPresent());
            assertEquals(404, app.testClient().get("/static/").status());
        }
    }

    @Test
    void theAppServesTheClasspathStaticFolderByDefaultWhenItExists() throws Exception {
        Path jar = jar("static/style.css", "body {}");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            App app = withContextLoader(loader, App::new);

            assertEquals("/static/style.css", app.urlFor("static", Map.of("filename", "style.css")));
            assertEquals("body {}", app.testClient().get("/static/style.css").text());
        }
    }

    @Test
    void withoutAStaticFolderTheAppHasNoStaticRoute() {
        App app = new App();
        app.get("/", request -> "home");

        assertEquals(404, app.testClient().get("/static/style.css").status());
        assertThrows(UrlBuildException.class, () -> app.urlFor("static", Map.of("filename", "style.css")));
    }

    @Test
    void sendFileMaxAgeDefaultSetsTheCacheLifetime() {
        App app = new App().staticFolder("classpath:dev/carafe/admin-static");
        app.config().put("SEND_FILE_MAX_AGE_DEFAULT", 3600);

        assertEquals(Optional.of("public, max-age=3600"),
                app.testClient().get("/static/site.css").header("Cache-Control"));
    }

    @Test
    void aMissingFolderFailsWhenTheBlueprintIsRegistered() {
        Path missing = temp.resolve("nowhere");
        Blueprint admin = new Blueprint("admin").staticFolder(missing.toString());

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> new App().register(admin));
        assertEquals("Blueprint 'admin' serves the static folder '" + missing + "' (absolute: '" + missing
                + "'), which does not exist. Create it, fix the path, or use \"classpath:<folder>\" for a folder of "
                + "classpath resources (src/main/resources/<folder>).", error.getMessage());
    }

    @Test
    void aMissingAppFolderFailsWhenTheAppFreezes() {
        App app = new App().staticFolder("classpath:no/such/folder");

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> app.urlFor("static", Map.of()));
        assertEquals("The App serves the static folder 'classpath:no/such/folder' (resources under 'no/such/folder/' "
                + "on the classpath), which does not exist. Create it, fix the path, or use \"classpath:<folder>\" for "
                + "a folder of classpath resources (src/main/resources/<folder>).", error.getMessage());
    }

    @Test
    void malformedFoldersAndUrlPathsAreRefused() {
        IllegalArgumentException dots = assertThrows(IllegalArgumentException.class,
                () -> new App().staticFolder("classpath:../secrets"));
        assertEquals("The static folder 'classpath:../secrets' must name a plain resource folder such as "
                + "\"classpath:static\" or \"classpath:auth/static\", without '.', '..' or empty segments.",
                dots.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Blueprint("a").staticFolder(" "));
        IllegalArgumentException path = assertThrows(IllegalArgumentException.class,
                () -> new Blueprint("a").staticUrlPath("assets"));
        assertEquals("The static URL path 'assets' must start with a slash and have no variables, for example "
                + "\"/static\" or \"/assets\".", path.getMessage());
    }

    private Path jar(String entry, String content) throws Exception {
        Path jar = temp.resolve("resources.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out)) {
            zip.putNextEntry(new JarEntry(entry.substring(0, entry.indexOf('/') + 1)));
            zip.closeEntry();
            zip.putNextEntry(new JarEntry(entry));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return jar;
    }

    private static <T> T withContextLoader(ClassLoader loader, Supplier<T> action) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return action.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
