package dev.carafe;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The App's error handlers, by status and by exception class, and the lookup that picks the most specific. */
final class ErrorHandlers {

    private final Map<Integer, ErrorHandler<? super HttpError>> byStatus = new HashMap<>();
    private final Map<Class<?>, ErrorHandler<?>> byClass = new HashMap<>();

    void add(int status, ErrorHandler<? super HttpError> handler) {
        Objects.requireNonNull(handler, "handler");
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("Cannot register an error handler for status " + status + ": error "
                    + "handlers are for 4xx and 5xx statuses. Use an after-request function to change other responses.");
        }
        byStatus.put(status, handler);
    }

    <E extends Throwable> void add(Class<E> type, ErrorHandler<? super E> handler) {
        Objects.requireNonNull(type, "exception class");
        Objects.requireNonNull(handler, "handler");
        byClass.put(type, handler);
    }

    /** A handler found for an error, ready to call. */
    record Found(ErrorHandler<Throwable> handler, Throwable error) {
    }

    /**
     * The most specific handler: for an {@link HttpError} the one for its status, then the one for the
     * closest class. {@code translated} is the HttpError an exception such as a missing form key
     * became: classes of the original closer than those it shares with the HttpError come first.
     *
     * @param original the exception thrown
     * @param translated the HttpError it answers with, if any (the original itself for an HttpError)
     * @return the handler and the exception to pass it, or empty
     */
    @SuppressWarnings("unchecked")
    Optional<Found> find(Throwable original, Optional<HttpError> translated) {
        if (translated.isPresent() && byStatus.containsKey(translated.get().status())) {
            return Optional.of(new Found((ErrorHandler<Throwable>) (ErrorHandler<?>) byStatus.get(
                    translated.get().status()), translated.get()));
        }
        for (Class<?> c = original.getClass(); c != null; c = c.getSuperclass()) {
            if (translated.isPresent() && c.isAssignableFrom(translated.get().getClass())) {
                break;
            }
            ErrorHandler<?> handler = byClass.get(c);
            if (handler != null) {
                return Optional.of(new Found((ErrorHandler<Throwable>) handler, original));
            }
        }
        if (translated.isPresent()) {
            for (Class<?> c = translated.get().getClass(); c != null; c = c.getSuperclass()) {
                ErrorHandler<?> handler = byClass.get(c);
                if (handler != null) {
                    return Optional.of(new Found((ErrorHandler<Throwable>) handler, translated.get()));
                }
            }
        }
        return Optional.empty();
    }
}
