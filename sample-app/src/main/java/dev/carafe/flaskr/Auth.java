package dev.carafe.flaskr;

import dev.carafe.Blueprint;
import dev.carafe.Flash;
import dev.carafe.Handler;
import dev.carafe.Request;
import dev.carafe.Response;
import dev.carafe.templates.Templates;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * flaskr's {@code auth} blueprint, under {@code /auth}: register, log in, log out; the logged-in
 * user loaded before every request of the App; {@link #loginRequired} for views that need one.
 */
final class Auth {

    private final Templates templates;

    private Auth(Templates templates) {
        this.templates = templates;
    }

    // tag::blueprint[]
    static Blueprint blueprint(Templates templates) {
        Auth auth = new Auth(templates);
        Blueprint bp = new Blueprint("auth").urlPrefix("/auth");
        bp.route("/register", Set.of("GET", "POST"), auth::register);
        bp.route("/login", Set.of("GET", "POST"), auth::login);
        bp.get("/logout", Auth::logout);
        bp.beforeAppRequest(Auth::loadLoggedInUser);
        return bp;
    }
    // end::blueprint[]

    // tag::register[]
    private Object register(Request request) throws SQLException {
        if (request.method().equals("POST")) {
            String username = request.form().get("username");     // missing field: 400 Bad Request
            String password = request.form().get("password");
            Optional<String> error = Optional.empty();
            if (username.isEmpty()) {
                error = Optional.of("Username is required.");
            } else if (password.isEmpty()) {
                error = Optional.of("Password is required.");
            }
            if (error.isEmpty()) {
                try {
                    Database.of(request).execute("INSERT INTO user (username, password) VALUES (?, ?)",
                            username, Passwords.hash(password));
                    return Response.redirect(request.urlFor("auth.login", Map.of()));
                } catch (SQLException e) {
                    if (!Database.isIntegrityError(e)) {
                        throw e;
                    }
                    error = Optional.of("User " + username + " is already registered.");
                }
            }
            Flash.flash(request, error.get());
        }
        return templates.render("auth/register.html", Map.of());
    }
    // end::register[]

    // tag::login[]
    private Object login(Request request) throws SQLException {
        if (request.method().equals("POST")) {
            String username = request.form().get("username");
            String password = request.form().get("password");
            Optional<Map<String, Object>> user = Database.of(request)
                    .queryOne("SELECT * FROM user WHERE username = ?", username);
            String error;
            if (user.isEmpty()) {
                error = "Incorrect username.";
            } else if (!Passwords.check((String) user.get().get("password"), password)) {
                error = "Incorrect password.";
            } else {
                request.session().clear();
                request.session().put("user_id", user.get().get("id"));
                return Response.redirect(request.urlFor("index", Map.of()));
            }
            Flash.flash(request, error);
        }
        return templates.render("auth/login.html", Map.of());
    }
    // end::login[]

    // tag::logout[]
    private static Object logout(Request request) {
        request.session().clear();
        return Response.redirect(request.urlFor("index", Map.of()));
    }
    // end::logout[]

    // tag::load-user[]
    /** Before every request of the App: {@code g.user} is the logged-in user's row, or absent. */
    private static Optional<Response> loadLoggedInUser(Request request) throws SQLException {
        Optional<Object> userId = request.session().get("user_id");
        if (userId.isPresent()) {
            Database.of(request).queryOne("SELECT * FROM user WHERE id = ?", userId.get())
                    .ifPresent(user -> request.g().put("user", user));
        }
        return Optional.empty();
    }
    // end::load-user[]

    /**
     * The logged-in user's row ({@code g.user}), set by {@link #loadLoggedInUser}.
     *
     * @param request the request
     * @return the user, or empty for an anonymous request
     */
    @SuppressWarnings("unchecked")
    static Optional<Map<String, Object>> user(Request request) {
        return Optional.ofNullable((Map<String, Object>) request.g().get("user"));
    }

    // tag::login-required[]
    /** flaskr's {@code @login_required}: anonymous requests are sent to the login page first. */
    static Handler loginRequired(Handler view) {
        return request -> user(request).isPresent()
                ? view.handle(request)
                : Response.redirect(request.urlFor("auth.login", Map.of()));
    }
    // end::login-required[]
}
