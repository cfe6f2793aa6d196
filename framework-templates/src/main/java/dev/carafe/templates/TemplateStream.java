package dev.carafe.templates;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.Writer;
import java.time.Duration;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A response body that renders a template while it is sent. Pebble writes to a {@link Writer};
 * the server pulls chunks from an iterable; so the template renders on a thread of its own into a
 * {@link ChunkWriter} whose chunks wait in a queue of {@value #AHEAD} for the server. At most a
 * few chunks are ever in memory, and a slow client slows the render down rather than filling
 * memory. Closing the body (the server does, also when the client went away) stops the render.
 */
final class TemplateStream implements Iterable<byte[]>, AutoCloseable {

    /** Chunks rendered ahead of the server. */
    static final int AHEAD = 2;
    /** How long {@link #close()} waits for a render to stop before it lets the request's teardown run anyway. */
    static final Duration STOP_WAIT = Duration.ofSeconds(5);

    /** The end of the body, after the last chunk. */
    private record End() {
    }

    /** The render failed; the server gets the exception from {@code next()}. */
    private record Failure(Throwable error) {

        /** Throws the render's exception or error in the server's thread. */
        void rethrow() {
            if (error instanceof Error e) {
                throw e;
            }
            throw (RuntimeException) error;
        }
    }

    private final Consumer<Writer> render;
    private final Duration stopWait;
    private final BlockingQueue<Object> chunks = new ArrayBlockingQueue<>(AHEAD);
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile boolean closed;
    private volatile Thread renderer;

    /** @param render renders the template into the writer, throwing {@link TemplateException} on failure */
    TemplateStream(Consumer<Writer> render) {
        this(render, STOP_WAIT);
    }

    /** @param stopWait how long {@link #close()} waits for the render to stop */
    TemplateStream(Consumer<Writer> render, Duration stopWait) {
        this.render = render;
        this.stopWait = stopWait;
    }

    @Override
    public Iterator<byte[]> iterator() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("A streamed template can be sent once; call templates.stream(...) for "
                    + "each response.");
        }
        if (closed) {
            throw new IllegalStateException("This streamed template was closed before it was sent.");
        }
        renderer = RenderThreads.start(this::renderAll);
        return new Iterator<>() {
            private Object next;

            @Override
            public boolean hasNext() {
                if (next == null) {
                    next = take();
                }
                if (next instanceof Failure failure) {
                    next = new End();
                    failure.rethrow();
                }
                return !(next instanceof End);
            }

            @Override
            public byte[] next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("The template has been rendered completely");
                }
                byte[] chunk = (byte[]) next;
                next = null;
                return chunk;
            }
        };
    }

    /**
     * Stops the render if it still runs and waits until it has, so that the request's teardown
     * (which the App runs after this) does not close what the template still reads; the server calls
     * it once after the last chunk, an error or a disconnect. A render stuck in a call that ignores
     * interrupts (a query without a timeout, say) is waited for {@link #STOP_WAIT} at most: then a
     * warning is logged and the teardown runs, which often is what unblocks such a call (it closes
     * the connection the query waits on), rather than holding the server's thread for ever.
     */
    @Override
    public void close() {
        closed = true;
        Thread thread = renderer;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(Math.max(1, stopWait.toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();   // stopped waiting; the render ends at its next chunk
                return;
            }
            if (thread.isAlive()) {
                System.getLogger(TemplateStream.class.getName()).log(System.Logger.Level.WARNING, "A streamed "
                        + "template still renders " + stopWait.toMillis() + " ms after its response body was "
                        + "closed: it waits in a call that ignores interrupts (" + thread.getName() + "). The "
                        + "request's teardown runs now; give that call a timeout.");
            }
        }
    }

    private void renderAll() {
        try {
            ChunkWriter out = new ChunkWriter(this::put);
            render.accept(out);
            out.flush();
            put(new End());
        } catch (RuntimeException | Error e) {
            try {
                put(new Failure(e));
            } catch (IOException closedMeanwhile) {
                e.addSuppressed(closedMeanwhile);   // nobody waits for the body any more
            }
        } catch (IOException e) {
            // put() gave up: the body was closed, nobody waits for more chunks
        }
    }

    private void put(Object item) throws IOException {
        if (closed) {
            throw new InterruptedIOException("the response body was closed");
        }
        try {
            chunks.put(item);
        } catch (InterruptedException e) {
            throw new InterruptedIOException("the response body was closed");
        }
    }

    private Object take() {
        try {
            return chunks.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("Interrupted while waiting for the streamed template's next chunk", e);
        }
    }
}
