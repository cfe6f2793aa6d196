package dev.carafe;

import java.util.Optional;

/** Which HTTP error an exception answers with: itself for an {@link HttpError}, 400 or 413 for body and key errors. */
final class HttpErrors {

    private HttpErrors() {
    }

    /**
     * The HTTP error an exception stands for.
     *
     * @param error the exception thrown
     * @return the HttpError to answer with (the cause is the original), or empty for any other exception
     */
    static Optional<HttpError> translate(Throwable error) {
        HttpError http;
        if (error instanceof HttpError e) {
            return Optional.of(e);
        } else if (error instanceof MultiMap.MissingKey e) {
            http = new HttpError.BadRequest(e.getMessage());
        } else if (error instanceof BodyTooLargeException e) {
            http = new HttpError.PayloadTooLarge(e.getMessage());
        } else if (error instanceof MalformedBodyException e) {
            http = new HttpError.BadRequest(e.getMessage());
        } else {
            return Optional.empty();
        }
        http.initCause(error);
        return Optional.of(http);
    }
}
