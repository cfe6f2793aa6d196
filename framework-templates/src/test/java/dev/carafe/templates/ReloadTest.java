package dev.carafe.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.carafe.App;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file system folder, compiled once by default and again on every render in debug mode. */
class ReloadTest {

    @TempDir
    Path folder;

    private String editedTwice(App app, Templates.Builder builder) throws IOException {
        Files.writeString(folder.resolve("page.txt"), "first {{ n }}");
        Templates templates = builder.folder(folder).build();
        String before = templates.renderToString("page.txt", Map.of("n", 1));
        Files.writeString(folder.resolve("page.txt"), "second {{ n }}");
        return before + ", " + templates.renderToString("page.txt", Map.of("n", 2));
    }

    @Test
    void templatesAreReadFromAFileSystemFolderWhenOneIsGiven() throws IOException {
        Files.createDirectories(folder.resolve("blog"));
        Files.writeString(folder.resolve("blog/post.html"), "<h1>{{ title }}</h1>");
        Templates templates = Templates.builder(new App()).folder(folder).build();

        assertEquals("<h1>&lt;T&gt;</h1>", templates.renderToString("blog/post.html", Map.of("title", "<T>")));
    }

    @Test
    void outsideDebugModeATemplateIsCompiledOnce() throws IOException {
        App app = new App();

        assertEquals("first 1, first 2", editedTwice(app, Templates.builder(app)));
    }

    @Test
    void inDebugModeAnEditedTemplateShowsAtTheNextRender() throws IOException {
        App app = new App().debug(true);

        assertEquals("first 1, second 2", editedTwice(app, Templates.builder(app)));
    }

    @Test
    void theTemplatesAutoReloadKeyOverridesDebugMode() throws IOException {
        App quiet = new App().debug(true);
        quiet.config().put("TEMPLATES_AUTO_RELOAD", false);
        App reloading = new App();
        reloading.config().put("TEMPLATES_AUTO_RELOAD", true);

        assertEquals("first 1, first 2", editedTwice(quiet, Templates.builder(quiet)));
        assertEquals("first 1, second 2", editedTwice(reloading, Templates.builder(reloading)));
    }

    @Test
    void theBuildersReloadSettingOverridesTheConfig() throws IOException {
        App app = new App().debug(true);

        assertEquals("first 1, first 2", editedTwice(app, Templates.builder(app).reload(false)));
    }

    @Test
    void aMissingTemplateInAFolderNamesTheFoldersAbsolutePath() {
        Templates templates = Templates.builder(new App()).folder(folder).build();

        TemplateException e = org.junit.jupiter.api.Assertions.assertThrows(TemplateException.class,
                () -> templates.renderToString("nope.html", Map.of()));

        assertEquals("Template 'nope.html': not found; searched, in order: the app: folder '"
                + folder.toAbsolutePath().normalize() + "'.", e.getMessage());
    }
}
