package dev.carafe.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carafe.App;
import dev.carafe.gateway.testing.TestResponse;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Rendering through the App: layouts, blocks, includes, macros, content types, string templates. */
class TemplatesRenderTest {

    @Test
    void aChildTemplateFillsTheBlocksOfTheLayoutItExtends() {
        TestResponse page = FlaskrPages.app().testClient().get("/");

        assertEquals(200, page.status());
        assertTrue(page.text().contains("<title>Posts - Flaskr</title>"), page.text());
        assertTrue(page.text().contains("<h1>Posts</h1>"), page.text());
        assertTrue(page.text().contains("<a href=\"/auth/login\">Log In</a>"), page.text());
        assertTrue(page.text().contains("<a href=\"/auth/register\">Register</a>"), page.text());
        assertFalse(page.text().contains("Log Out"), page.text());
    }

    @Test
    void theIndexShowsEachPostAndTheEditLinkOnlyToItsAuthor() {
        App app = FlaskrPages.app();

        String author = app.testClient().get("/?user=1").text();
        String other = app.testClient().get("/?user=2").text();

        assertTrue(author.contains("<h1>test title</h1>"), author);
        assertTrue(author.contains("by test on 2018-01-01"), author);
        assertTrue(author.contains("<p class=\"body\">test\nbody</p>"), author);
        assertTrue(author.contains("href=\"/1/update\""), author);
        assertTrue(author.contains("<span>test</span>"), author);
        assertTrue(author.contains("Log Out"), author);
        assertFalse(other.contains("href=\"/1/update\""), other);
    }

    @Test
    void requestFormRendersEmptyOnAGetAndTheSubmittedValueOnAPost() {
        App app = FlaskrPages.app();

        String empty = app.testClient().get("/create").text();
        String filled = app.testClient().post("/create").form("title", "Hello <world>").send().text();

        assertTrue(empty.contains("<input name=\"title\" id=\"title\" value=\"\" required>"), empty);
        assertTrue(empty.contains("<textarea name=\"body\" id=\"body\"></textarea>"), empty);
        assertTrue(filled.contains("value=\"Hello &lt;world&gt;\""), filled);
    }

    @Test
    void anIncludedTemplateSeesTheCallersVariablesAndThoseGivenToIt() {
        String page = Templates.create(new App()).renderToString("include.html", Map.of("name", "Ada"));

        assertEquals("<main><p>Hello, Ada!</p>\n<p>Hello, Grace!</p>\n</main>\n", page);
    }

    @Test
    void macrosAreImportedAsANamespaceOrByName() {
        String page = Templates.create(new App()).renderToString("form.html", Map.of());

        assertEquals("<input type=\"text\" name=\"username\" value=\"\">\n"
                + "<input type=\"password\" name=\"password\" value=\"\">\n", page);
    }

    @Test
    void theContentTypeFollowsTheTemplatesExtension() {
        App app = new App();
        Templates templates = Templates.create(app);
        app.get("/html", request -> templates.render("page.html", Map.of("text", "x")));
        app.get("/txt", request -> templates.render("text.txt", Map.of("name", "x", "item", "y")));
        app.get("/xml", request -> templates.render("feed.xml", Map.of("text", "x")));
        app.get("/svg", request -> templates.render("icon.svg", Map.of("text", "x")));

        assertEquals(Optional.of("text/html; charset=utf-8"), app.testClient().get("/html").header("Content-Type"));
        assertEquals(Optional.of("text/plain; charset=utf-8"), app.testClient().get("/txt").header("Content-Type"));
        assertEquals(Optional.of("application/xml; charset=utf-8"), app.testClient().get("/xml").header("Content-Type"));
        assertEquals(Optional.of("image/svg+xml; charset=utf-8"), app.testClient().get("/svg").header("Content-Type"));
    }

    @Test
    void aMissingTemplateNamesItselfAndTheFoldersSearched() {
        Templates templates = Templates.create(new App());

        TemplateException e = assertThrows(TemplateException.class, () -> templates.render("nope.html", Map.of()));

        assertEquals("Template 'nope.html': not found; searched, in order: the app: classpath folder 'templates/'.",
                e.getMessage());
        assertEquals("nope.html", e.template());
        assertEquals(java.util.OptionalInt.empty(), e.line());
    }

    @Test
    void aStringTemplateRendersWithTheSameContextAndMayExtendAFileTemplate() {
        Templates templates = Templates.create(new App());

        assertEquals("Hello, Ada &amp; Co!", templates.renderString("Hello, {{ name }}!", Map.of("name", "Ada & Co")));
        String page = templates.renderString("{% extends 'page.html' %}", Map.of("text", "<b>"));
        assertEquals("<p>&lt;b&gt;</p>\n", page);
    }
}
