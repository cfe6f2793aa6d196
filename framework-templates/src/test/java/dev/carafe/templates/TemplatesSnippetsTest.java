package dev.carafe.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carafe.App;
import dev.carafe.AppTestClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the snippets of docs/templates.md and checks what the page says they do. */
class TemplatesSnippetsTest {

    private static final List<TemplatesSnippets.Post> POSTS = List.of(new TemplatesSnippets.Post(1, "Hello <world>",
            "test\nbody", LocalDateTime.of(2018, 1, 1, 0, 0), "test"));

    @TempDir
    Path folder;

    @Test
    void theSetupRendersTheIndexThroughItsLayout() {
        String page = TemplatesSnippets.setup(POSTS).testClient().get("/").text();

        assertTrue(page.contains("<title>Posts - Flaskr</title>"), page);
        assertTrue(page.contains("<link rel=\"stylesheet\" href=\"/static/style.css\">"), page);
        assertTrue(page.contains("<h1>Hello &lt;world&gt;</h1>"), page);
        assertTrue(page.contains("by test on 2018-01-01"), page);
        assertTrue(page.contains("<a href=\"/1/update\">Edit</a>"), page);
    }

    @Test
    void aFolderOnTheFileSystemIsSearchedInsteadOfTheClasspath() throws IOException {
        Files.writeString(folder.resolve("hi.txt"), "hi {{ name }}");

        assertEquals("hi Ada", TemplatesSnippets.folder(new App(), folder).renderToString("hi.txt", Map.of("name", "Ada")));
    }

    @Test
    void aBlueprintRendersFromItsOwnFolder() {
        App app = new App();
        TemplatesSnippets.blueprint(app, Templates.create(app));

        assertEquals("auth login at /auth/login for auth\n", app.testClient().get("/auth/login").text());
    }

    @Test
    void flashedMessagesShowInTheSamePageOrTheNext() {
        App app = TemplatesSnippets.setup(POSTS);
        TemplatesSnippets.flash(app, Templates.create(app));
        AppTestClient client = app.testClient();

        String failed = client.post("/create").form("title", " ").send().text();
        client.post("/create").form("title", "Hello").send();
        String next = client.get("/").text();

        assertTrue(failed.contains("<div class=\"flash error\">Title is required.</div>"), failed);
        assertTrue(failed.contains("<input name=\"title\" value=\" \" required>"), failed);
        assertTrue(next.contains("<div class=\"flash message\">Post created.</div>"), next);
    }

    @Test
    void customFiltersTestsFunctionsGlobalsAndProcessorsWork() {
        App app = new App();
        Templates templates = TemplatesSnippets.custom(app);
        app.get("/", request -> templates.renderString("{{ 'A long, long body' | shorten(6) }} "
                + "{% if 7 is prime %}prime{% endif %} {{ now() | date('yyyy') | length }} {{ site_name }} "
                + "{{ user_agent }}", Map.of()));

        String page = app.testClient().request("GET", "/").header("User-Agent", "curl").send().text();

        assertEquals("A long… prime 4 Flaskr curl", page);
    }

    @Test
    void safeHtmlIsPrintedAsItIs() {
        assertEquals("&lt;b&gt;Bold&lt;/b&gt; <b>Welcome</b>", TemplatesSnippets.safe(Templates.create(new App())));
    }

    @Test
    void strictModeFollowsTestingAndDebug() {
        Templates templates = TemplatesSnippets.strict(new App().testing(true));

        assertEquals("'nope' is undefined (strict mode): it is not in the model, the context processors' variables, "
                + "the template context (request, session, g, config) or the globals. Pass it in the model, or test it "
                + "first with {% if nope is defined %}.", org.junit.jupiter.api.Assertions.assertThrows(
                        TemplateException.class, () -> templates.renderString("{{ nope }}", Map.of())).reason());
    }

    @Test
    void aStreamedPageIsTheWholePage() {
        App app = TemplatesSnippets.setup(POSTS);
        TemplatesSnippets.stream(app, Templates.create(app), POSTS);

        String page = app.testClient().get("/archive").text();

        assertTrue(page.contains("<h2>Hello &lt;world&gt;</h2>"), page);
        assertEquals(Optional.of("text/html; charset=utf-8"), app.testClient().get("/archive").header("Content-Type"));
    }

    @Test
    void aTextTemplateRendersOutsideARequest() {
        App app = new App();
        app.config().put("SITE_NAME", "Carafe");

        assertEquals(Optional.of("Hello Ada, welcome to Carafe!\n"),
                TemplatesSnippets.outside(app, Templates.create(app)));
    }
}
