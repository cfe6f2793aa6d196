package dev.carafe;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The per-client data kept between requests, Flask's {@code session}: a small map of names to
 * JSON-friendly values that a {@link SessionStore} loads at the start of a request and saves with
 * its response.
 *
 * <pre>{@code
 * request.session().put("user_id", user.id());
 * Optional<Object> userId = request.session().get("user_id");
 * request.session().clear();   // log out
 * }</pre>
 *
 * <p>Reading marks the session {@linkplain #accessed() accessed} (responses then vary on the
 * cookie); changing it marks it {@linkplain #modified() modified} (the store then saves it).
 * Without a configured store the session is always empty and every change fails with a message
 * saying how to configure one.
 */
public interface Session {

    /**
     * Creates an in-memory session holding a copy of some values, for session stores and tests.
     *
     * @param values the values the client's session held
     * @return a session that is neither accessed nor modified yet
     */
    static Session of(Map<String, ?> values) {
        return new MapSession(values);
    }

    /**
     * Reads a value.
     *
     * @param key the name
     * @return the value, or empty when the session has none under that name
     */
    Optional<Object> get(String key);

    /**
     * Reads a value of an expected type. A whole number is converted to the integral type asked for
     * ({@code Integer}, {@code Long}, {@code BigInteger}) when it fits: a signed cookie gives whole
     * numbers back as the smallest of these that holds them, so {@code put("id", 5L)} in one request
     * and {@code get("id", Long.class)} in the next reads 5.
     *
     * @param key the name
     * @param type the type the value must have
     * @param <T> the type
     * @return the value, or empty when absent
     * @throws ClassCastException when the value has another type, naming both, or is a whole number
     *     that does not fit in the type asked for
     */
    <T> Optional<T> get(String key, Class<T> type);

    /**
     * Stores a value.
     *
     * @param key the name
     * @param value the value; not null (use {@link #remove})
     * @throws IllegalStateException when no session store is configured
     */
    void put(String key, Object value);

    /**
     * Removes a value.
     *
     * @param key the name
     * @return the value it had, or empty
     * @throws IllegalStateException when no session store is configured
     */
    Optional<Object> remove(String key);

    /**
     * Removes every value (a logout).
     *
     * @throws IllegalStateException when no session store is configured
     */
    void clear();

    /**
     * Tells whether a name has a value.
     *
     * @param key the name
     * @return true when present
     */
    boolean contains(String key);

    /** @return the names that have values, in insertion order, unmodifiable */
    Set<String> keys();

    /** @return the values as an unmodifiable copy, for a store that serialises them */
    Map<String, Object> asMap();

    /** @return true when the session should outlive the browser session (Flask's {@code session.permanent}) */
    boolean permanent();

    /**
     * Makes the session permanent (kept for the store's lifetime) or not (until the browser closes).
     *
     * @param permanent the new value
     * @throws IllegalStateException when no session store is configured
     */
    void permanent(boolean permanent);

    /** @return true once anything changed in this request */
    boolean modified();

    /**
     * Marks the session changed, Flask's {@code session.modified = True}: for a change made inside a
     * value, which the session cannot see. {@code get} returns the stored list or map itself, so
     * {@code ((List<Object>) session.get("cart").orElseThrow()).add(item)} changes it in this request
     * only, unless the session is marked (or the value is {@code put} again) so that the store saves it.
     *
     * @throws IllegalStateException when no session store is configured
     */
    void markModified();

    /** @return true once anything was read or changed in this request */
    boolean accessed();
}
