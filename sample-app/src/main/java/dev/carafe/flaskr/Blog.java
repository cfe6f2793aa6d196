package dev.carafe.flaskr;

import dev.carafe.Blueprint;
import dev.carafe.Flash;
import dev.carafe.HttpError;
import dev.carafe.Request;
import dev.carafe.Response;
import dev.carafe.templates.Templates;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * flaskr's {@code blog} blueprint, at the root: the list of posts, and creating, editing and
 * deleting one's own posts.
 */
final class Blog {

    // tag::query[]
    private static final String POST_WITH_AUTHOR = "SELECT p.id, title, body, created, author_id, username"
            + " FROM post p JOIN user u ON p.author_id = u.id";
    // end::query[]

    private final Templates templates;

    private Blog(Templates templates) {
        this.templates = templates;
    }

    // tag::blueprint[]
    static Blueprint blueprint(Templates templates) {
        Blog blog = new Blog(templates);
        Blueprint bp = new Blueprint("blog");
        bp.get("/", blog::index);
        bp.route("/create", Set.of("GET", "POST"), Auth.loginRequired(blog::create));
        bp.route("/<int:id>/update", Set.of("GET", "POST"), "update", Auth.loginRequired(blog::update));
        bp.route("/<int:id>/delete", Set.of("POST"), "delete", Auth.loginRequired(Blog::delete));
        return bp;
    }
    // end::blueprint[]

    // tag::index[]
    private Object index(Request request) throws SQLException {
        List<Map<String, Object>> posts = Database.of(request).query(POST_WITH_AUTHOR + " ORDER BY created DESC");
        return templates.render("blog/index.html", Map.of("posts", posts));
    }
    // end::index[]

    // tag::get-post[]
    /**
     * flaskr's {@code get_post}: the post with its author's name; 404 when there is none, 403 when
     * the logged-in user did not write it.
     */
    static Map<String, Object> post(Request request, int id, boolean checkAuthor) throws SQLException {
        Map<String, Object> post = Database.of(request).queryOne(POST_WITH_AUTHOR + " WHERE p.id = ?", id)
                .orElseThrow(() -> HttpError.of(404, "Post id " + id + " doesn't exist."));
        if (checkAuthor && !post.get("author_id").equals(Auth.user(request).orElseThrow().get("id"))) {
            throw HttpError.of(403);
        }
        return post;
    }
    // end::get-post[]

    // tag::create[]
    private Object create(Request request) throws SQLException {
        if (request.method().equals("POST")) {
            String title = request.form().get("title");
            String body = request.form().get("body");
            if (title.isEmpty()) {
                Flash.flash(request, "Title is required.");
            } else {
                Database.of(request).execute("INSERT INTO post (title, body, author_id) VALUES (?, ?, ?)",
                        title, body, Auth.user(request).orElseThrow().get("id"));
                return Response.redirect(request.urlFor("blog.index", Map.of()));
            }
        }
        return templates.render("blog/create.html", Map.of());
    }
    // end::create[]

    // tag::update[]
    private Object update(Request request) throws SQLException {
        int id = request.viewArg("id", Integer.class);
        Map<String, Object> post = post(request, id, true);
        if (request.method().equals("POST")) {
            String title = request.form().get("title");
            String body = request.form().get("body");
            if (title.isEmpty()) {
                Flash.flash(request, "Title is required.");
            } else {
                Database.of(request).execute("UPDATE post SET title = ?, body = ? WHERE id = ?", title, body, id);
                return Response.redirect(request.urlFor("blog.index", Map.of()));
            }
        }
        return templates.render("blog/update.html", Map.of("post", post));
    }
    // end::update[]

    // tag::delete[]
    private static Object delete(Request request) throws SQLException {
        int id = request.viewArg("id", Integer.class);
        post(request, id, true);
        Database.of(request).execute("DELETE FROM post WHERE id = ?", id);
        return Response.redirect(request.urlFor("blog.index", Map.of()));
    }
    // end::delete[]
}
