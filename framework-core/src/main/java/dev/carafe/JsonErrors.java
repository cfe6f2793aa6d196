package dev.carafe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * and the expected type, in words for the client (no Java class names, no parser internals; the
 * cause keeps Jackson's own message for the log); failures of the body stream and of the target type itself (a class Jackson
 * cannot construct: the application's mistake) are rethrown as they are.
 */
final class JsonErrors {

    /** Jackson's "from String \"many\"" or "from Array value": what the client sent instead. */
    private static final Pattern FOUND = Pattern.compile(" from (String|Array|Object|Boolean|Integer|Floating-point)"
            + "(?: value)?(?: \"([^\"]{0,40})\")?");

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
            String original = mismatch.getOriginalMessage();
            if (original.startsWith("No content to map")) {
                return new MalformedBodyException("the request body is empty; expected JSON for " + expected, e);
            }
            if (original.startsWith("Trailing token")) {
                return new MalformedBodyException("invalid JSON" + at(e) + ": content after the JSON value; send "
                        + "one JSON value", e);
            }
            String wanted = mismatch.getTargetType() == null ? expected : name(mismatch.getTargetType());
            return new MalformedBodyException("invalid JSON value at " + path(e) + at(e) + ": expected " + wanted
                    + found(original), e);
        }
        // Jackson's own words name Java types and its internals: the client gets the place only (the cause keeps them).
        return new MalformedBodyException("invalid JSON for " + expected + at(e), e);
    }

    /**
     * What the client sent instead, in JSON's words, read from Jackson's message (which the client
     * does not see: it names Java types and tokens): {@code , got the string "many"}, or nothing.
     */
    private static String found(String original) {
        if (original.contains("Cannot map `null`")) {
            return ", got null";
        }
        Matcher m = FOUND.matcher(original);
        if (!m.find()) {
            return "";
        }
        return switch (m.group(1)) {
            case "String" -> m.group(2) == null ? ", got a string" : ", got the string \"" + m.group(2) + "\"";
            case "Array" -> ", got an array";
            case "Object" -> ", got an object";
            case "Boolean" -> ", got true or false";
            case "Integer", "Floating-point" -> ", got a number";
            default -> "";
        };
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

    /** The expected type as a client can read it: JSON's kind for maps and collections, else the simple name. */
    private static String name(JavaType type) {
        return name(type.getRawClass());
    }

    private static String name(Class<?> type) {
        if (Map.class.isAssignableFrom(type)) {
            return "a JSON object";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a JSON array";
        }
        return type.getSimpleName();
    }
}
