package dev.carafe.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carafe.App;
import dev.carafe.gateway.testing.TestResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Autoescaping by template name, the ways to mark markup safe, and tojson inside a script. */
class EscapingTest {

    private static final String EVIL = "<script>alert('x') & \"y\"</script>";

    private final Templates templates = Templates.create(new App());

    @Test
    void htmlXmlAndSvgTemplatesEscapeEveryPrintedValue() {
        String escaped = "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;";

        assertEquals("<p>" + escaped + "</p>\n", templates.renderToString("page.html", Map.of("text", EVIL)));
        assertEquals("<title>" + escaped + "</title>\n", templates.renderToString("feed.xml", Map.of("text", EVIL)));
        assertEquals("<svg><text>" + escaped + "</text></svg>\n",
                templates.renderToString("icon.svg", Map.of("text", EVIL)));
    }

    @Test
    void textTemplatesPrintValuesAsTheyAre() {
        String mail = templates.renderToString("text.txt", Map.of("name", "Ada & Co", "item", "<teapot>"));

        assertEquals("Dear Ada & Co,\nYour order <<teapot>> & more ships today.\n", mail);
    }

    @Test
    void htmlInAnHtmlResponseIsEscapedButNotInATextResponse() {
        App app = new App();
        Templates pages = Templates.create(app);
        app.get("/page", request -> pages.render("page.html", Map.of("text", "<b>")));
        app.get("/mail", request -> pages.render("text.txt", Map.of("name", "<b>", "item", "x")));

        TestResponse page = app.testClient().get("/page");
        TestResponse mail = app.testClient().get("/mail");

        assertEquals("<p>&lt;b&gt;</p>\n", page.text());
        assertEquals("Dear <b>,\nYour order <x> & more ships today.\n", mail.text());
    }

    @Test
    void stringTemplatesAreEscapedLikeHtml() {
        assertEquals("&lt;b&gt;", templates.renderString("{{ text }}", Map.of("text", "<b>")));
    }

    @Test
    void safeHtmlFromJavaAndTheSafeAndRawFiltersPrintMarkupUnescaped() {
        Map<String, Object> model = Map.of("banner", new SafeHtml("<b>Welcome</b>"), "html", "<i>hi</i>");

        assertEquals("<b>Welcome</b> <i>hi</i> <i>hi</i> &lt;i&gt;hi&lt;/i&gt;",
                templates.renderString("{{ banner }} {{ html | safe }} {{ html | raw }} {{ html }}", model));
    }

    @Test
    void safeHtmlInsideRecordsAndListsIsNotEscapedEither() {
        record Post(String title, SafeHtml body) {
        }
        Map<String, Object> model = Map.of("post", new Post("<t>", new SafeHtml("<p>body</p>")),
                "parts", List.of(new SafeHtml("<hr>")));

        assertEquals("&lt;t&gt;<p>body</p><hr>",
                templates.renderString("{{ post.title }}{{ post.body }}{% for p in parts %}{{ p }}{% endfor %}", model));
    }

    @Test
    void theEscapeFilterAndItsJinjaNameEEscapeInATextTemplate() {
        assertEquals("&lt;b&gt; &lt;b&gt;", templates.renderString("{% autoescape false %}{{ x | e }} {{ x | escape }}"
                + "{% endautoescape %}", Map.of("x", "<b>")));
    }

    @Test
    void anAutoescapeBlockTurnsEscapingOffInsideAnHtmlTemplate() {
        assertEquals("<b> &lt;b&gt;", templates.renderString("{% autoescape false %}{{ x }}{% endautoescape %} {{ x }}",
                Map.of("x", "<b>")));
    }

    @Test
    void macroOutputIsNotEscapedTwice() {
        assertEquals("<i>&lt;q&gt;</i>",
                templates.renderString("{% macro f(x) %}<i>{{ x }}</i>{% endmacro %}{{ f('<q>') }}", Map.of()));
    }

    @Test
    void tojsonIsSafeInsideAScriptAndInASingleQuotedAttribute() {
        record Item(String name, List<Integer> sizes) {
        }
        List<Object> data = List.of(Map.of("name", "</script><script>alert('x')</script>"), new Item("a&b", List.of(1, 2)));

        String page = templates.renderToString("script.html", Map.of("data", data));

        String json = "[{\"name\":\"\\u003c/script\\u003e\\u003cscript\\u003ealert(\\u0027x\\u0027)\\u003c/script\\u003e\"},"
                + "{\"name\":\"a\\u0026b\",\"sizes\":[1,2]}]";
        assertEquals("<script>const data = " + json + ";</script>\n<div data-config='" + json + "'></div>\n", page);
    }

    @Test
    void tojsonWritesWithTheAppsMapperUnlessTheTemplatesHaveTheirOwn() {
        App app = new App().json(JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build());
        Map<String, Object> model = Map.of("v", Map.of("a", 1));

        assertEquals("{\n  \"a\" : 1\n}", Templates.create(app).renderString("{{ v | tojson }}", model));
        assertEquals("{\"a\":1}", Templates.builder(app).json(JsonMapper.builder().build()).build()
                .renderString("{{ v | tojson }}", model));
    }

    @Test
    void tojsonWritesDatesAsIsoStrings() {
        assertEquals("\"2018-01-01T00:00:00\"", templates.renderString("{{ when | tojson }}",
                Map.of("when", java.time.LocalDateTime.of(2018, 1, 1, 0, 0))));
    }
}
