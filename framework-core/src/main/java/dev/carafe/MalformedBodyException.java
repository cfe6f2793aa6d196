package dev.carafe;

/**
 * A request body, or a header describing it, could not be parsed; the App answers 400 Bad
 * Request. The message quotes the offending text and says what was expected.
 */
final class MalformedBodyException extends RuntimeException {

    MalformedBodyException(String message) {
        super(message);
    }

    MalformedBodyException(String message, Throwable cause) {
        super(message, cause);
    }
}
