package dev.carafe.docs;

import dev.carafe.App;
import dev.carafe.HttpError;
import dev.carafe.Request;
import dev.carafe.Response;
import dev.carafe.UploadedFile;
import dev.carafe.annotation.Body;
import dev.carafe.annotation.Controller;
import dev.carafe.annotation.CookieParam;
import dev.carafe.annotation.Delete;
import dev.carafe.annotation.FormParam;
import dev.carafe.annotation.Get;
import dev.carafe.annotation.HeaderParam;
import dev.carafe.annotation.Post;
import dev.carafe.annotation.QueryParam;
import dev.carafe.annotation.Route;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/** The code of docs/handlers.md; HandlersSnippetsTest runs it. */
final class HandlersSnippets {

    private HandlersSnippets() {
    }

    static App lambdas() {
        // tag::lambdas[]
        App app = new App();
        app.get("/", request -> "Hello!");                                  // endpoint "index"
        app.get("/users/<int:id>", request -> {                             // endpoint "users.id"
            int id = request.viewArg("id", Integer.class);
            return "User " + id;
        });
        app.route("/login", Set.of("GET", "POST"), "auth.login",           // endpoint chosen: "auth.login"
                request -> request.method().equals("POST") ? Response.seeOther("/") : "<form method=post>…</form>");
        // end::lambdas[]
        return app;
    }

    // tag::controller[]
    record User(int id, String name, String email) {
    }

    record NewUser(String name, String email) {
    }

    @Controller(prefix = "/users", name = "users")
    public static final class Users {

        private final Map<Integer, User> users = new ConcurrentHashMap<>();
        private final AtomicInteger ids = new AtomicInteger();

        @Get("/")                                                    // GET /users/        users.index
        public List<User> index(@QueryParam("q") Optional<String> q) {
            return users.values().stream()
                    .filter(user -> q.map(text -> user.name().contains(text)).orElse(true))
                    .toList();
        }

        @Get("/<int:id>")                                             // GET /users/7       users.show
        public Optional<User> show(int id) {                         // empty: 404
            return Optional.ofNullable(users.get(id));
        }

        @Post("/")                                                    // POST /users/       users.create
        public Response create(@Body NewUser input, Request request) {
            User user = new User(ids.incrementAndGet(), input.name(), input.email());
            users.put(user.id(), user);
            return Response.json(user).withStatus(201)
                    .withHeader("Location", request.urlFor("users.show", Map.of("id", user.id())));
        }

        @Delete("/<int:id>")                                          // DELETE /users/7    users.remove
        public void remove(int id) {                                   // void: 204 No Content
            if (users.remove(id) == null) {
                throw new HttpError.NotFound("No user with id " + id + ".");
            }
        }
    }
    // end::controller[]

    static App registered() {
        // tag::register[]
        App app = new App();
        app.register(new Users());
        // end::register[]
        return app;
    }

    enum Sort { NEWEST, OLDEST }

    // tag::binding[]
    public static final class Reports {

        @Get("/reports/<int:year>")
        public String report(
                long year,                                              // rule variable, Integer → long
                @QueryParam("from") LocalDate from,                      // ?from=2026-01-31, required
                @QueryParam("sort") Optional<Sort> sort,                 // ?sort=newest, any case; absent: empty
                @QueryParam("tag") List<String> tags,                    // ?tag=a&tag=b; absent: []
                @HeaderParam("X-Request-Id") Optional<String> requestId, // a header
                @CookieParam("theme") Optional<String> theme) {          // a cookie
            return year + " from " + from + " " + sort.orElse(Sort.NEWEST) + " " + tags
                    + requestId.map(id -> " #" + id).orElse("") + theme.map(t -> " " + t).orElse("");
        }

        @Post("/reports/upload")
        public String upload(@FormParam("title") String title, @FormParam("file") UploadedFile file) throws IOException {
            return title + ": " + file.bytes().length + " bytes";
        }

        @Route(rule = "/reports/<int:id>/edit", methods = {"GET", "POST"}, endpoint = "edit")
        public String edit(int id, Request request) {
            return request.method() + " report " + id;
        }
    }
    // end::binding[]

    static App returns() {
        // tag::returns[]
        App app = new App();
        app.get("/page", request -> "<h1>HTML</h1>");                           // text/html; charset=utf-8
        app.get("/raw", request -> new byte[] {1, 2, 3});                       // application/octet-stream
        app.get("/user", request -> new User(7, "Ada", "ada@example.com"));     // application/json, in field order
        app.get("/created", request -> Response.json(Map.of("id", 8))          // status and header overrides
                .withStatus(201).withHeader("Location", "/users/8"));
        app.get("/maybe", request -> Optional.empty());                         // 404 Not Found
        app.get("/lines", request -> Stream.of("one\n", "two\n"));              // streamed, text/html
        app.get("/events", request -> Stream.of(new User(1, "a", "a@x"),        // streamed JSON Lines,
                new User(2, "b", "b@x")));                                       // application/x-ndjson
        // end::returns[]
        return app;
    }

    /** A stand-in for a database connection kept in {@code g}: it refuses to be read once closed. */
    static final class Database implements AutoCloseable {
        private boolean closed;

        static Database of(Request request) {
            return (Database) request.g().computeIfAbsent("db", key -> new Database());
        }

        Stream<Map<String, Object>> rows(String sql) {
            return Stream.of("First", "Second").map(title -> {
                if (closed) {
                    throw new IllegalStateException("The connection is closed; cannot run " + sql);
                }
                return Map.of("title", title);
            });
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    static App streamingInContext() {
        // tag::streaming-context[]
        App app = new App();
        app.teardownAppContext((context, error) -> {                  // after the last row was sent
            if (context.g().remove("db") instanceof Database db) {
                db.close();
            }
        });
        app.get("/titles", request -> Database.of(request)            // the connection stays open
                .rows("SELECT title FROM post")                       // while the body is sent
                .map(row -> row.get("title") + "\n"));
        // end::streaming-context[]
        return app;
    }
}
