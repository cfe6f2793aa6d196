package dev.carafe.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.carafe.App;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each row of the "Porting from Jinja" table in docs/templates.md, checked: what is the same, and what to write instead. */
class JinjaPortingTest {

    private final Templates templates = Templates.builder(new App()).build();

    private String render(String source, Map<String, ?> model) {
        return templates.renderString(source, model);
    }

    @Test
    void ifTestsTruthLikeJinjaOnMapsRecordsListsStringsAndNumbers() {
        record User(String name) {
        }
        Map<String, Object> model = Map.of("user", Map.of("id", 1), "author", new User("ada"), "posts", List.of(),
                "title", "Hello", "blank", "", "zero", 0, "count", 3);

        assertEquals("user author no-posts title no-blank no-zero count", render("{% if user %}user{% endif %} "
                + "{% if author %}author{% endif %} {% if not posts %}no-posts{% endif %} {% if title %}title{% endif %} "
                + "{% if not blank %}no-blank{% endif %} {% if not zero %}no-zero{% endif %} "
                + "{% if count and user %}count{% endif %}", model));
    }

    @Test
    void elifAndPebblesElseifBothWork() {
        String source = "{% if n == 1 %}one{% elif n == 2 %}two{% elseif n == 3 %}three{% else %}many{% endif %}";

        assertEquals("one two three many", render(source, Map.of("n", 1)) + " " + render(source, Map.of("n", 2)) + " "
                + render(source, Map.of("n", 3)) + " " + render(source, Map.of("n", 4)));
    }

    @Test
    void loopIndexStartsAtZeroInPebble() {
        assertEquals("0:1:true:false:3 1:2:false:false:3 2:3:false:true:3 ", render("{% for x in items %}"
                + "{{ loop.index }}:{{ loop.index + 1 }}:{{ loop.first }}:{{ loop.last }}:{{ loop.length }} "
                + "{% endfor %}", Map.of("items", List.of("a", "b", "c"))));
        assertEquals("2 1 0 ", render("{% for x in items %}{{ loop.revindex }} {% endfor %}",
                Map.of("items", List.of("a", "b", "c"))));
    }

    @Test
    void forElseRendersTheElseBranchForAnEmptyList() {
        assertEquals("No posts.", render("{% for p in posts %}{{ p }}{% else %}No posts.{% endfor %}",
                Map.of("posts", List.of())));
    }

    @Test
    void strftimeBecomesTheDateFilterWithJavaPatterns() {
        assertEquals("2018-01-01 2018-01-01 01/02/2018", render("{{ created | date('yyyy-MM-dd') }} "
                + "{{ day | date('yyyy-MM-dd') }} {{ text | date('dd/MM/yyyy', existingFormat='yyyy-MM-dd HH:mm:ss') }}",
                Map.of("created", LocalDateTime.of(2018, 1, 1, 0, 0), "day", LocalDate.of(2018, 1, 1),
                        "text", "2018-02-01 00:00:00")));
    }

    @Test
    void aValueOrAFallbackIsWrittenWithTheDefaultFilter() {
        assertEquals("kept fallback fallback", render("{{ title | default('fallback') }} "
                + "{{ blank | default('fallback') }} {{ missing | default('fallback') }}",
                Map.of("title", "kept", "blank", "")));
    }

    @Test
    void inIsWrittenContains() {
        assertEquals("yes yes", render("{% if tags contains 'java' %}yes{% endif %} "
                + "{% if user contains 'id' %}yes{% endif %}", Map.of("tags", List.of("java"), "user", Map.of("id", 1))));
    }

    @Test
    void noneIsNullAndBothTestsWork() {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("user", null);

        assertEquals("true true false", render("{{ user is none }} {{ user is null }} {{ user is not none }}", model));
    }

    @Test
    void superBecomesParentAndSelfBlockBecomesBlock() {
        assertEquals("base child\n", render("{% extends 'blocks.html' %}{% block body %}{{ parent() }} child{% endblock %}",
                Map.of()));
        assertEquals("Title - Title", render("{% block title %}Title{% endblock %} - {{ block('title') }}", Map.of()));
    }

    @Test
    void aConditionalExpressionUsesTheTernaryOperator() {
        assertEquals("yes no", render("{{ on ? 'yes' : 'no' }} {{ off ? 'yes' : 'no' }}", Map.of("on", true, "off", false)));
    }

    @Test
    void tupleUnpackingInForIsWrittenWithIndexesOrEntries() {
        Map<String, Object> prices = new LinkedHashMap<>();
        prices.put("tea", 2);
        prices.put("cake", 3);

        assertEquals("tea=2 cake=3 ", render("{% for item in prices %}{{ item.key }}={{ item.value }} {% endfor %}",
                Map.of("prices", prices)));
        assertEquals("a:1 b:2 ", render("{% for pair in pairs %}{{ pair[0] }}:{{ pair[1] }} {% endfor %}",
                Map.of("pairs", List.of(List.of("a", 1), List.of("b", 2)))));
    }

    @Test
    void rangeIncludesItsEndInPebble() {
        assertEquals("123 123", render("{% for i in range(1, 3) %}{{ i }}{% endfor %} {% for i in 1..3 %}{{ i }}{% endfor %}",
                Map.of()));
    }

    @Test
    void rawBecomesVerbatimAndCommentsAndWhitespaceControlAreTheSame() {
        assertEquals("{{ x }} ab", render("{% verbatim %}{{ x }}{% endverbatim %} {# note #}a {%- if true -%} b "
                + "{%- endif %}", Map.of()));
    }

    @Test
    void replaceTakesAMapAndFormatUsesJavaFormatting() {
        assertEquals("Hello, Ada! 3 items", render("{{ 'Hello, NAME!' | replace({'NAME': name}) }} "
                + "{{ '%d items' | format(n) }}", Map.of("name", "Ada", "n", 3)));
    }

    @Test
    void theCommonFiltersKeepTheirJinjaNames() {
        assertEquals("ADA ada Ada Lovelace|Ada a, b 2 a b x", render("{{ name | upper }} {{ name | lower }} "
                + "{{ full | title }}|{{ name | capitalize }} {{ items | join(', ') }} {{ items | length }} "
                + "{{ items | first }} {{ items | last }} {{ '  x  ' | trim }}",
                Map.of("name", "ada", "full", "ada lovelace", "items", List.of("a", "b"))));
    }

    @Test
    void aValueOrAnotherIsABooleanInPebble() {
        assertEquals("true Hello", render("{{ title or 'fallback' }} {{ title | default('fallback') }}",
                Map.of("title", "Hello")));
    }

    @Test
    void newlinesAfterTagsAreKeptAsJinjaKeepsThem() {
        assertEquals("a\n\nb\n", render("a\n{% if true %}\nb\n{% endif %}", Map.of()));
    }
}
