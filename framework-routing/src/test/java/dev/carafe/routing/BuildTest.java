package dev.carafe.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** URL building: converters, query strings, anchors, mount prefixes, external URLs and errors. */
class BuildTest {

    private static Router router() {
        return new Router()
                .add(Rule.of("/users/<int:id>", "users.show"))
                .add(Rule.of("/user/<int:uid>", "user"))
                .add(Rule.of("/items", "items.list"))
                .add(Rule.of("/items", "items.create").withMethods("POST"))
                .add(Rule.of("/things", "things"))
                .add(Rule.of("/things/new", "things").withMethods("POST"))
                .add(Rule.of("/page/", "page").withDefaults(Map.of("n", 1)))
                .add(Rule.of("/page/<int:n>", "page"))
                .freeze();
    }

    @Test
    void extraValuesBecomeTheQueryStringAndNullsAreLeftOut() {
        Map<String, Object> values = new HashMap<>();
        values.put("uid", 5);
        values.put("q", "x y");
        values.put("lst", List.of(1, 2));
        values.put("none", null);
        assertEquals("/user/5?lst=1&lst=2&q=x+y#top%20sec",
                router().build("user", values, UrlOptions.defaults().withAnchor("top sec")));
    }

    @Test
    void queryValuesArePercentEncoded() {
        assertEquals("/items?next=/a/b?c%3Dd%26e&%C3%BC=%E2%82%AC",
                router().build("items.list", Map.of("next", "/a/b?c=d&e", "ü", "€")));
    }

    @Test
    void pathValuesArePercentEncoded() {
        Router router = new Router().add(Rule.of("/tag/<name>", "tag")).add(Rule.of("/f/<path:p>", "f"));
        assertEquals("/tag/c%23%20and%20c%2B%2B%3F".replace("%2B", "+"), router.build("tag", Map.of("name", "c# and c++?")));
        assertEquals("/f/dir/%25done", router.build("f", Map.of("p", "dir/%done")));
    }

    @Test
    void aStringValueWithASlashCannotBeBuiltIntoOneSegment() {
        Router router = new Router().add(Rule.of("/tag/<name>", "tag"));
        assertEquals("Cannot build a URL for 'tag': value 'a/b' (String) for 'name' does not fit <string:name> "
                + "(rule '/tag/<name>'): 'a/b' holds '/', which a string variable cannot match; use <path:...> for "
                + "values with slashes.",
                assertThrows(UrlBuildException.class, () -> router.build("tag", Map.of("name", "a/b"))).getMessage());
    }

    @Test
    void valuesOutsideTheConvertersBoundsAreBuildErrors() {
        Router router = new Router()
                .add(Rule.of("/c/<string(length=2):code>", "c"))
                .add(Rule.of("/n/<int(fixed_digits=2):n>", "n"))
                .add(Rule.of("/r/<int(min=1,max=9):n>", "r"));
        assertEquals("Cannot build a URL for 'c': value 'abc' (String) for 'code' does not fit <string:code> "
                + "(rule '/c/<string(length=2):code>'): 'abc' has 3 characters; expected exactly 2.",
                assertThrows(UrlBuildException.class, () -> router.build("c", Map.of("code", "abc"))).getMessage());
        assertEquals("Cannot build a URL for 'n': value '123' (Integer) for 'n' does not fit <int:n> "
                + "(rule '/n/<int(fixed_digits=2):n>'): 123 has more than fixed_digits=2 characters.",
                assertThrows(UrlBuildException.class, () -> router.build("n", Map.of("n", 123))).getMessage());
        assertEquals("Cannot build a URL for 'r': value '10' (Integer) for 'n' does not fit <int:n> "
                + "(rule '/r/<int(min=1,max=9):n>'): 10 is outside the range 1..9.",
                assertThrows(UrlBuildException.class, () -> router.build("r", Map.of("n", 10))).getMessage());
    }

    @Test
    void theScriptNamePrefixesThePath() {
        assertEquals("/app/users/7", router().build("users.show", Map.of("id", 7),
                UrlOptions.defaults().withScriptName("/app/")));
    }

    @Test
    void externalUrlsCarryTheSchemeAndHost() {
        assertEquals("https://example.com/app/users/7", router().build("users.show", Map.of("id", 7),
                UrlOptions.defaults().withScriptName("/app").withScheme("https").withHost("example.com").asExternal()));
    }

    @Test
    void anExternalUrlWithoutAHostIsABuildError() {
        assertEquals("Cannot build an external URL for 'items.list': no host is known; pass "
                + "UrlOptions.defaults().withHost(\"example.com\").asExternal().",
                assertThrows(UrlBuildException.class, () -> router().build("items.list", Map.of(),
                        UrlOptions.defaults().asExternal())).getMessage());
    }

    @Test
    void theMethodChoosesAmongTheRulesOfAnEndpoint() {
        assertEquals("/things", router().build("things", Map.of()));
        assertEquals("/things/new", router().build("things", Map.of(), UrlOptions.defaults().withMethod("POST")));
    }

    @Test
    void buildingWithTheDefaultValueUsesTheRuleThatOmitsIt() {
        assertEquals("/page/", router().build("page", Map.of()));
        assertEquals("/page/", router().build("page", Map.of("n", 1)));
        assertEquals("/page/", router().build("page", Map.of("n", 1L)));
        assertEquals("/page/2", router().build("page", Map.of("n", 2)));
    }

    @Test
    void anUnknownEndpointSuggestsTheClosestOne() {
        assertEquals("Cannot build a URL for endpoint 'user_show': no such endpoint. Did you mean 'users.show'?",
                assertThrows(UrlBuildException.class, () -> router().build("user_show", Map.of())).getMessage());
        assertEquals("Cannot build a URL for endpoint 'zzzzzz': no such endpoint.",
                assertThrows(UrlBuildException.class, () -> router().build("zzzzzz", Map.of())).getMessage());
    }

    @Test
    void aMissingValueIsNamedWithTheRule() {
        assertEquals("Cannot build a URL for 'users.show': missing value for 'id' (rule '/users/<int:id>').",
                assertThrows(UrlBuildException.class, () -> router().build("users.show", Map.of("x", 1))).getMessage());
    }

    @Test
    void aValueTheConverterRefusesIsNamedWithTheReason() {
        assertEquals("Cannot build a URL for 'users.show': value 'abc' (String) for 'id' does not fit <int:id> "
                + "(rule '/users/<int:id>'): 'abc' is not an integer.",
                assertThrows(UrlBuildException.class, () -> router().build("users.show", Map.of("id", "abc")))
                        .getMessage());
    }

    @Test
    void aMethodNoRuleAcceptsIsNamed() {
        assertEquals("Cannot build a URL for 'items.create' with method DELETE: its rules accept POST. Pass one of "
                + "those methods, or none.", assertThrows(UrlBuildException.class, () -> router().build("items.create",
                        Map.of(), UrlOptions.defaults().withMethod("DELETE"))).getMessage());
    }

    @Test
    void aValueContradictingTheOnlyRulesDefaultIsNamed() {
        Router router = new Router().add(Rule.of("/first/", "first").withDefaults(Map.of("n", 1)));
        assertEquals("Cannot build a URL for 'first': value 2 for 'n' differs from the default 1 of rule '/first/', "
                + "and no other rule of 'first' takes that value.",
                assertThrows(UrlBuildException.class, () -> router.build("first", Map.of("n", 2))).getMessage());
    }

    @Test
    void anAliasBuildsLikeItsEndpointAndIsNamedInErrors() {
        Router router = new Router().add(Rule.of("/u/<int:id>", "users.show")).alias("user", "users.show");
        assertEquals("/u/3", router.build("user", Map.of("id", 3)));
        assertEquals("Cannot build a URL for 'user' (alias of 'users.show'): missing value for 'id' "
                + "(rule '/u/<int:id>').",
                assertThrows(UrlBuildException.class, () -> router.build("user", Map.of())).getMessage());
    }

    @Test
    void aliasesAreCheckedWhenTheyAreAdded() {
        Router router = new Router().add(Rule.of("/", "blog.index"));
        assertEquals("Cannot alias 'home' to 'blog.indx': no rule has that endpoint yet; add the rule first. did you "
                + "mean 'blog.index'?", assertThrows(IllegalArgumentException.class,
                        () -> router.alias("home", "blog.indx")).getMessage());
        router.alias("index", "blog.index");
        assertEquals("Cannot alias 'index' to 'blog.index': 'index' is already an alias of 'blog.index'; choose "
                + "another name.", assertThrows(IllegalArgumentException.class,
                        () -> router.alias("index", "blog.index")).getMessage());
        assertEquals("Rule '/home' (GET) -> index uses endpoint 'index', which is already an alias of 'blog.index'; "
                + "rename the alias or the endpoint.", assertThrows(IllegalArgumentException.class,
                        () -> router.add(Rule.of("/home", "index"))).getMessage());
    }
}
