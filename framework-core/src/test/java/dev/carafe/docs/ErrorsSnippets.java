package dev.carafe.docs;

import dev.carafe.App;
import dev.carafe.HttpError;
import dev.carafe.Response;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

/** The code of docs/errors.md; ErrorsSnippetsTest runs it. */
final class ErrorsSnippets {

    private ErrorsSnippets() {
    }

    /** A post of the blog example. */
    record Post(int id, String author, String title) {
    }

    static App abort(Map<Integer, Post> posts) {
        App app = new App();
        // tag::abort[]
        app.route("/<int:id>/update", java.util.Set.of("GET", "POST"), "blog.update", request -> {
            int id = (Integer) request.viewArgs().get("id");
            Post post = posts.get(id);
            if (post == null) {
                throw HttpError.abort(404, "Post id " + id + " doesn't exist.");
            }
            if (!post.author().equals(request.g().get("user"))) {
                throw new HttpError.Forbidden("Only the author may edit a post.");
            }
            return "Editing " + post.title();
        });
        // end::abort[]
        app.beforeRequest(request -> {
            request.header("X-User").ifPresent(user -> request.g().put("user", user));
            return Optional.empty();
        });
        return app;
    }

    static App handlers() {
        App app = new App();
        app.get("/report", request -> {
            throw new SQLException("connection refused");
        });
        app.get("/secret", request -> {
            throw new HttpError.Forbidden("Not for you.");
        });
        // tag::handlers[]
        app.errorHandler(404, (request, error) ->
                Response.html("<h1>Lost?</h1><p>" + request.path() + " is not here.</p>").withStatus(404));

        app.errorHandler(SQLException.class, (request, error) ->
                Response.text("The database is resting; try again in a minute.").withStatus(503)
                        .withHeader("Retry-After", "60"));

        app.errorHandler(HttpError.class, (request, error) ->   // every other HTTP error, as JSON
                Response.json(Map.of("error", error.title(), "message", error.descriptionOrDefault()))
                        .withStatus(error.status()));
        // end::handlers[]
        return app;
    }
}
