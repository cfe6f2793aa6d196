/**
 * Annotations for controllers: objects whose public methods handle routes, registered with
 * {@code app.register(controller)} (no classpath scanning).
 *
 * <pre>{@code
 * @Controller(prefix = "/users", name = "users")
 * public final class Users {
 *     @Get("/<int:id>")
 *     public User show(int id) { ... }                          // GET /users/7 → JSON
 *
 *     @Get("/")
 *     public List<User> search(@QueryParam("q") Optional<String> q) { ... }
 *
 *     @Post("/")
 *     public Response create(@Body NewUser user) { ... }
 * }
 *
 * app.register(new Users());
 * }</pre>
 *
 * <p>Route annotations: {@link dev.carafe.annotation.Get}, {@link dev.carafe.annotation.Post},
 * {@link dev.carafe.annotation.Put}, {@link dev.carafe.annotation.Patch},
 * {@link dev.carafe.annotation.Delete}, {@link dev.carafe.annotation.Route}; binding annotations:
 * {@link dev.carafe.annotation.PathParam}, {@link dev.carafe.annotation.QueryParam},
 * {@link dev.carafe.annotation.FormParam}, {@link dev.carafe.annotation.HeaderParam},
 * {@link dev.carafe.annotation.CookieParam}, {@link dev.carafe.annotation.Body}. See
 * {@code docs/handlers.md}.
 */
package dev.carafe.annotation;
