package dev.carafe.templates;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A read-only {@link Map} over something that is not one (the render's variables, the session, the
 * config), so that templates use Pebble's map syntax on it: {@code session['user_id']},
 * {@code config.DEBUG}, {@code 'user_id' in session} is {@code session contains 'user_id'}. Lookups
 * go straight to the source; only iteration builds a snapshot.
 */
final class LookupMap implements Map<String, Object> {

    /** What a {@link LookupMap} reads. */
    interface Source {

        /** @return the value of a key, {@code null} when absent (or present with a null value) */
        Object value(String key);

        /** @return whether the key is present */
        boolean has(String key);

        /** @return the keys, in a stable order */
        Set<String> keys();
    }

    private final Source source;

    LookupMap(Source source) {
        this.source = source;
    }

    @Override
    public Object get(Object key) {
        return key instanceof String name ? source.value(name) : null;
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String name && source.has(name);
    }

    @Override
    public int size() {
        return source.keys().size();
    }

    @Override
    public boolean isEmpty() {
        return source.keys().isEmpty();
    }

    @Override
    public boolean containsValue(Object value) {
        return snapshot().containsValue(value);
    }

    @Override
    public Set<String> keySet() {
        return Collections.unmodifiableSet(source.keys());
    }

    @Override
    public Collection<Object> values() {
        return snapshot().values();
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return snapshot().entrySet();
    }

    @Override
    public Object put(String key, Object value) {
        throw readOnly();
    }

    @Override
    public Object remove(Object key) {
        throw readOnly();
    }

    @Override
    public void putAll(Map<? extends String, ?> values) {
        throw readOnly();
    }

    @Override
    public void clear() {
        throw readOnly();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Map<?, ?> map && snapshot().equals(map);
    }

    @Override
    public int hashCode() {
        return snapshot().hashCode();
    }

    @Override
    public String toString() {
        return snapshot().toString();
    }

    private Map<String, Object> snapshot() {
        Map<String, Object> copy = new LinkedHashMap<>();
        for (String key : source.keys()) {
            copy.put(key, source.value(key));
        }
        return Collections.unmodifiableMap(copy);
    }

    private static UnsupportedOperationException readOnly() {
        return new UnsupportedOperationException("This template variable is read-only: change the session, g or "
                + "the config in the handler, before rendering");
    }
}
