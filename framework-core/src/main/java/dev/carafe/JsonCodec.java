package dev.carafe;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The App's JSON: one Jackson 3 {@link JsonMapper} that writes response bodies and reads request
 * bodies, with errors a client can act on.
 *
 * <p>The {@link #defaults()} mapper:
 * <ul>
 *   <li>writes properties in declaration order: record components and POJO fields as declared
 *       (Jackson 3 sorts them alphabetically unless {@code SORT_PROPERTIES_ALPHABETICALLY} is off);</li>
 *   <li>writes {@code java.time} values as ISO-8601 strings ({@code "2026-11-24"},
 *       {@code "2026-11-24T02:50:00Z"}) and durations as {@code "PT1M"};</li>
 *   <li>writes an object without properties as {@code {}} instead of failing;</li>
 *   <li>rejects unknown properties on reads, naming the property and the known ones: a typo in a
 *       client's field name is a 400, not a silently missing value (annotate a type with
 *       {@code @JsonIgnoreProperties(ignoreUnknown = true)} to accept extra properties);</li>
 *   <li>rejects trailing content after the JSON value, and {@code null} for primitives;</li>
 *   <li>writes compact UTF-8 without a trailing newline.</li>
 * </ul>
 *
 * <p>A body that is not valid JSON, or whose values do not fit the target type, throws
 * {@link MalformedBodyException} (400) whose message carries the line and column, the path of the
 * offending value and the expected type (see {@link JsonErrors}).
 */
final class JsonCodec {

    private final JsonMapper mapper;

    private JsonCodec(JsonMapper mapper) {
        this.mapper = mapper;
    }

    /** Returns a codec with Carafe's default mapper (see the class comment). */
    static JsonCodec defaults() {
        return new JsonCodec(JsonMapper.builder()
                .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .disable(SerializationFeature.INDENT_OUTPUT)
                .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS, DateTimeFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                        DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build());
    }

    /** Returns a codec with the user's own mapper, used as it is configured. */
    static JsonCodec of(JsonMapper mapper) {
        return new JsonCodec(Objects.requireNonNull(mapper, "mapper"));
    }

    /** Returns the mapper, for conversions such as {@code convertValue}. */
    JsonMapper mapper() {
        return mapper;
    }

    /**
     * Writes a value as compact UTF-8 JSON.
     *
     * @throws IllegalArgumentException naming the value's type and Jackson's reason if it cannot be written
     */
    byte[] write(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("Cannot write a " + (value == null ? "null" : value.getClass().getName())
                    + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Reads one JSON value of the given class from a body; the stream is read, not closed.
     *
     * @throws MalformedBodyException (400) if the body is not JSON or does not fit the type
     * @throws IOException if reading the body fails
     */
    <T> T read(InputStream body, Class<T> type) throws IOException {
        return read(body, mapper.constructType(type));
    }

    /**
     * Reads one JSON value of the given type (for example {@code List<Post>}) from a body; the
     * stream is read, not closed.
     *
     * @throws MalformedBodyException (400) if the body is not JSON or does not fit the type
     * @throws IOException if reading the body fails
     */
    <T> T read(InputStream body, JavaType type) throws IOException {
        try {
            return mapper.readValue(unclosed(body), type);
        } catch (JacksonException e) {
            throw JsonErrors.translate(e, type);
        }
    }

    /** Returns the Jackson type of a reflected type, such as a parameter's generic type. */
    JavaType type(Type type) {
        return mapper.constructType(type);
    }

    private static InputStream unclosed(InputStream body) {
        return new FilterInputStream(body) {
            @Override
            public void close() {
                // the body belongs to the server: gateway.input is never closed by applications
            }
        };
    }
}
