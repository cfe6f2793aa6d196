package dev.carafe.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.carafe.App;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Custom filters, tests, functions and globals, and the builder's checks. */
class TemplatesBuilderTest {

    @Test
    void customFiltersTakePositionalAndNamedArguments() {
        Templates templates = Templates.builder(new App())
                .filter("shorten", (value, arguments) -> {
                    int max = arguments.at(0).map(n -> ((Number) n).intValue()).orElse(80);
                    String ellipsis = arguments.named("ellipsis").map(String::valueOf).orElse("...");
                    String text = String.valueOf(value);
                    return text.length() <= max ? text : text.substring(0, max) + ellipsis;
                })
                .build();

        assertEquals("Hello... Hel~ Hi", templates.renderString("{{ 'Hello, World' | shorten(5) }} "
                + "{{ 'Hello' | shorten(3, ellipsis='~') }} {{ 'Hi' | shorten }}", Map.of()));
    }

    @Test
    void customTestsFunctionsAndGlobalsAreCalledByName() {
        Templates templates = Templates.builder(new App())
                .test("prime", (value, arguments) -> BigInteger.valueOf(((Number) value).longValue()).isProbablePrime(20))
                .function("greet", arguments -> "Hello, " + arguments.at(0).orElse("you") + "!")
                .global("site_name", "Flaskr")
                .build();

        assertEquals("prime not-prime Hello, Ada! Hello, you! Flaskr", templates.renderString(
                "{% if 7 is prime %}prime{% endif %} {% if 8 is not prime %}not-prime{% endif %} {{ greet('Ada') }} "
                        + "{{ greet() }} {{ site_name }}", Map.of()));
    }

    @Test
    void aCustomFilterReplacesABuiltInOfTheSameName() {
        Templates templates = Templates.builder(new App())
                .filter("upper", (value, arguments) -> "custom")
                .build();

        assertEquals("custom", templates.renderString("{{ 'x' | upper }}", Map.of()));
    }

    @Test
    void theModelHidesAGlobalOfTheSameName() {
        Templates templates = Templates.builder(new App()).global("title", "global").build();

        assertEquals("model global", templates.renderString("{{ title }}", Map.of("title", "model")) + " "
                + templates.renderString("{{ title }}", Map.of()));
    }

    @Test
    void aFilterResultIsEscapedUnlessItIsSafeHtml() {
        Templates templates = Templates.builder(new App())
                .filter("bold", (value, arguments) -> "<b>" + value + "</b>")
                .filter("safe_bold", (value, arguments) -> new SafeHtml("<b>" + value + "</b>"))
                .build();

        assertEquals("&lt;b&gt;x&lt;/b&gt; <b>x</b>", templates.renderString("{{ 'x' | bold }} {{ 'x' | safe_bold }}",
                Map.of()));
    }

    @Test
    void aNameTemplatesCannotWriteIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Templates.builder(new App()).filter("format-date", (value, arguments) -> value));

        assertEquals("Template filter name 'format-date' cannot be written in a template: use letters, digits and "
                + "'_', not starting with a digit, for example 'format_date'.", e.getMessage());
    }

    @Test
    void aNameRegisteredTwiceIsRefused() {
        Templates.Builder builder = Templates.builder(new App()).global("site", "a");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> builder.global("site", "b"));

        assertEquals("A template global named 'site' is already registered on this builder; register each name once.",
                e.getMessage());
    }

    @Test
    void aFolderThatIsNotADirectoryIsRefusedWithItsAbsolutePath() {
        Path missing = Path.of("no-such-templates");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Templates.builder(new App()).folder(missing));

        assertEquals("Template folder 'no-such-templates' (absolute: '" + missing.toAbsolutePath() + "') is not a "
                + "directory. Create it, or fix the path: it is resolved against the working directory '"
                + Path.of("").toAbsolutePath() + "'.", e.getMessage());
    }

    @Test
    void aClasspathFolderThatWouldLeaveTheClasspathRootIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Templates.builder(new App()).classpathFolder("../templates"));

        assertEquals("Template classpath folder '../templates' is not usable: it has an empty, '.' or '..' segment; "
                + "names cannot leave the template folders. Pass a resource folder such as 'templates'.", e.getMessage());
    }

    @Test
    void anotherClasspathFolderIsSearchedInstead() {
        Templates templates = Templates.builder(new App()).classpathFolder("/templates/partials/").build();

        assertEquals("<p>Hello, Ada!</p>\n", templates.renderToString("greeting.html", Map.of("name", "Ada")));
    }
}
