package dev.carafe;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The session of an App without a session store: always empty; any change fails saying how to configure a store. */
final class NullSession implements Session {

    static final String UNAVAILABLE = "the session is unavailable because no session store is configured. Set a "
            + "secret key before the first request (app.secretKey(...), or SECRET_KEY in app.config()) to keep "
            + "sessions in signed cookies, or set another store with app.sessionStore(store).";

    private boolean accessed;

    @Override
    public Optional<Object> get(String key) {
        accessed = true;
        return Optional.empty();
    }

    @Override
    public <T> Optional<T> get(String key, Class<T> type) {
        accessed = true;
        return Optional.empty();
    }

    @Override
    public void put(String key, Object value) {
        throw unavailable("put \"" + key + "\" in the session");
    }

    @Override
    public Optional<Object> remove(String key) {
        throw unavailable("remove \"" + key + "\" from the session");
    }

    @Override
    public void clear() {
        throw unavailable("clear the session");
    }

    @Override
    public void markModified() {
        throw unavailable("mark the session modified");
    }

    @Override
    public boolean contains(String key) {
        accessed = true;
        return false;
    }

    @Override
    public Set<String> keys() {
        accessed = true;
        return Set.of();
    }

    @Override
    public Map<String, Object> asMap() {
        accessed = true;
        return Map.of();
    }

    @Override
    public boolean permanent() {
        return false;
    }

    @Override
    public void permanent(boolean permanent) {
        throw unavailable("make the session permanent");
    }

    @Override
    public boolean modified() {
        return false;
    }

    @Override
    public boolean accessed() {
        return accessed;
    }

    private static IllegalStateException unavailable(String action) {
        return new IllegalStateException("Cannot " + action + ": " + UNAVAILABLE);
    }
}
