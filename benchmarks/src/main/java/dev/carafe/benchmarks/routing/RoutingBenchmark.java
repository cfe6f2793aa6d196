package dev.carafe.benchmarks.routing;

import dev.carafe.routing.RouteMatch;
import dev.carafe.routing.Router;
import dev.carafe.routing.Rule;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Matching and building with Carafe's router and with a list of regexes, at 10, 100 and 1,000
 * rules shaped like a real API. Requests target the middle resource, so the regex list scans half.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RoutingBenchmark {

    @Param({"10", "100", "1000"})
    int rules;

    Router router;
    RegexListRouter regexes;
    String staticPath;
    String dynamicPath;
    String missingPath;
    String buildEndpoint;
    Map<String, Object> buildValues;

    @Setup
    public void setup() {
        router = new Router();
        for (ApiRoutes.Route route : ApiRoutes.routes(rules)) {
            router.add(Rule.of(route.pattern(), route.endpoint()).withMethods(route.methods().toArray(new String[0])));
        }
        router.freeze();
        regexes = new RegexListRouter(ApiRoutes.routes(rules));
        String middle = ApiRoutes.resource(rules / 20);
        staticPath = "/api/v1/" + middle + "/search";
        dynamicPath = "/api/v1/" + middle + "/123/comments/45";
        missingPath = "/api/v1/" + middle + "/123/unknown";
        buildEndpoint = middle + ".comment";
        buildValues = Map.of("id", 123, "cid", 45);
        check(router.match("GET", staticPath) instanceof RouteMatch.Found f && f.endpoint().equals(middle + ".search"));
        check(router.match("GET", dynamicPath) instanceof RouteMatch.Found f2 && f2.values().get("cid").equals(45));
        check(router.match("GET", missingPath) instanceof RouteMatch.NotFound);
        check(router.build(buildEndpoint, buildValues).equals(dynamicPath));
        check((middle + ".search").equals(regexes.match("GET", staticPath).endpoint()));
        check((middle + ".comment").equals(regexes.match("GET", dynamicPath).endpoint()));
        check(regexes.match("GET", missingPath).endpoint() == null);
        check(regexes.build(buildEndpoint, buildValues).equals(dynamicPath));
    }

    private static void check(boolean ok) {
        if (!ok) {
            throw new IllegalStateException("the benchmark's routers do not answer as expected");
        }
    }

    @Benchmark
    public RouteMatch matchStatic() {
        return router.match("GET", staticPath);
    }

    @Benchmark
    public RouteMatch matchDynamic() {
        return router.match("GET", dynamicPath);
    }

    @Benchmark
    public RouteMatch matchNotFound() {
        return router.match("GET", missingPath);
    }

    @Benchmark
    public String build() {
        return router.build(buildEndpoint, buildValues);
    }

    @Benchmark
    public RegexListRouter.Result regexListMatchStatic() {
        return regexes.match("GET", staticPath);
    }

    @Benchmark
    public RegexListRouter.Result regexListMatchDynamic() {
        return regexes.match("GET", dynamicPath);
    }

    @Benchmark
    public RegexListRouter.Result regexListMatchNotFound() {
        return regexes.match("GET", missingPath);
    }

    @Benchmark
    public String regexListBuild() {
        return regexes.build(buildEndpoint, buildValues);
    }
}
