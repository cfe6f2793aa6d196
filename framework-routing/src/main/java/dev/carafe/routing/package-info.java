/**
 * Carafe's URL map: rules, converters, matching and URL building, pure data and functions with no
 * HTTP types and no I/O (Werkzeug's {@code Map}, {@code Rule} and {@code MapAdapter} in Java).
 *
 * <pre>{@code
 * Router router = new Router()
 *         .add(Rule.of("/users/<int:id>", "users.show"))
 *         .add(Rule.of("/files/<path:name>", "files").withMethods("GET", "PUT"))
 *         .freeze();
 *
 * switch (router.match("GET", "/users/7")) {
 *     case RouteMatch.Found f -> System.out.println(f.endpoint() + " " + f.values());  // users.show {id=7}
 *     case RouteMatch.Redirect r -> System.out.println("308 " + r.location("", ""));
 *     case RouteMatch.MethodNotAllowed m -> System.out.println("405 Allow: " + m.allowed());
 *     case RouteMatch.NotFound n -> System.out.println("404");
 * }
 * router.build("users.show", Map.of("id", 7, "tab", "posts"));   // /users/7?tab=posts
 * }</pre>
 *
 * <p>{@link dev.carafe.routing.Router} is the map, {@link dev.carafe.routing.Rule} one rule,
 * {@link dev.carafe.routing.RouteMatch} the outcome of a match, {@link dev.carafe.routing.Converter}
 * and {@link dev.carafe.routing.Converters} the variable types, {@link dev.carafe.routing.UrlOptions}
 * and {@link dev.carafe.routing.UrlBuildException} belong to URL building. See {@code docs/routing.md}.
 */
package dev.carafe.routing;
