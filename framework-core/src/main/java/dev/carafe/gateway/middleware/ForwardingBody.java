package dev.carafe.gateway.middleware;

import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * A response body that wraps the body of another application: it maps each chunk one to one, and
 * closes the wrapped body exactly once however often it is itself closed, then tells a listener how
 * the response ended.
 *
 * <p>It exists so that a middleware that touches the body cannot forget the middleware obligations
 * of {@code docs/gateway.md}: the wrapped body's {@code close()} is always forwarded (once), every
 * upstream chunk produces exactly one chunk downstream (so the middleware never holds back data),
 * and a failure during iteration is reported to the listener. A middleware that changes the length
 * of the chunks must still remove or fix {@code Content-Length} itself.
 *
 * <pre>{@code
 * Middleware upperCase = next -> (environ, startResponse) -> ForwardingBody.map(
 *         next.call(environ, startResponse),
 *         chunk -> new String(chunk, StandardCharsets.ISO_8859_1).toUpperCase(Locale.ROOT)
 *                 .getBytes(StandardCharsets.ISO_8859_1));
 * }</pre>
 */
public final class ForwardingBody implements Iterable<byte[]>, AutoCloseable {

    /** What a {@link ForwardingBody} calls once, after it closed the wrapped body. */
    @FunctionalInterface
    public interface CloseListener {

        /**
         * Called once, after the wrapped body was closed (or found not closeable).
         *
         * @param failure the first exception thrown while iterating or closing the wrapped body, or
         *     empty if the response ended normally
         * @throws Exception if the listener fails; {@link ForwardingBody#close()} rethrows it
         */
        void closed(Optional<Throwable> failure) throws Exception;
    }

    private final Iterable<byte[]> upstream;
    private final UnaryOperator<byte[]> mapper;
    private final CloseListener listener;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Throwable failure;

    private ForwardingBody(Iterable<byte[]> upstream, UnaryOperator<byte[]> mapper, CloseListener listener) {
        this.upstream = Objects.requireNonNull(upstream, "the wrapped body");
        this.mapper = Objects.requireNonNull(mapper, "the chunk mapper");
        this.listener = Objects.requireNonNull(listener, "the close listener");
    }

    /**
     * Wraps a body, mapping each chunk and calling a listener after the wrapped body was closed.
     *
     * @param upstream the body the wrapped application returned
     * @param mapper turns each upstream chunk into the chunk to send; it must not return
     *     {@code null} (return an empty array to send nothing for this chunk)
     * @param listener called once after the wrapped body was closed
     * @return the wrapping body
     */
    public static ForwardingBody of(Iterable<byte[]> upstream, UnaryOperator<byte[]> mapper, CloseListener listener) {
        return new ForwardingBody(upstream, mapper, listener);
    }

    /**
     * Wraps a body, mapping each chunk.
     *
     * @param upstream the body the wrapped application returned
     * @param mapper turns each upstream chunk into the chunk to send; it must not return {@code null}
     * @return the wrapping body
     */
    public static ForwardingBody map(Iterable<byte[]> upstream, UnaryOperator<byte[]> mapper) {
        return new ForwardingBody(upstream, mapper, failure -> { });
    }

    /**
     * Wraps a body without changing it, calling a listener after it was closed.
     *
     * @param upstream the body the wrapped application returned
     * @param listener called once after the wrapped body was closed
     * @return the wrapping body
     */
    public static ForwardingBody onClose(Iterable<byte[]> upstream, CloseListener listener) {
        return new ForwardingBody(upstream, UnaryOperator.identity(), listener);
    }

    /**
     * Closes a body if it is {@link AutoCloseable}: what a middleware does with a body it decided not
     * to return.
     *
     * @param body any response body
     * @throws Exception if closing fails
     */
    public static void close(Iterable<byte[]> body) throws Exception {
        if (body instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    /**
     * Iterates the wrapped body, mapping each chunk. An exception from the wrapped body or the
     * mapper is remembered for the listener and rethrown.
     */
    @Override
    public Iterator<byte[]> iterator() {
        Iterator<byte[]> chunks = guard(upstream::iterator);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return guard(chunks::hasNext);
            }

            @Override
            public byte[] next() {
                byte[] chunk = guard(chunks::next);
                byte[] mapped = guard(() -> mapper.apply(chunk));
                return Objects.requireNonNull(mapped, "the chunk mapper returned null; return an empty array instead");
            }
        };
    }

    /**
     * Closes the wrapped body if it is {@link AutoCloseable}, then calls the listener; both happen
     * on the first call only.
     *
     * @throws Exception what closing the wrapped body threw, else what the listener threw
     */
    @Override
    public void close() throws Exception {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        Exception closeFailure = null;
        try {
            close(upstream);
        } catch (Exception e) {
            closeFailure = e;
            remember(e);
        }
        try {
            listener.closed(Optional.ofNullable(failure));
        } catch (Exception e) {
            if (closeFailure == null) {
                throw e;
            }
            closeFailure.addSuppressed(e);
        }
        if (closeFailure != null) {
            throw closeFailure;
        }
    }

    private <T> T guard(Supplier<T> step) {
        try {
            return step.get();
        } catch (RuntimeException | Error e) {
            remember(e);
            throw e;
        }
    }

    private void remember(Throwable e) {
        if (failure == null) {
            failure = e;
        }
    }
}
