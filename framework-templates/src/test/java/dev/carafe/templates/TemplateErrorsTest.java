package dev.carafe.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carafe.App;
import dev.carafe.HttpError;
import dev.carafe.gateway.testing.TestResponse;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** What a user sees when a template is wrong: the template, the line and the reason, verbatim. */
class TemplateErrorsTest {

    private final Templates templates = Templates.create(new App());

    @Test
    void aSyntaxErrorNamesTheTemplateAndTheLineWhereParsingStopped() {
        TemplateException e = assertThrows(TemplateException.class,
                () -> templates.renderToString("unclosed.html", Map.of("items", java.util.List.of())));

        assertEquals("Template 'unclosed.html', line 5: Unexpected end of template. Pebble was looking for the "
                + "\"endfor\" tag", e.getMessage());
    }

    @Test
    void anUnclosedIfSaysWhereItWasOpened() {
        TemplateException e = assertThrows(TemplateException.class,
                () -> templates.renderString("<p>\n{% if x %}\nyes\n", Map.of()));

        assertEquals("Template '<string>', line 4: the 'if' tag opened on line 2 is not closed: expected 'elif', "
                + "'else' or 'endif' before the end of the template", e.getMessage());
    }

    @Test
    void anErrorInALayoutNamesTheLayoutAndTheTemplateBeingRendered() {
        TemplateException e = assertThrows(TemplateException.class,
                () -> templates.renderToString("uses-broken-layout.html", Map.of()));

        assertEquals("Template 'broken-layout.html', line 4: Filter [nosuchfilter] does not exist. (rendering "
                + "'uses-broken-layout.html')", e.getMessage());
        assertEquals("broken-layout.html", e.template());
        assertEquals(OptionalInt.of(4), e.line());
    }

    @Test
    void aMissingParentNamesItselfTheFoldersAndTheChild() {
        TemplateException e = assertThrows(TemplateException.class,
                () -> templates.renderToString("child-of-missing.html", Map.of()));

        assertEquals("Template 'nowhere.html': not found; searched, in order: the app: classpath folder 'templates/' "
                + "(rendering 'child-of-missing.html').", e.getMessage());
    }

    @Test
    void aNameThatWouldLeaveTheFoldersIsRefused() {
        TemplateException e = assertThrows(TemplateException.class,
                () -> templates.renderToString("../secret.txt", Map.of()));

        assertEquals("Template '../secret.txt': not a valid template name: it has an empty, '.' or '..' segment; "
                + "names cannot leave the template folders.", e.getMessage());
    }

    @Test
    void aNameFromTheModelCannotSmuggleTemplateSourceIntoAnInclude() {
        String smuggled = TemplateNames.STRING_PREFIX + "00000000000000000000000000000000:{{ 7 * 7 }}";

        TemplateException e = assertThrows(TemplateException.class,
                () -> templates.renderString("{% include page %}", Map.of("page", smuggled)));

        assertEquals("not a valid template name: it contains the control character U+0000 (rendering '<string>').",
                e.reason());
        assertEquals("\\u0000string:00000000000000000000000000000000:{{ 7 * 7 }}", e.template());
    }

    @Test
    void aFailingFilterIsReportedWithTheTemplateLineAndItsException() {
        Templates failing = Templates.builder(new App())
                .filter("explode", (value, arguments) -> {
                    throw new IllegalStateException("no " + value);
                })
                .build();

        TemplateException e = assertThrows(TemplateException.class,
                () -> failing.renderString("ok\n{{ 'tea' | explode }}", Map.of()));

        assertEquals("Template '<string>', line 2: filter 'explode' failed: java.lang.IllegalStateException: no tea",
                e.getMessage());
        assertTrue(e.getCause() != null);
    }

    @Test
    void anHttpErrorThrownWhileRenderingKeepsItsStatus() {
        App app = new App();
        Templates aborting = Templates.builder(app)
                .function("require", arguments -> {
                    throw new HttpError.NotFound("Post id 99 doesn't exist.");
                })
                .build();
        app.get("/", request -> aborting.renderString("{{ require() }}", Map.of()));

        TestResponse page = app.testClient().get("/");

        assertEquals(404, page.status());
        assertTrue(page.text().contains("Post id 99 doesn&#39;t exist."), page.text());
    }

    @Test
    void aTemplateErrorInAHandlerIsA500AndReachesTheTestInTestingMode() {
        App app = new App();
        Templates pages = Templates.create(app);
        app.get("/", request -> pages.render("nope.html", Map.of()));
        App testing = new App().testing(true);
        Templates testingPages = Templates.create(testing);
        testing.get("/", request -> testingPages.render("nope.html", Map.of()));

        assertEquals(500, app.testClient().get("/").status());
        assertThrows(TemplateException.class, () -> testing.testClient().get("/"));
    }

    @Test
    void javaMethodsTheSandboxDeniesAreReportedAsSuch() {
        TemplateException e = assertThrows(TemplateException.class,
                () -> templates.renderString("{{ name.getClass() }}", Map.of("name", "x")));

        assertEquals("Template '<string>', line 1: For security reasons access to public final native "
                + "java.lang.Class java.lang.Object.getClass() method is denied.", e.getMessage());
    }
}
