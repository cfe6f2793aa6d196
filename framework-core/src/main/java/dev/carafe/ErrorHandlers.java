package dev.carafe;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The error handlers of the App or of one blueprint registration, by status and by exception class,
 * and the lookup that picks the most specific along a chain of them (innermost blueprint first).
 */
final class ErrorHandlers {

    private final Map<Integer, ErrorHandler<? super HttpError>> byStatus = new HashMap<>();
    private final Map<Class<?>, ErrorHandler<?>> byClass = new HashMap<>();

    void add(int status, ErrorHandler<? super HttpError> handler) {
        Objects.requireNonNull(handler, "handler");
        checkStatus(status);
        byStatus.put(status, handler);
    }

    /** Refuses a status outside 400 to 599, saying what to use instead. */
    static void checkStatus(int status) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("Cannot register an error handler for status " + status + ": error "
                    + "handlers are for 4xx and 5xx statuses. Use an after-request function to change other responses.");
        }
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
     * The handler for an error along a chain of scopes, innermost first: the first scope with a
     * handler for it answers, so a blueprint's handlers win over the App's. Within a scope, as in
     * Flask, the handler for an {@link HttpError}'s status comes first, then the one for the closest
     * class. {@code translated} is the HttpError an exception such as a missing form key became:
     * classes of the original closer than those it shares with the HttpError come first.
     *
     * @param chain the error handlers of the request's scope, innermost first, the App's last
     * @param original the exception thrown
     * @param translated the HttpError it answers with, if any (the original itself for an HttpError)
     * @return the handler and the exception to pass it, or empty
     */
    static Optional<Found> find(List<ErrorHandlers> chain, Throwable original, Optional<HttpError> translated) {
        for (ErrorHandlers handlers : chain) {
            if (translated.isPresent()) {
                ErrorHandler<? super HttpError> handler = handlers.byStatus.get(translated.get().status());
                if (handler != null) {
                    return Optional.of(found(handler, translated.get()));
                }
            }
            Optional<Found> found = handlers.byClass(original, translated);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private Optional<Found> byClass(Throwable original, Optional<HttpError> translated) {
        for (Class<?> c = original.getClass(); c != null; c = c.getSuperclass()) {
            if (translated.isPresent() && c.isAssignableFrom(translated.get().getClass())) {
                break;
            }
            ErrorHandler<?> handler = byClass.get(c);
            if (handler != null) {
                return Optional.of(found(handler, original));
            }
        }
        if (translated.isPresent()) {
            for (Class<?> c = translated.get().getClass(); c != null; c = c.getSuperclass()) {
                ErrorHandler<?> handler = byClass.get(c);
                if (handler != null) {
                    return Optional.of(found(handler, translated.get()));
                }
            }
        }
        return Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private static Found found(ErrorHandler<?> handler, Throwable error) {
        return new Found((ErrorHandler<Throwable>) handler, error);
    }
}
