package dev.carafe.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.carafe.App;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Lenient by default, as Jinja's Undefined; strict mode names what is undefined, where. */
class StrictModeTest {

    private final Templates lenient = Templates.create(new App());
    private final Templates strict = Templates.builder(new App()).strict(true).build();

    @Test
    void undefinedVariablesAttributesAndKeysRenderEmptyByDefault() {
        Map<String, Object> model = new HashMap<>();
        model.put("user", Map.of("id", 1));
        model.put("nothing", null);

        assertEquals("[][][][][]", lenient.renderString("[{{ missing }}][{{ user.name }}][{{ user['name'] }}]"
                + "[{{ missing.deeper.still }}][{{ nothing.name }}]", model));
    }

    @Test
    void anUndefinedConditionIsFalseByDefault() {
        assertEquals("no", lenient.renderString("{% if missing %}yes{% else %}no{% endif %}", Map.of()));
    }

    @Test
    void strictModeNamesTheUndefinedVariableTheTemplateAndTheLine() {
        TemplateException e = assertThrows(TemplateException.class,
                () -> strict.renderToString("strict.html", Map.of("title", "T")));

        assertEquals("Template 'strict.html', line 3: 'missing' is undefined (strict mode): it is not in the model, "
                + "the context processors' variables, the template context (request, session, g, config) or the "
                + "globals. Pass it in the model, or test it first with {% if missing is defined %}.", e.getMessage());
        assertEquals("strict.html", e.template());
        assertEquals(OptionalInt.of(3), e.line());
    }

    @Test
    void strictModeNamesAnUndefinedAttributeAndWhatItWasLookedUpOn() {
        record Post(String title) {
        }

        TemplateException onMap = assertThrows(TemplateException.class,
                () -> strict.renderString("{{ user.name }}", Map.of("user", Map.of("id", 1))));
        TemplateException onRecord = assertThrows(TemplateException.class,
                () -> strict.renderString("\n{{ post.author }}", Map.of("post", new Post("t"))));

        assertEquals("Template '<string>', line 1: 'name' is undefined on a map (strict mode): it has no such key, "
                + "accessor, getter or field.", onMap.getMessage());
        assertEquals("Template '<string>', line 2: 'author' is undefined on a Post (strict mode): it has no such key, "
                + "accessor, getter or field.", onRecord.getMessage());
    }

    @Test
    void strictModeStillAllowsDefinedNullValuesAndTheDefinedTest() {
        Map<String, Object> model = new HashMap<>();
        model.put("user", null);

        assertEquals("anonymous|no", strict.renderString("{% if user %}{{ user }}{% else %}anonymous{% endif %}|"
                + "{% if missing is defined %}yes{% else %}no{% endif %}", model));
    }

    @Test
    void anErrorInsideAConditionIsReportedAsItselfNotAsAWrongOperand() {
        TemplateException e = assertThrows(TemplateException.class,
                () -> strict.renderString("a\nb\n{% if posts and missing %}x{% endif %}", Map.of("posts", List.of(1))));

        assertEquals(OptionalInt.of(3), e.line());
        assertEquals("'missing' is undefined (strict mode): it is not in the model, the context processors' "
                + "variables, the template context (request, session, g, config) or the globals. Pass it in the model, "
                + "or test it first with {% if missing is defined %}.", e.reason());
    }
}
