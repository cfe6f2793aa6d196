package dev.carafe.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loader Pebble sees: folders in order, names checked, the Loader settings that do not apply refused. */
class TemplateLoaderTest {

    @TempDir
    Path first;

    @TempDir
    Path second;

    private TemplateLoader loader() {
        return new TemplateLoader(List.of(new TemplateLoader.Source("the app", new TemplateFolder.Directory(first)),
                new TemplateLoader.Source("blueprint 'auth'", new TemplateFolder.Directory(second))));
    }

    private static String read(Reader reader) throws IOException {
        try (reader) {
            StringBuilder text = new StringBuilder();
            char[] buffer = new char[64];
            for (int n; (n = reader.read(buffer)) > 0; ) {
                text.append(buffer, 0, n);
            }
            return text.toString();
        }
    }

    @Test
    void theFirstFolderThatHasTheNameWins() throws IOException {
        Files.writeString(first.resolve("page.html"), "app");
        Files.writeString(second.resolve("page.html"), "auth");
        Files.writeString(second.resolve("login.html"), "login");

        assertEquals("app", read(loader().getReader("page.html")));
        assertEquals("login", read(loader().getReader("login.html")));
    }

    @Test
    void resourceExistsLooksInEveryFolderAndRefusesInvalidNames() throws IOException {
        Files.writeString(second.resolve("login.html"), "login");

        assertTrue(loader().resourceExists("login.html"));
        TemplateLoader loader = loader();
        assertTrue(loader.resourceExists(loader.stringTemplate("{{ x }}")));
        assertFalse(loader.resourceExists(loader().stringTemplate("{{ x }}")));
        assertFalse(loader().resourceExists("nope.html"));
        assertFalse(loader().resourceExists("../login.html"));
    }

    @Test
    void theCharsetCanBeChanged() throws IOException {
        Files.write(first.resolve("latin.txt"), "café".getBytes(StandardCharsets.ISO_8859_1));
        TemplateLoader loader = loader();

        loader.setCharset("ISO-8859-1");

        assertEquals("café", read(loader.getReader("latin.txt")));
    }

    @Test
    void prefixesAndSuffixesAreRefusedWithWhatToDoInstead() {
        UnsupportedOperationException prefix = assertThrows(UnsupportedOperationException.class,
                () -> loader().setPrefix("web"));
        UnsupportedOperationException suffix = assertThrows(UnsupportedOperationException.class,
                () -> loader().setSuffix(".html"));

        assertEquals("Carafe's template folders have no prefix: choose the folders with Templates.builder(app)"
                + ".folder(...) or .classpathFolder(...)", prefix.getMessage());
        assertEquals("Carafe's template names have no implicit suffix: write the whole name, for example "
                + "'blog/index.html'", suffix.getMessage());
    }

    @Test
    void namesAreResolvedFromTheFoldersRootNeverFromTheTemplate() {
        assertEquals("base.html", loader().resolveRelativePath("base.html", "blog/index.html"));
    }

    @Test
    void everyFolderIsListedWhenANameIsMissing() {
        assertEquals("the app: folder '" + first.toAbsolutePath().normalize() + "'; blueprint 'auth': folder '"
                + second.toAbsolutePath().normalize() + "'", loader().searched());
    }
}
