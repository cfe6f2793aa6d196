package dev.carafe.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Subdomain and host matching, and the URLs built for rules on other hosts. */
class HostMatchingTest {

    private static Router subdomains() {
        return new Router().subdomainMatching("example.com")
                .add(Rule.of("/", "home"))
                .add(Rule.of("/", "api.home").withSubdomain("api"))
                .add(Rule.of("/", "user.home").withSubdomain("<user>"))
                .freeze();
    }

    @Test
    void subdomainRulesMatchThePartOfTheHostBeforeTheServerName() {
        Router router = subdomains();
        assertEquals("home", ((RouteMatch.Found) router.match("GET", "example.com", "/")).endpoint());
        assertEquals("api.home", ((RouteMatch.Found) router.match("GET", "API.example.com:8080", "/")).endpoint());
        RouteMatch.Found user = (RouteMatch.Found) router.match("GET", "ann.example.com", "/");
        assertEquals(Map.of("user", "ann"), user.values());
        assertEquals(new RouteMatch.NotFound(), router.match("GET", "other.org", "/"));
    }

    @Test
    void aUrlForAnotherSubdomainIsAbsolute() {
        Router router = subdomains();
        UrlOptions here = UrlOptions.defaults().withHost("example.com");
        assertEquals("/", router.build("home", Map.of(), here));
        assertEquals("http://ann.example.com/", router.build("user.home", Map.of("user", "ann"), here));
        assertEquals("/", router.build("user.home", Map.of("user", "ann"), here.withHost("ann.example.com")));
    }

    @Test
    void hostRulesMatchTheWholeHostAndHostlessRulesMatchAnyHost() {
        Router router = new Router().hostMatching()
                .add(Rule.of("/", "tenant").withHost("<tenant>.shop.test"))
                .add(Rule.of("/", "admin").withHost("admin.test"))
                .add(Rule.of("/health", "health"))
                .freeze();
        assertEquals(Map.of("tenant", "acme"), ((RouteMatch.Found) router.match("GET", "acme.shop.test", "/")).values());
        assertEquals("admin", ((RouteMatch.Found) router.match("GET", "admin.test", "/")).endpoint());
        assertEquals("health", ((RouteMatch.Found) router.match("GET", "anything.test", "/health")).endpoint());
        assertEquals(new RouteMatch.NotFound(), router.match("GET", "other.test", "/"));
        assertEquals("https://acme.shop.test/", router.build("tenant", Map.of("tenant", "acme"),
                UrlOptions.defaults().withScheme("https").withHost("admin.test")));
    }

    @Test
    void theMatchingModeIsChosenBeforeAnyRule() {
        Router router = new Router().add(Rule.of("/", "home"));
        assertEquals("Cannot call hostMatching() after rules were added or another matching mode was chosen; choose "
                + "the mode once, first, right after creating the router.",
                assertThrows(IllegalStateException.class, router::hostMatching).getMessage());
    }
}
