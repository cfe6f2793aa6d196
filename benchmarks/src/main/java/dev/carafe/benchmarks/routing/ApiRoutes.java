package dev.carafe.benchmarks.routing;

import java.util.ArrayList;
import java.util.List;

/**
 * Rules shaped like a real JSON API: per resource, ten rules (list, create, show, replace, delete,
 * comments, comment, by-slug, search), static and dynamic, with several methods on the same paths.
 */
final class ApiRoutes {

    /** One rule: methods, pattern and endpoint. */
    record Route(List<String> methods, String pattern, String endpoint) {
    }

    private static final String[] NOUNS = {"users", "orders", "products", "invoices", "carts", "reviews", "shipments",
        "payments", "coupons", "teams"};

    private ApiRoutes() {
    }

    /** The resource name for index {@code k}: {@code users}, ..., then {@code users1}, .... */
    static String resource(int k) {
        return NOUNS[k % NOUNS.length] + (k < NOUNS.length ? "" : Integer.toString(k / NOUNS.length));
    }

    /** {@code count} rules (a multiple of ten). */
    static List<Route> routes(int count) {
        List<Route> routes = new ArrayList<>();
        for (int k = 0; k < count / 10; k++) {
            String r = resource(k);
            String base = "/api/v1/" + r;
            routes.add(new Route(List.of("GET"), base, r + ".list"));
            routes.add(new Route(List.of("POST"), base, r + ".create"));
            routes.add(new Route(List.of("GET"), base + "/search", r + ".search"));
            routes.add(new Route(List.of("GET"), base + "/<int:id>", r + ".show"));
            routes.add(new Route(List.of("PUT", "PATCH"), base + "/<int:id>", r + ".update"));
            routes.add(new Route(List.of("DELETE"), base + "/<int:id>", r + ".delete"));
            routes.add(new Route(List.of("GET"), base + "/<int:id>/comments", r + ".comments"));
            routes.add(new Route(List.of("POST"), base + "/<int:id>/comments", r + ".comment_create"));
            routes.add(new Route(List.of("GET"), base + "/<int:id>/comments/<int:cid>", r + ".comment"));
            routes.add(new Route(List.of("GET"), base + "/by-slug/<slug>", r + ".by_slug"));
        }
        return routes;
    }
}
