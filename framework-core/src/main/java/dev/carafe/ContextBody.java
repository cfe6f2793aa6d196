package dev.carafe;

import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * The body of a streamed response (a {@code Stream} or lazy iterable a handler returned,
 * {@code Response.chunks}, {@code Response.stream}, a streamed template), Flask's
 * {@code stream_with_context} made the default: the request keeps its contexts until the server
 * closes the body. Each step of the iteration, and the close, runs with the request's context
 * bound on whichever thread takes it (the server may iterate on another thread than the one that
 * called the App), and closing the body closes the inner body, then runs the teardown functions
 * exactly once with the exception that ended the iteration, if one did.
 */
final class ContextBody implements Iterable<byte[]>, AutoCloseable {

    private final Iterable<byte[]> body;
    private final RequestContext context;
    private final BiConsumer<RequestContext, Optional<Throwable>> tearDown;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Optional<Throwable> error;

    /**
     * @param body the body the response sent, closed by {@link #close()} when it is {@link AutoCloseable}
     * @param context the request's context, bound around every step
     * @param error the exception that the response answers (an error handler's stream), else empty
     * @param tearDown the App's teardown of the request and app contexts
     */
    ContextBody(Iterable<byte[]> body, RequestContext context, Optional<Throwable> error,
            BiConsumer<RequestContext, Optional<Throwable>> tearDown) {
        this.body = Objects.requireNonNull(body, "body");
        this.context = context;
        this.error = error;
        this.tearDown = tearDown;
    }

    @Override
    public Iterator<byte[]> iterator() {
        Iterator<byte[]> chunks = step(body::iterator);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return step(chunks::hasNext);
            }

            @Override
            public byte[] next() {
                return step(chunks::next);
            }
        };
    }

    /**
     * Closes the inner body, then tears the contexts down; both at most once and with the context
     * bound. A failure of either propagates to the server (the close's first, the teardown's
     * suppressed by it).
     */
    @Override
    public void close() throws Exception {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        Throwable failure = null;
        if (body instanceof AutoCloseable closeable) {
            try {
                context.bind(() -> {
                    closeable.close();
                    return null;
                });
            } catch (Exception | Error e) {
                failure = e;
            }
        }
        Optional<Throwable> ended = error.isPresent() ? error : Optional.ofNullable(failure);
        try {
            context.bindUnchecked(() -> {
                tearDown.accept(context, ended);
                return null;
            });
        } catch (RuntimeException | Error e) {
            if (failure == null) {
                failure = e;
            } else {
                failure.addSuppressed(e);
            }
        }
        if (failure instanceof Error e) {
            throw e;
        }
        if (failure != null) {
            throw (Exception) failure;
        }
    }

    /** Runs one step of the iteration in the context, keeping the first exception for the teardown. */
    private <T> T step(Supplier<T> step) {
        try {
            return context.bindUnchecked(step);
        } catch (RuntimeException | Error e) {
            if (error.isEmpty()) {
                error = Optional.of(e);
            }
            throw e;
        }
    }
}
