package dev.carafe;

/**
 * A request body, or a part of it, broke one of the {@link BodyLimits}; the App answers 413
 * Content Too Large with the message, which names the size, the limit and how to raise it.
 */
final class BodyTooLargeException extends RuntimeException {

    private final String limit;

    /**
     * @param limit the name of the limit that was broken, for example {@code maxFormMemorySize}
     * @param message the whole message
     */
    BodyTooLargeException(String limit, String message) {
        super(message);
        this.limit = limit;
    }

    /** Returns the name of the broken limit, for example {@code maxContentLength}. */
    String limit() {
        return limit;
    }
}
