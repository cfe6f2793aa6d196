package dev.carafe;

import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** The ordinary in-memory {@link Session}: a map that records reads and changes. */
final class MapSession implements Session {

    /** Where {@link #permanent()} is kept among the values, as Flask keeps {@code _permanent}. */
    static final String PERMANENT_KEY = "_permanent";

    private final Map<String, Object> values;
    private boolean modified;
    private boolean accessed;

    MapSession(Map<String, ?> values) {
        this.values = new LinkedHashMap<>(values);
    }

    @Override
    public Optional<Object> get(String key) {
        accessed = true;
        return Optional.ofNullable(values.get(key));
    }

    @Override
    public <T> Optional<T> get(String key, Class<T> type) {
        return get(key).map(value -> {
            if (type.isInstance(value)) {
                return type.cast(value);
            }
            if (isWhole(value) && isWhole(type)) {
                return type.cast(convertWhole(key, value, type));
            }
            throw new ClassCastException("Session value '" + key + "' is a " + value.getClass().getName()
                    + " (" + value + "), not a " + type.getName() + "; read it with the type it was stored with.");
        });
    }

    private static boolean isWhole(Object value) {
        return value instanceof Integer || value instanceof Long || value instanceof BigInteger;
    }

    private static boolean isWhole(Class<?> type) {
        return type == Integer.class || type == Long.class || type == BigInteger.class;
    }

    /**
     * A whole number as the type asked for. A signed cookie gives whole numbers back as the smallest
     * of Integer, Long and BigInteger that holds them, so a Long stored in one request may be an
     * Integer in the next; it is converted when it fits.
     */
    private static Object convertWhole(String key, Object value, Class<?> type) {
        BigInteger number = value instanceof BigInteger
                ? (BigInteger) value
                : BigInteger.valueOf(((Number) value).longValue());
        try {
            if (type == Integer.class) {
                return number.intValueExact();
            }
            if (type == Long.class) {
                return number.longValueExact();
            }
            return number;
        } catch (ArithmeticException e) {
            String wider = type == Integer.class ? "Long or BigInteger" : "BigInteger";
            throw new ClassCastException("Session value '" + key + "' is " + number + ", which does not fit in a "
                    + type.getName() + "; read it as a " + wider + ".");
        }
    }

    @Override
    public void markModified() {
        accessed = true;
        modified = true;
    }

    @Override
    public void put(String key, Object value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, () -> "Session value '" + key + "' is null; use remove(\"" + key + "\") instead.");
        accessed = true;
        modified = true;
        values.put(key, value);
    }

    @Override
    public Optional<Object> remove(String key) {
        accessed = true;
        Object old = values.remove(key);
        modified |= old != null;
        return Optional.ofNullable(old);
    }

    @Override
    public void clear() {
        accessed = true;
        modified |= !values.isEmpty();
        values.clear();
    }

    @Override
    public boolean contains(String key) {
        accessed = true;
        return values.containsKey(key);
    }

    @Override
    public Set<String> keys() {
        accessed = true;
        return Collections.unmodifiableSet(values.keySet());
    }

    @Override
    public Map<String, Object> asMap() {
        accessed = true;
        return Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    @Override
    public boolean permanent() {
        return Boolean.TRUE.equals(values.get(PERMANENT_KEY));
    }

    @Override
    public void permanent(boolean permanent) {
        if (permanent) {
            put(PERMANENT_KEY, true);
        } else {
            remove(PERMANENT_KEY);
        }
    }

    @Override
    public boolean modified() {
        return modified;
    }

    @Override
    public boolean accessed() {
        return accessed;
    }

    @Override
    public String toString() {
        return "Session" + values;
    }
}
