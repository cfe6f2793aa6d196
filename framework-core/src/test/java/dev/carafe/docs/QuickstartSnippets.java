package dev.carafe.docs;

import dev.carafe.App;
import dev.carafe.HttpError;
import dev.carafe.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The code of docs/quickstart.md; QuickstartSnippetsTest runs it. */
final class QuickstartSnippets {

    private QuickstartSnippets() {
    }

    // tag::hello[]
    public static void main(String[] args) throws Exception {
        App app = new App();
        app.get("/", request -> "Hello, World!");
        app.run();                        // http://127.0.0.1:5000/ until Ctrl-C
    }
    // end::hello[]

    static App routes() {
        // tag::routes[]
        App app = new App();
        app.get("/", request -> "Index page");
        app.get("/hello/<name>", request -> "Hello, " + request.viewArgs().get("name") + "!");
        app.get("/post/<int:id>", request -> {
            int id = (Integer) request.viewArgs().get("id");   // <int:...> gives an Integer
            return "Post " + id;
        });
        app.get("/search", request -> {
            String query = request.args().first("q").orElse("");
            return "Results for " + query;
        });
        // end::routes[]
        return app;
    }

    static App urls() {
        // tag::url-for[]
        App app = new App();
        app.get("/", request -> "Index page");                        // endpoint "index"
        app.get("/post/<int:id>", request -> "Post");                  // endpoint "post.id"
        app.route("/login", java.util.Set.of("GET", "POST"), "login",  // endpoint chosen: "login"
                request -> "Log in");
        app.get("/links", request -> request.urlFor("post.id", Map.of("id", 7)) + " "
                + request.urlFor("login", Map.of("next", "/")));      // "/post/7 /login?next=/"
        // end::url-for[]
        return app;
    }

    // tag::todo-api[]
    /** A to-do item: records become JSON objects, fields in declaration order. */
    record Todo(int id, String title, boolean done) {
    }

    /** What a client sends to create one. */
    record NewTodo(String title) {
    }

    static App todoApi() {
        Map<Integer, Todo> todos = new ConcurrentHashMap<>();
        AtomicInteger ids = new AtomicInteger();
        App app = new App();

        app.get("/todos", request -> List.copyOf(todos.values()));

        app.get("/todos/<int:id>", request -> Optional.ofNullable(todos.get((Integer) request.viewArgs().get("id")))
                .orElseThrow(() -> new HttpError.NotFound("No to-do with id " + request.viewArgs().get("id") + ".")));

        app.post("/todos", request -> {
            NewTodo input = request.json(NewTodo.class);     // 415 if not JSON, 400 if malformed
            if (input.title() == null || input.title().isBlank()) {
                throw new HttpError.UnprocessableContent("A to-do needs a title.");
            }
            Todo todo = new Todo(ids.incrementAndGet(), input.title(), false);
            todos.put(todo.id(), todo);
            return Response.json(todo).withStatus(201)
                    .withHeader("Location", request.urlFor("todos.id", Map.of("id", todo.id())));
        });

        app.delete("/todos/<int:id>", request -> {
            todos.remove((Integer) request.viewArgs().get("id"));
            return Response.noContent();
        });
        return app;
    }
    // end::todo-api[]
}
