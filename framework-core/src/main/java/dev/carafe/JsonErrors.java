package dev.carafe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.exc.InvalidDefinitionException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * Turns Jackson's read failures into exceptions with the status they deserve: the client's
 * mistakes become {@link MalformedBodyException} (400) with the location, the path of the value
 * and the expected type; failures of the body stream and of the target type itself (a class Jackson
 * cannot construct: the application's mistake) are rethrown as they are.
 */
final class JsonErrors {

    private JsonErrors() {
    }

    /**
     * Returns the exception to throw for a failed read.
     *
     * @throws UncheckedIOException if the body could not be read
     * @throws BodyTooLargeException if the body broke a limit while Jackson was reading it
     * @throws IllegalArgumentException if the target type cannot be read from JSON at all
     */
    static MalformedBodyException translate(JacksonException e, JavaType target) throws IOException {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLargeException tooLarge) {
                throw tooLarge;
            }
        }
        if (e instanceof JacksonIOException io) {
            throw io.getCause();
        }
        String expected = name(target);
        if (e instanceof InvalidDefinitionException) {
            throw new IllegalArgumentException("Cannot read JSON as " + expected + ": " + e.getOriginalMessage(), e);
        }
        if (e instanceof StreamReadException) {
            if (e.getOriginalMessage().startsWith("Unexpected end-of-input")) {
                return new MalformedBodyException("malformed JSON" + at(e) + ": the body ended in the middle of a value; "
                        + e.getOriginalMessage(), e);
            }
            return new MalformedBodyException("malformed JSON" + at(e) + ": " + e.getOriginalMessage(), e);
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            List<String> known = unknown.getKnownPropertyIds().stream().map(String::valueOf).collect(Collectors.toList());
            String owner = unknown.getReferringClass().getSimpleName();
            return new MalformedBodyException("unknown property " + path(e) + at(e) + " for " + owner
                    + "; expected one of " + known + ". Remove it or fix its name", e);
        }
        if (e instanceof ValueInstantiationException && e.getCause() != null) {
            return new MalformedBodyException("invalid JSON value at " + path(e) + at(e) + " for " + expected + ": "
                    + e.getCause().getMessage(), e);
        }
        if (e instanceof MismatchedInputException mismatch) {
            if (mismatch.getOriginalMessage().startsWith("No content to map")) {
                return new MalformedBodyException("the request body is empty; expected JSON for " + expected, e);
            }
            String wanted = mismatch.getTargetType() == null ? expected : mismatch.getTargetType().getSimpleName();
            return new MalformedBodyException("invalid JSON value at " + path(e) + at(e) + ": expected " + wanted
                    + "; " + e.getOriginalMessage(), e);
        }
        return new MalformedBodyException("invalid JSON for " + expected + at(e) + ": " + e.getOriginalMessage(), e);
    }

    /** Returns the JSON path of the failing value, such as {@code 'items[0].title'}, or {@code the document root}. */
    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "the document root" : "'" + path + "'";
    }

    private static String at(JacksonException e) {
        TokenStreamLocation location = e.getLocation();
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static String name(JavaType type) {
        return type.isContainerType() || type.hasGenericTypes() ? type.toCanonical() : type.getRawClass().getSimpleName();
    }
}
