package dev.carafe;

import dev.carafe.gateway.middleware.ForwardingBody;
import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The body of a streamed response (a {@code Stream} or lazy iterable a handler returned,
 * {@code Response.chunks}, {@code Response.stream}, a streamed template), Flask's
 * {@code stream_with_context} made the default: the request keeps its contexts until the server
 * closes the body. Each step of the iteration, and the close, runs with the request's context
 * bound on whichever thread takes it (the server may iterate on another thread than the one that
 * called the App); {@link #of} adds the teardown after the close.
 */
final class ContextBody implements Iterable<byte[]>, AutoCloseable {

    private final Iterable<byte[]> body;
    private final RequestContext context;

    private ContextBody(Iterable<byte[]> body, RequestContext context) {
        this.body = Objects.requireNonNull(body, "body");
        this.context = context;
    }

    /**
     * Wraps a streamed body: iterated and closed in the request's context; once closed (exactly
     * once, however often the server calls close), the request's contexts are torn down, in the
     * context too.
     *
     * @param body the body the response sent
     * @param context the request's context
     * @param answered the exception the response answers (an error handler's stream), else empty
     * @param tearDown the App's teardown of the request and app contexts, given the exception that
     *     ended the request: {@code answered}, else the first one thrown while iterating or closing
     * @return the body to hand to the server
     */
    static ForwardingBody of(Iterable<byte[]> body, RequestContext context, Optional<Throwable> answered,
            BiConsumer<RequestContext, Optional<Throwable>> tearDown) {
        return ForwardingBody.onClose(new ContextBody(body, context), failure -> context.bindUnchecked(() -> {
            tearDown.accept(context, answered.isPresent() ? answered : failure);
            return null;
        }));
    }

    @Override
    public Iterator<byte[]> iterator() {
        Iterator<byte[]> chunks = context.bindUnchecked(body::iterator);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return context.bindUnchecked(chunks::hasNext);
            }

            @Override
            public byte[] next() {
                return context.bindUnchecked(chunks::next);
            }
        };
    }

    /** Closes the body, if it is {@link AutoCloseable}, in the request's context. */
    @Override
    public void close() throws Exception {
        context.bind(() -> {
            ForwardingBody.close(body);
            return null;
        });
    }
}
