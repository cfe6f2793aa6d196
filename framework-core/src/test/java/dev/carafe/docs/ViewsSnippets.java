package dev.carafe.docs;

import dev.carafe.App;
import dev.carafe.Blueprint;
import dev.carafe.Request;
import dev.carafe.Response;
import dev.carafe.annotation.Body;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The code of docs/views.md; ViewsSnippetsTest runs it. */
final class ViewsSnippets {

    private ViewsSnippets() {
    }

    /** A user of the example API. */
    record User(int id, String name) {
    }

    // tag::views[]
    /** One user: GET, PUT and DELETE /users/<int:id>. */
    static final class UserItem {
        private final Map<Integer, User> users;

        UserItem(Map<Integer, User> users) {
            this.users = users;
        }

        public Optional<User> get(int id) {                  // empty: 404
            return Optional.ofNullable(users.get(id));
        }

        public User put(int id, @Body User user) {           // the JSON body, as a record
            users.put(id, user);
            return user;
        }

        public void delete(int id) {                         // void: 204 No Content
            users.remove(id);
        }
    }

    /** The collection: GET and POST /users. */
    static final class UserList {
        private final Map<Integer, User> users;

        UserList(Map<Integer, User> users) {
            this.users = users;
        }

        public List<User> get() {
            return List.copyOf(users.values());
        }

        public Response post(@Body User user, Request request) {
            users.put(user.id(), user);
            return Response.json(user).withStatus(201)
                    .withHeader("Location", request.urlFor("users.id", Map.of("id", user.id())));
        }
    }
    // end::views[]

    static App app() {
        // tag::register[]
        Map<Integer, User> users = new ConcurrentHashMap<>();   // views are shared by all requests: thread-safe state
        App app = new App();
        app.view("/users", new UserList(users));                 // endpoint users
        app.view("/users/<int:id>", new UserItem(users));        // endpoint users.id
        // PATCH /users/1 → 405 with Allow: DELETE, GET, HEAD, PUT, OPTIONS
        // end::register[]
        return app;
    }

    static App blueprint() {
        Map<Integer, User> users = new ConcurrentHashMap<>();
        // tag::blueprint[]
        Blueprint api = new Blueprint("api").urlPrefix("/api");
        api.view("/users/<int:id>", "user", new UserItem(users));   // endpoint api.user, rule /api/users/<int:id>
        App app = new App().register(api);
        // end::blueprint[]
        users.put(1, new User(1, "ada"));
        return app;
    }
}
