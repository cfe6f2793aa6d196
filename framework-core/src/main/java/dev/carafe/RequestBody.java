package dev.carafe;

import dev.carafe.gateway.Environ;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import tools.jackson.databind.JavaType;

/**
 * The body of one request: the gateway input behind the App's limits, read at most once, as
 * bytes, a form or JSON. The parsed form is closed (spooled uploads deleted) when the request ends.
 */
final class RequestBody implements AutoCloseable {

    private final Map<String, Object> environ;
    private final Supplier<App> app;
    private InputStream stream;
    private byte[] bytes;
    private FormData form;
    /** This request's own limits, set by the handler or a before-function; null: the App's. */
    private BodyLimits limits;

    RequestBody(Map<String, Object> environ, Supplier<App> app) {
        this.environ = environ;
        this.app = app;
    }

    /** @return the limits this request's body is read under: its own if set, else the App's */
    BodyLimits limits() {
        return limits != null ? limits : app.get().settings.limits;
    }

    /**
     * Changes this request's limits, before its body is read.
     *
     * @throws IllegalStateException once the body was read (the limits it was read under are final)
     */
    void limits(UnaryOperator<BodyLimits> change) {
        if (stream != null || bytes != null || form != null) {
            throw new IllegalStateException("The body of this request was already read, so its limits can no longer "
                    + "change; set them in a before-function, or in the handler before it reads the body.");
        }
        limits = change.apply(limits());
    }

    /** @return the value of {@code CONTENT_LENGTH}, empty when absent or not a number */
    OptionalLong declaredLength() {
        Object value = environ.get(Environ.CONTENT_LENGTH);
        if (value instanceof String text && !text.isEmpty() && text.length() < 19
                && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalLong.of(Long.parseLong(text));
        }
        return OptionalLong.empty();
    }

    /** @return the parsed {@code Content-Type}, empty when absent or malformed */
    Optional<MediaType> mediaType() {
        Object value = environ.get(Environ.CONTENT_TYPE);
        return value instanceof String text ? MediaType.tryParse(text) : Optional.empty();
    }

    /** @return the stream, limited; a fresh stream over the bytes once {@link #bytes()} read them */
    InputStream stream() {
        if (bytes != null) {
            return new ByteArrayInputStream(bytes);
        }
        if (stream == null) {
            stream = LimitedInput.of(raw(), declaredLength().orElse(-1), limits());
        }
        return stream;
    }

    /** @return every byte of the body, read once and kept */
    byte[] bytes() {
        if (bytes == null) {
            try {
                bytes = stream().readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read the request body: " + e.getMessage(), e);
            }
        }
        return bytes;
    }

    /** @return the form fields and files; empty unless the body is urlencoded or multipart */
    FormData form() {
        if (form == null) {
            Optional<MediaType> type = mediaType();
            if (type.isEmpty()) {
                form = FormData.empty();
                return form;
            }
            try {
                form = FormParser.parse(stream(), type.get(), bytes != null ? bytes.length
                        : declaredLength().orElse(-1), limits());
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read the request body: " + e.getMessage(), e);
            }
        }
        return form;
    }

    /** Reads the body as JSON of a type, after checking the content type says JSON (415 otherwise). */
    <T> T json(JavaType type) {
        Optional<MediaType> media = mediaType();
        if (media.isEmpty() || !media.get().isJson()) {
            throw new HttpError.UnsupportedMediaType("Expected a JSON body with Content-Type 'application/json'"
                    + media.map(m -> ", got '" + m.essence() + "'").orElse(", got no Content-Type")
                    + ". Send the body as JSON with that Content-Type.");
        }
        try {
            return app.get().settings.json.read(stream(), type);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the request body: " + e.getMessage(), e);
        }
    }

    /** Deletes the temporary files of spooled uploads. */
    @Override
    public void close() {
        if (form != null) {
            form.close();
        }
    }

    /** The gateway input; for a host that does not end it at the body's end, only CONTENT_LENGTH bytes. */
    private InputStream raw() {
        InputStream input = (InputStream) environ.getOrDefault(Environ.GATEWAY_INPUT, InputStream.nullInputStream());
        if (Boolean.TRUE.equals(environ.get(Environ.GATEWAY_INPUT_TERMINATED))) {
            return input;
        }
        long length = declaredLength().orElse(0);
        OptionalLong max = limits().maxContentLength();
        if (max.isPresent() && length > max.getAsLong()) {
            return input;
        }
        try {
            return new ByteArrayInputStream(input.readNBytes((int) Math.min(length, Integer.MAX_VALUE - 8)));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the request body: " + e.getMessage(), e);
        }
    }
}
