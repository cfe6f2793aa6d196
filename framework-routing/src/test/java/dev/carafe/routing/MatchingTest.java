package dev.carafe.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Matching by path and method: priority, 404, 405, HEAD and OPTIONS, and the 308 redirects. */
class MatchingTest {

    private static String endpoint(Router router, String method, String path) {
        RouteMatch match = router.match(method, path);
        return match instanceof RouteMatch.Found f ? f.endpoint() : match.toString();
    }

    @Test
    void staticSegmentsWinOverVariablesWhateverTheRegistrationOrder() {
        Router router = new Router()
                .add(Rule.of("/users/<name>", "users.byName"))
                .add(Rule.of("/users/me", "users.me"));
        assertEquals("users.me", endpoint(router, "GET", "/users/me"));
        assertEquals("users.byName", endpoint(router, "GET", "/users/ann"));
    }

    @Test
    void intConvertersComeBeforeStringsAndStringsBeforePaths() {
        Router router = new Router()
                .add(Rule.of("/x/<path:rest>", "path"))
                .add(Rule.of("/x/<name>", "string"))
                .add(Rule.of("/x/<int:n>", "int"));
        assertEquals("int", endpoint(router, "GET", "/x/42"));
        assertEquals("string", endpoint(router, "GET", "/x/abc"));
        assertEquals("path", endpoint(router, "GET", "/x/a/b"));
    }

    @Test
    void partsWithMoreStaticTextComeFirst() {
        Router router = new Router()
                .add(Rule.of("/files/<name>", "any"))
                .add(Rule.of("/files/<name>.json", "json"));
        assertEquals("json", endpoint(router, "GET", "/files/report.json"));
        assertEquals(Map.of("name", "report"), ((RouteMatch.Found) router.match("GET", "/files/report.json")).values());
        assertEquals("any", endpoint(router, "GET", "/files/report.txt"));
    }

    @Test
    void equalRulesForDifferentMethodsAreTriedInRegistrationOrder() {
        Router router = new Router()
                .add(Rule.of("/items/<int:id>", "items.show"))
                .add(Rule.of("/items/<int:n>", "items.replace").withMethods("PUT"));
        assertEquals("items.show", endpoint(router, "GET", "/items/3"));
        assertEquals("items.replace", endpoint(router, "PUT", "/items/3"));
    }

    @Test
    void aBranchThatFailsDeeperFallsBackToAVariable() {
        Router router = new Router()
                .add(Rule.of("/a/static/end", "static"))
                .add(Rule.of("/a/<x>/other", "variable"));
        assertEquals("variable", endpoint(router, "GET", "/a/static/other"));
    }

    @Test
    void aValueTheConverterRejectsLetsTheNextRuleMatch() {
        Router router = new Router()
                .add(Rule.of("/n/<int(max=9):small>", "small"))
                .add(Rule.of("/n/<int:big>", "big"));
        assertEquals("small", endpoint(router, "GET", "/n/7"));
        assertEquals("big", endpoint(router, "GET", "/n/70"));
    }

    @Test
    void anUnknownPathIsNotFound() {
        Router router = new Router().add(Rule.of("/a", "a"));
        assertEquals(new RouteMatch.NotFound(), router.match("GET", "/b"));
        assertEquals(new RouteMatch.NotFound(), router.match("GET", "/a/b"));
    }

    @Test
    void methodNotAllowedListsTheMethodsOfEveryRuleOnThePath() {
        Router router = new Router()
                .add(Rule.of("/things", "things.list"))
                .add(Rule.of("/things", "things.create").withMethods("POST"))
                .add(Rule.of("/things/<int:id>", "things.delete").withMethods("DELETE"));
        RouteMatch match = router.match("PUT", "/things");
        assertEquals(List.of("GET", "HEAD", "POST", "OPTIONS"),
                List.copyOf(assertInstanceOf(RouteMatch.MethodNotAllowed.class, match).allowed()));
        assertEquals(Set.of("DELETE", "OPTIONS"), router.allowedMethods("", "/things/4"));
        assertEquals(Set.of(), router.allowedMethods("", "/nothing"));
    }

    @Test
    void headIsAllowedWhereverGetIs() {
        Router router = new Router().add(Rule.of("/page", "page")).add(Rule.of("/p/<int:id>", "p"));
        assertEquals("page", endpoint(router, "HEAD", "/page"));
        assertEquals("p", endpoint(router, "HEAD", "/p/1"));
    }

    @Test
    void optionsMatchesEveryRuleAndTheAllowSetNamesTheRest() {
        Router router = new Router().add(Rule.of("/1/delete", "blog.delete").withMethods("POST"));
        assertEquals("blog.delete", endpoint(router, "OPTIONS", "/1/delete"));
        assertEquals(List.of("POST", "OPTIONS"), List.copyOf(router.allowedMethods("", "/1/delete")));
    }

    @Test
    void aBranchRuleRedirectsThePathWithoutTheSlashWith308() {
        Router router = new Router().add(Rule.of("/projects/", "projects"));
        RouteMatch match = router.match("GET", "/projects");
        assertEquals(new RouteMatch.Redirect("/projects/"), match);
        assertEquals(308, ((RouteMatch.Redirect) match).status());
        assertEquals("/app/projects/?page=2", ((RouteMatch.Redirect) match).location("/app", "page=2"));
        assertEquals("projects", endpoint(router, "GET", "/projects/"));
    }

    @Test
    void aBranchRuleForAnotherMethodDoesNotRedirect() {
        Router router = new Router().add(Rule.of("/upload/", "upload").withMethods("POST"));
        assertEquals(new RouteMatch.NotFound(), router.match("GET", "/upload"));
    }

    @Test
    void withoutStrictSlashesBothFormsMatchWithoutRedirect() {
        Router router = new Router()
                .add(Rule.of("/dir/", "dir").withStrictSlashes(false))
                .add(Rule.of("/leaf", "leaf").withStrictSlashes(false));
        assertEquals("dir", endpoint(router, "GET", "/dir"));
        assertEquals("dir", endpoint(router, "GET", "/dir/"));
        assertEquals("leaf", endpoint(router, "GET", "/leaf/"));
    }

    @Test
    void repeatedSlashesRedirectToTheMergedPath() {
        Router router = new Router().add(Rule.of("/a/b", "ab")).add(Rule.of("/c/", "c"));
        assertEquals(new RouteMatch.Redirect("/a/b"), router.match("GET", "//a///b"));
        assertEquals(new RouteMatch.Redirect("/a/b"), router.match("GET", "/a//b"));
        assertEquals(new RouteMatch.Redirect("/c/"), router.match("GET", "/c//"));
    }

    @Test
    void aRuleWithoutMergeSlashesAnswersNotFoundForRepeatedSlashes() {
        Router router = new Router().add(Rule.of("/a/b", "ab").withMergeSlashes(false));
        assertEquals(new RouteMatch.NotFound(), router.match("GET", "/a//b"));
    }

    @Test
    void anEmptyPathIsTheRoot() {
        Router router = new Router().add(Rule.of("/", "root"));
        assertEquals("root", endpoint(router, "GET", ""));
    }

    @Test
    void aPathVariableSpansSegmentsAndKeepsStaticTextAfterIt() {
        Router router = new Router().add(Rule.of("/wiki/<path:page>/edit", "edit"));
        assertEquals(Map.of("page", "a/b/c"), ((RouteMatch.Found) router.match("GET", "/wiki/a/b/c/edit")).values());
        assertEquals(new RouteMatch.NotFound(), router.match("GET", "/wiki/a/b/c"));
    }

    @Test
    void aPathRuleEndingInASlashRedirectsThePathWithoutIt() {
        Router router = new Router().add(Rule.of("/docs/<path:page>/", "docs"));
        assertEquals(new RouteMatch.Redirect("/docs/a/b/"), router.match("GET", "/docs/a/b"));
        assertEquals(Map.of("page", "a/b"), ((RouteMatch.Found) router.match("GET", "/docs/a/b/")).values());
    }

    @Test
    void defaultsAreAddedToTheValuesAfterTheVariables() {
        Router router = new Router().add(Rule.of("/users/<int:id>", "users").withDefaults(Map.of("tab", "posts")));
        RouteMatch.Found found = (RouteMatch.Found) router.match("GET", "/users/3");
        assertEquals(List.of("id", "tab"), List.copyOf(found.values().keySet()));
        assertEquals(Map.of("id", 3, "tab", "posts"), found.values());
    }

    @Test
    void theUrlThatSpellsOutADefaultRedirectsToTheRuleThatOmitsIt() {
        Router router = new Router()
                .add(Rule.of("/page/", "page").withDefaults(Map.of("n", 1)))
                .add(Rule.of("/page/<int:n>", "page"));
        assertEquals(new RouteMatch.Redirect("/page/"), router.match("GET", "/page/1"));
        assertEquals(Map.of("n", 2), ((RouteMatch.Found) router.match("GET", "/page/2")).values());
        assertEquals(Map.of("n", 1), ((RouteMatch.Found) router.match("GET", "/page/")).values());
    }

    @Test
    void aStaticMatchReturnsTheSameResultEveryTime() {
        Router router = new Router().add(Rule.of("/about", "about")).freeze();
        assertSame(router.match("GET", "/about"), router.match("GET", "/about"));
    }

    @Test
    void buildOnlyRulesNeverMatch() {
        Router router = new Router().add(Rule.of("/external/docs", "docs").asBuildOnly());
        assertEquals(new RouteMatch.NotFound(), router.match("GET", "/external/docs"));
        assertEquals("/external/docs", router.build("docs", Map.of()));
    }

    @Test
    void oneEndpointIsReachableThroughSeveralRules() {
        Router router = new Router()
                .add(Rule.of("/posts/<int:id>", "post"))
                .add(Rule.of("/p/<int:id>", "post"));
        assertEquals("post", endpoint(router, "GET", "/posts/1"));
        assertEquals("post", endpoint(router, "GET", "/p/1"));
    }

    @Test
    void severalVariablesInOneSegmentAreAllConverted() {
        Router router = new Router().add(Rule.of("/range/<int:from>-<int:to>", "range"));
        assertEquals(Map.of("from", 3, "to", 9), ((RouteMatch.Found) router.match("GET", "/range/3-9")).values());
    }

    @Test
    void valuesComeInRuleOrder() {
        Router router = new Router().add(Rule.of("/<z>/<a>/<int:m>", "r"));
        assertEquals(List.of("z", "a", "m"),
                List.copyOf(((RouteMatch.Found) router.match("GET", "/1/2/3")).values().keySet()));
    }
}
