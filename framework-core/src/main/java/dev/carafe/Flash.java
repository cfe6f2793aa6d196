package dev.carafe;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Message flashing, Flask's {@code flash} and {@code get_flashed_messages}: a handler records a
 * message for the user, and the next page that shows messages shows it once, typically after a
 * redirect.
 *
 * <pre>{@code
 * app.post("/posts", request -> {
 *     if (request.form().get("title").isBlank()) {
 *         Flash.flash(request, "Title is required.", "error");
 *         return editPage(request);                    // shows it in this very response
 *     }
 *     Flash.flash(request, "Post created.");
 *     return Response.redirect("/");                   // shows it on the next page
 * });
 * app.get("/", request -> Response.text(Flash.messages(request).stream()
 *         .map(message -> message.category() + ": " + message.text() + "\n")
 *         .collect(Collectors.joining())));
 * }</pre>
 *
 * <p>Messages are kept in the session under {@code _flashes}, as a list of
 * {@code [category, message]} pairs, so flashing needs a session store (a secret key). The first
 * call of {@link #messages} in a request takes every message out of the session, including those
 * flashed earlier in the same request, and keeps them for the rest of the request: later calls in
 * that request return the same messages. A message flashed after that first call waits for the next
 * request.
 */
public final class Flash {

    /** The session key of the pending messages, as in Flask. */
    static final String SESSION_KEY = "_flashes";

    /** The environ key where a request keeps the messages it took out of the session. */
    static final String ENVIRON_KEY = "carafe.flashes";

    /** The category of a message flashed without one. */
    public static final String DEFAULT_CATEGORY = "message";

    private Flash() {
    }

    /**
     * A flashed message.
     *
     * @param category its category, for example {@code message}, {@code error} or {@code info}
     * @param text the message
     */
    public record Message(String category, String text) {

        /**
         * Creates a message.
         *
         * @throws NullPointerException if a part is null
         */
        public Message {
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * Flashes a message in the category {@code message}.
     *
     * @param request the request being handled
     * @param message the message
     * @throws IllegalStateException when the App has no session store
     */
    public static void flash(Request request, String message) {
        flash(request, message, DEFAULT_CATEGORY);
    }

    /**
     * Flashes a message in a category.
     *
     * @param request the request being handled
     * @param message the message
     * @param category the category, for example {@code error}
     * @throws IllegalStateException when the App has no session store, saying how to configure one
     */
    public static void flash(Request request, String message, String category) {
        Message flashed = new Message(category, message);
        Session session = request.session();
        List<Object> pending = new ArrayList<>(stored(session.get(SESSION_KEY)));
        pending.add(List.of(flashed.category(), flashed.text()));
        session.put(SESSION_KEY, pending);
    }

    /**
     * Returns the flashed messages of this request, oldest first: on the first call they are taken
     * out of the session; later calls in the same request return the same messages.
     *
     * @param request the request being handled
     * @param categories only messages in these categories; none means every message
     * @return the messages, unmodifiable
     * @throws IllegalStateException when the session's {@code _flashes} is not a list of
     *     {@code [category, message]} pairs
     */
    public static List<Message> messages(Request request, String... categories) {
        List<Message> messages = taken(request);
        if (categories.length == 0) {
            return messages;
        }
        Set<String> wanted = Set.of(categories);
        return messages.stream().filter(message -> wanted.contains(message.category())).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Message> taken(Request request) {
        Object cached = request.environ().get(ENVIRON_KEY);
        if (cached != null) {
            return (List<Message>) cached;
        }
        Session session = request.session();
        Optional<Object> pending = session.contains(SESSION_KEY) ? session.remove(SESSION_KEY) : Optional.empty();
        List<Message> messages = new ArrayList<>();
        for (Object pair : stored(pending)) {
            messages.add(message(pair, pending.get()));
        }
        List<Message> taken = List.copyOf(messages);
        request.environ().put(ENVIRON_KEY, taken);
        return taken;
    }

    private static List<?> stored(Optional<Object> pending) {
        if (pending.isEmpty()) {
            return List.of();
        }
        if (pending.get() instanceof List<?> list) {
            return list;
        }
        throw notPairs(pending.get());
    }

    private static Message message(Object pair, Object all) {
        if (pair instanceof List<?> list && list.size() == 2 && list.get(0) instanceof String category
                && list.get(1) instanceof String text) {
            return new Message(category, text);
        }
        throw notPairs(all);
    }

    private static IllegalStateException notPairs(Object value) {
        return new IllegalStateException("The session value '" + SESSION_KEY + "' is " + value + ", not a list of "
                + "[category, message] pairs; '" + SESSION_KEY + "' is where Flash keeps messages, so store other "
                + "values under another name.");
    }
}
