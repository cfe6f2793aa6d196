package dev.carafe.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Setup, freezing, duplicates and use from many threads. */
class RouterLifecycleTest {

    @Test
    void addingAfterFreezingFailsAndSaysWhy() {
        Router router = new Router().add(Rule.of("/", "index")).freeze();
        assertEquals("Cannot add rule '/x' (GET) -> x: the router is frozen (freeze() was called, or a URL was matched"
                + " or built). Add every rule, alias and converter during setup, before the first request.",
                assertThrows(IllegalStateException.class, () -> router.add(Rule.of("/x", "x"))).getMessage());
        assertThrows(IllegalStateException.class, () -> router.alias("home", "index"));
        assertThrows(IllegalStateException.class, () -> router.converter("c", Converters.string()));
    }

    @Test
    void theFirstMatchFreezesTheRouter() {
        Router router = new Router().add(Rule.of("/", "index"));
        router.match("GET", "/");
        assertThrows(IllegalStateException.class, () -> router.add(Rule.of("/x", "x")));
    }

    @Test
    void aDuplicateRuleFailsEvenWithOtherVariableNames() {
        Router router = new Router().add(Rule.of("/users/<int:id>", "users.show"));
        assertEquals("Rule '/users/<int:n>' (GET) is already registered for endpoint 'users.show'; cannot register it "
                + "again for 'admin.user'. Use a different path or method, or remove one of the two.",
                assertThrows(IllegalArgumentException.class,
                        () -> router.add(Rule.of("/users/<int:n>", "admin.user"))).getMessage());
    }

    @Test
    void theSamePathForOtherMethodsOrConvertersIsNoDuplicate() {
        Router router = new Router()
                .add(Rule.of("/users/<int:id>", "users.show"))
                .add(Rule.of("/users/<int:id>", "users.delete").withMethods("DELETE"))
                .add(Rule.of("/users/<name>", "users.byName"))
                .add(Rule.of("/users/<int:id>", "users.link").asBuildOnly());
        assertEquals(4, router.rules().size());
    }

    @Test
    void getRulesConflictWithHeadRules() {
        Router router = new Router().add(Rule.of("/x", "x"));
        assertThrows(IllegalArgumentException.class, () -> router.add(Rule.of("/x", "y").withMethods("HEAD")));
    }

    @Test
    void aFrozenRouterMatchesAndBuildsFromManyThreads() throws Exception {
        Router router = new Router();
        for (int i = 0; i < 50; i++) {
            router.add(Rule.of("/r" + i + "/<int:id>", "r" + i)).add(Rule.of("/s" + i, "s" + i));
        }
        router.freeze();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit(() -> {
                    int ok = 0;
                    for (int i = 0; i < 2_000; i++) {
                        int n = i % 50;
                        RouteMatch.Found f = (RouteMatch.Found) router.match("GET", "/r" + n + "/" + i);
                        ok += f.values().get("id").equals(i) && router.build("r" + n, Map.of("id", i))
                                .equals("/r" + n + "/" + i) ? 1 : 0;
                    }
                    return ok;
                }));
            }
            for (Future<Integer> result : results) {
                assertEquals(2_000, result.get(5, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
