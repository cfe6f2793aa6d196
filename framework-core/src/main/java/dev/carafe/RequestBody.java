package dev.carafe;

import dev.carafe.gateway.Environ;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Supplier;

/** The body of one request: the gateway input behind the App's maximum content length, read at most once. */
final class RequestBody {

    private final Map<String, Object> environ;
    private final Supplier<OptionalLong> maxContentLength;
    private InputStream stream;
    private byte[] bytes;

    RequestBody(Map<String, Object> environ, Supplier<OptionalLong> maxContentLength) {
        this.environ = environ;
        this.maxContentLength = maxContentLength;
    }

    /** @return the value of {@code CONTENT_LENGTH}, empty when absent or not a number */
    OptionalLong declaredLength() {
        Object value = environ.get(Environ.CONTENT_LENGTH);
        if (value instanceof String text && !text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9')
                && text.length() < 19) {
            return OptionalLong.of(Long.parseLong(text));
        }
        return OptionalLong.empty();
    }

    /** @return the stream, limited; a fresh stream over the bytes once {@link #bytes()} read them */
    InputStream stream() {
        if (bytes != null) {
            return new ByteArrayInputStream(bytes);
        }
        if (stream == null) {
            OptionalLong max = maxContentLength.get();
            OptionalLong declared = declaredLength();
            if (max.isPresent() && declared.isPresent() && declared.getAsLong() > max.getAsLong()) {
                throw tooLarge(declared.getAsLong() + " bytes (Content-Length)", max.getAsLong());
            }
            InputStream input = (InputStream) environ.getOrDefault(Environ.GATEWAY_INPUT, InputStream.nullInputStream());
            if (!Boolean.TRUE.equals(environ.get(Environ.GATEWAY_INPUT_TERMINATED))) {
                input = new LimitedInput(input, declared.orElse(0), () -> null);
            }
            stream = max.isPresent() ? new LimitedInput(input, max.getAsLong(),
                    () -> tooLarge("more than " + max.getAsLong() + " bytes", max.getAsLong())) : input;
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

    static HttpError.PayloadTooLarge tooLarge(String size, long max) {
        return new HttpError.PayloadTooLarge("The request body is " + size + ", more than the maximum content "
                + "length of " + max + " bytes.");
    }
}
