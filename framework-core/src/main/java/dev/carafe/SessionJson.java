package dev.carafe;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON payload of a signed session cookie: the session's values as one JSON object, names in
 * insertion order. Only values that come back as they went in are accepted: strings, booleans,
 * whole numbers ({@code Integer}, {@code Long}, {@code BigInteger}, read back as the smallest of
 * these that holds them), finite {@code Double}s, {@code List}s, and {@code Map}s with string keys,
 * with {@code null} allowed inside lists and maps.
 */
final class SessionJson {

    private static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final JsonMapper mapper = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /**
     * Writes the values.
     *
     * @throws IllegalArgumentException naming the key, the path inside it and the type, for a value JSON cannot keep
     */
    byte[] write(Map<String, Object> values) {
        values.forEach((key, value) -> check(key, key, value));
        return mapper.writeValueAsBytes(values);
    }

    /**
     * Reads values written by {@link #write}.
     *
     * @throws JacksonException when the payload is not a JSON object
     */
    Map<String, Object> read(byte[] json) {
        return mapper.readValue(json, OBJECT);
    }

    private static void check(String key, String path, Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
                || value instanceof Long || value instanceof BigInteger) {
            return;
        }
        if (value instanceof Double number) {
            if (number.isNaN() || number.isInfinite()) {
                throw refused(key, path, value, "a " + number + " double, which JSON cannot hold");
            }
            return;
        }
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                check(key, path + "[" + i + "]", list.get(i));
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String name)) {
                    throw refused(key, path, value, "a map with the key " + entry.getKey() + " of type "
                            + (entry.getKey() == null ? "null" : entry.getKey().getClass().getName())
                            + "; JSON object keys are strings");
                }
                check(key, path + "." + name, entry.getValue());
            }
            return;
        }
        throw refused(key, path, value, "a " + value.getClass().getName());
    }

    private static IllegalArgumentException refused(String key, String path, Object value, String what) {
        String where = path.equals(key) ? "" : " (at " + path + ")";
        return new IllegalArgumentException("Session value '" + key + "'" + where + " is " + what + " (" + value
                + "), which a signed cookie session cannot keep: it holds JSON values only (String, Boolean, "
                + "Integer, Long, BigInteger, Double, List, and Map with String keys; null inside lists and maps). "
                + "Store a JSON-friendly form instead, such as an id or a string.");
    }
}
