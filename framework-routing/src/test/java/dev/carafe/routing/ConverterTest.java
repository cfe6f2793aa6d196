package dev.carafe.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Every converter and its arguments, as match/build round trips. */
class ConverterTest {

    private static final RouteMatch NOT_FOUND = new RouteMatch.NotFound();

    /** Builds {@code value} with a one-variable rule, checks the URL, matches it back and returns the value. */
    private static Object roundTrip(String rule, Object value, String expectedPath) {
        Router router = new Router().add(Rule.of(rule, "e")).freeze();
        String path = router.build("e", Map.of("v", value));
        assertEquals(expectedPath, path);
        RouteMatch match = router.match("GET", java.net.URLDecoder.decode(path.replace("+", "%2B"),
                java.nio.charset.StandardCharsets.UTF_8));
        return ((RouteMatch.Found) match).values().get("v");
    }

    private static RouteMatch match(String rule, String path) {
        return new Router().add(Rule.of(rule, "e")).match("GET", path);
    }

    /** A converter made of a regex and two functions. */
    private static Converter converter(String regex, Function<String, Object> fromUrl, Function<Object, String> toUrl) {
        return new Converter() {
            @Override
            public String regex() {
                return regex;
            }

            @Override
            public Object fromUrl(String text) {
                return fromUrl.apply(text);
            }

            @Override
            public String toUrl(Object value) {
                return toUrl.apply(value);
            }
        };
    }


    @Test
    void stringIsTheDefaultAndRoundTripsTextWithSpacesAndUnicode() {
        assertEquals("héllo wörld", roundTrip("/s/<v>", "héllo wörld", "/s/h%C3%A9llo%20w%C3%B6rld"));
        assertEquals("a+b&c", roundTrip("/s/<string:v>", "a+b&c", "/s/a+b&c"));
        assertEquals(NOT_FOUND, match("/s/<v>", "/s/a/b"));
    }

    @Test
    void stringLengthArgumentsBoundTheSegment() {
        assertEquals("de", roundTrip("/l/<string(length=2):v>", "de", "/l/de"));
        assertEquals(NOT_FOUND, match("/l/<string(length=2):v>", "/l/deu"));
        assertEquals("abc", roundTrip("/l/<string(minlength=1,maxlength=8):v>", "abc", "/l/abc"));
        assertEquals(NOT_FOUND, match("/l/<string(minlength=1,maxlength=8):v>", "/l/abcdefghi"));
        assertEquals(NOT_FOUND, match("/l/<string(minlength=3):v>", "/l/ab"));
    }

    @Test
    void pathRoundTripsSlashes() {
        assertEquals("a/b c/d.txt", roundTrip("/f/<path:v>", "a/b c/d.txt", "/f/a/b%20c/d.txt"));
    }

    @Test
    void intRoundTripsToAnIntegerOrALong() {
        assertEquals(42, roundTrip("/i/<int:v>", 42, "/i/42"));
        assertEquals(5_000_000_000L, roundTrip("/i/<int:v>", 5_000_000_000L, "/i/5000000000"));
        assertEquals(NOT_FOUND, match("/i/<int:v>", "/i/-1"));
        assertEquals(NOT_FOUND, match("/i/<int:v>", "/i/1.5"));
        assertEquals(NOT_FOUND, match("/i/<int:v>", "/i/99999999999999999999"));
    }

    @Test
    void intArgumentsFixDigitsBoundTheRangeAndAllowASign() {
        String rule = "/n/<int(min=1,max=999,fixed_digits=3,signed=true):v>";
        assertEquals(7, roundTrip(rule, 7, "/n/007"));
        assertEquals(NOT_FOUND, match(rule, "/n/7"));
        assertEquals(NOT_FOUND, match(rule, "/n/000"));
        assertEquals(-5, roundTrip("/n/<int(signed=true):v>", -5, "/n/-5"));
        assertEquals(12, roundTrip("/n/<int(3):v>", 12, "/n/012"));
    }

    @Test
    void floatRoundTripsToADoubleAndNeedsADot() {
        assertEquals(1.5, roundTrip("/f/<float:v>", 1.5, "/f/1.5"));
        assertEquals(2.0, roundTrip("/f/<float:v>", 2, "/f/2.0"));
        assertEquals(NOT_FOUND, match("/f/<float:v>", "/f/2"));
        assertEquals(NOT_FOUND, match("/f/<float:v>", "/f/-2.5"));
        assertEquals(-2.5, roundTrip("/f/<float(signed=true):v>", -2.5, "/f/-2.5"));
        assertEquals(NOT_FOUND, match("/f/<float(max=1.0):v>", "/f/1.5"));
    }

    @Test
    void uuidMatchesAnyCaseAndBuildsCanonicalLowerCase() {
        UUID id = UUID.fromString("4f8d2a3c-1b2e-4c5d-9e6f-7a8b9c0d1e2f");
        assertEquals(id, roundTrip("/u/<uuid:v>", id, "/u/4f8d2a3c-1b2e-4c5d-9e6f-7a8b9c0d1e2f"));
        assertEquals(id, roundTrip("/u/<uuid:v>", "4F8D2A3C-1B2E-4C5D-9E6F-7A8B9C0D1E2F",
                "/u/4f8d2a3c-1b2e-4c5d-9e6f-7a8b9c0d1e2f"));
        assertEquals(Map.of("v", id),
                ((RouteMatch.Found) match("/u/<uuid:v>", "/u/4F8D2A3C-1B2E-4C5D-9E6F-7A8B9C0D1E2F")).values());
        assertEquals(NOT_FOUND, match("/u/<uuid:v>", "/u/not-a-uuid"));
    }

    @Test
    void anyMatchesOnlyItsItemsAndEscapesRegexCharacters() {
        assertEquals("b", roundTrip("/k/<any(a,b,c):v>", "b", "/k/b"));
        assertEquals(NOT_FOUND, match("/k/<any(a,b,c):v>", "/k/d"));
        assertEquals("v1.0", roundTrip("/k/<any('v1.0', v2):v>", "v1.0", "/k/v1.0"));
        assertEquals(NOT_FOUND, match("/k/<any('v1.0', v2):v>", "/k/v1x0"));
    }

    @Test
    void aCustomConverterParsesAndFormatsJavaValues() {
        Converter list = converter("[^/]+(?:;[^/]+)*", text -> List.of(text.split(";")),
                value -> String.join(";", ((List<?>) value).stream().map(String::valueOf).toList()));
        Router router = new Router().converter("list", list).add(Rule.of("/tags/<list:tags>", "tags"));
        assertEquals(Map.of("tags", List.of("a", "b", "c")),
                ((RouteMatch.Found) router.match("GET", "/tags/a;b;c")).values());
        assertEquals("/tags/x;y", router.build("tags", Map.of("tags", List.of("x", "y"))));
    }

    @Test
    void aCustomConverterThatRejectsTextMakesTheRuleNotMatch() {
        Converter even = converter("[0-9]+", text -> {
            int n = Integer.parseInt(text);
            if (n % 2 != 0) {
                throw new IllegalArgumentException(n + " is odd");
            }
            return n;
        }, Object::toString);
        Router router = new Router().converter("even", even).add(Rule.of("/e/<even:n>", "e"));
        assertEquals(Map.of("n", 4), ((RouteMatch.Found) router.match("GET", "/e/4")).values());
        assertEquals(NOT_FOUND, router.match("GET", "/e/5"));
    }

    @Test
    void aCustomConverterRegexWithASlashSpansSegments() {
        Converter twoLevels = converter("[a-z]+/[a-z]+", text -> text, Object::toString);
        Router router = new Router().converter("pair", twoLevels).add(Rule.of("/p/<pair:v>/x", "p"));
        assertEquals(Map.of("v", "ab/cd"), ((RouteMatch.Found) router.match("GET", "/p/ab/cd/x")).values());
        assertEquals("/p/ab/cd/x", router.build("p", Map.of("v", "ab/cd")));
    }

    @Test
    void converterTablesArePerRouterAndImmutable() {
        Converters table = Converters.builtIns();
        assertEquals(List.of("any", "float", "int", "path", "string", "uuid"), List.copyOf(table.names()));
        Converters extended = table.with("slug", Converters.string());
        assertEquals(List.of("any", "float", "int", "path", "slug", "string", "uuid"), List.copyOf(extended.names()));
        assertEquals(6, Converters.builtIns().names().size());
        Router withSlug = new Router().converter("slug", Converters.string());
        withSlug.add(Rule.of("/<slug:s>", "s"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Router().add(Rule.of("/<slug:s>", "s")));
        assertEquals(true, e.getMessage().contains("unknown converter 'slug'"));
    }

    @Test
    void theBuiltInFactoriesHaveWerkzeugsRegexes() {
        assertEquals("[^/]{1,}", Converters.string().regex());
        assertEquals("[^/].*?", Converters.path().regex());
        assertEquals("[0-9]+", Converters.integer().regex());
        assertEquals("[0-9]+\\.[0-9]+", Converters.floating().regex());
        assertEquals(UUID.fromString("00000000-0000-0000-0000-000000000001"),
                Converters.uuid().fromUrl("00000000-0000-0000-0000-000000000001"));
        assertEquals("b", Converters.any("a", "b").toUrl("b"));
        assertEquals("'c' is not one of 'a', 'b'",
                assertThrows(IllegalArgumentException.class, () -> Converters.any("a", "b").toUrl("c")).getMessage());
    }

    @Test
    void aCustomConverterWithABrokenRegexIsRejectedAtRegistration() {
        Converter broken = converter("[a-", text -> text, Object::toString);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Router().converter("broken", broken));
        assertEquals(true, e.getMessage().startsWith("Converter 'broken' has an invalid regex '[a-': "));
    }
}
