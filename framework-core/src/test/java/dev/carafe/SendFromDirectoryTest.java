package dev.carafe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.carafe.gateway.testing.TestClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SendFromDirectoryTest {

    @TempDir
    Path root;
    Path site;

    @BeforeEach
    void layOutFiles() throws Exception {
        site = Files.createDirectories(root.resolve("site"));
        Files.createDirectories(site.resolve("css"));
        Files.writeString(site.resolve("css/app.css"), "body{}");
        Files.writeString(site.resolve("ünï.txt"), "unicode");
        Files.writeString(root.resolve("secret"), "top secret");
    }

    @Test
    void aFileInsideTheDirectoryIsSent() {
        Response response = Response.sendFromDirectory(site, "css/app.css");
        assertEquals(Optional.of("text/css; charset=utf-8"), response.header("Content-Type"));
        assertEquals("body{}", TestClient.of(response).get("/").text());
        assertEquals("unicode", TestClient.of(Response.sendFromDirectory(site, "ünï.txt")).get("/").text());
    }

    @Test
    void optionsApplyToTheFile() {
        Response response = Response.sendFromDirectory(site, "css/app.css", FileOptions.defaults().withAttachment(true));
        assertEquals(Optional.of("attachment; filename=app.css"), response.header("Content-Disposition"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../secret", "css/../../secret", "./css/app.css", "css//app.css", "/etc/passwd",
            "..\\secret", "css\\app.css", "css/app.css\0.png", "", "css", "css/", "missing.txt", "..", "."})
    void pathsThatCouldLeaveTheDirectoryOrNameNoFileAre404(String path) {
        HttpError.NotFound e = assertThrows(HttpError.NotFound.class, () -> Response.sendFromDirectory(site, path));
        assertEquals(404, e.status());
    }

    @Test
    void anAbsolutePathToAnExistingFileIs404() {
        assertThrows(HttpError.NotFound.class,
                () -> Response.sendFromDirectory(site, root.resolve("secret").toAbsolutePath().toString()));
    }

    @Test
    void aSymbolicLinkLeavingTheDirectoryIs404AndOneStayingInsideIsFollowed() throws Exception {
        Files.createSymbolicLink(site.resolve("escape"), root.resolve("secret"));
        Files.createSymbolicLink(site.resolve("styles"), site.resolve("css"));
        assertThrows(HttpError.NotFound.class, () -> Response.sendFromDirectory(site, "escape"));
        assertEquals("body{}", TestClient.of(Response.sendFromDirectory(site, "styles/app.css")).get("/").text());
    }

    @Test
    void aMissingDirectoryIs404() {
        assertThrows(HttpError.NotFound.class, () -> Response.sendFromDirectory(root.resolve("nope"), "a.txt"));
    }
}
