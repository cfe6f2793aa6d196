package dev.carafe;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The body of a handler that returned a {@link java.util.stream.Stream} or a lazy
 * {@link Iterable}: its elements sent one by one as they are produced. The first element decides
 * the kind of body, and so its {@code Content-Type}:
 *
 * <ul>
 *   <li>{@code byte[]}: {@code application/octet-stream}, each element sent as it is;</li>
 *   <li>a {@link CharSequence}: {@code text/html; charset=utf-8} (as a returned String), each element
 *       sent as UTF-8; byte and text elements may be mixed in these two kinds;</li>
 *   <li>anything else: JSON Lines, {@code application/x-ndjson}: each element written by the App's
 *       JSON codec followed by {@code \n}.</li>
 * </ul>
 *
 * <p>An empty stream sends an empty {@code text/html} body. The first element is produced when the
 * handler returns (so a failure there is an ordinary handler error); the rest while the body is
 * sent, still inside the request's context (see {@link ContextBody}). The stream (or an {@link AutoCloseable} iterable) is closed
 * exactly once, when the server closes the body. For another content type return
 * {@code Response.chunks(iterable, type)}.
 */
final class StreamedElements implements Iterable<byte[]>, AutoCloseable {

    private static final String HTML = "text/html; charset=utf-8";
    private static final byte[] NEWLINE = {'\n'};

    private final Iterator<?> elements;
    private final AutoCloseable resource;
    private final String handlerName;
    private final boolean jsonLines;
    private final JsonCodec codec;
    private final AtomicBoolean iterated = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private Object first;
    private int index;

    private StreamedElements(Iterator<?> elements, AutoCloseable resource, String handlerName, Object first,
            JsonCodec codec) {
        this.elements = elements;
        this.resource = resource;
        this.handlerName = handlerName;
        this.first = first;
        this.jsonLines = first != null && !(first instanceof byte[]) && !(first instanceof CharSequence);
        this.codec = codec;
    }

    /**
     * Creates the response, reading the first element now.
     *
     * @param elements the elements
     * @param resource what to close at the end (the stream), or null
     * @param handlerName the handler's endpoint, for errors
     */
    static Response of(Iterator<?> elements, AutoCloseable resource, String handlerName) {
        Object first = null;
        try {
            if (elements.hasNext()) {
                first = elements.next();
                if (first == null) {
                    throw nullElement(handlerName, 0);
                }
            }
        } catch (RuntimeException | Error e) {
            closeAfter(resource, e);
            throw e;
        }
        JsonCodec codec = RequestContext.find().map(c -> c.app().settings.json).orElse(ResponseBody.DefaultJson.CODEC);
        StreamedElements body = new StreamedElements(elements, resource, handlerName, first, codec);
        String type = first instanceof byte[] ? "application/octet-stream"
                : body.jsonLines ? "application/x-ndjson" : HTML;
        return Response.chunks(body, type);
    }

    @Override
    public Iterator<byte[]> iterator() {
        if (!iterated.compareAndSet(false, true)) {
            throw new IllegalStateException("A streamed response body can be iterated once.");
        }
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return first != null || elements.hasNext();
            }

            @Override
            public byte[] next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Object element;
                if (first != null) {
                    element = first;
                    first = null;
                } else {
                    element = elements.next();
                }
                return encode(element, index++);
            }
        };
    }

    /** Closes the stream (or closeable iterable) exactly once. */
    @Override
    public void close() throws Exception {
        if (closed.compareAndSet(false, true) && resource != null) {
            resource.close();
        }
    }

    private byte[] encode(Object element, int position) {
        if (element == null) {
            throw nullElement(handlerName, position);
        }
        if (jsonLines) {
            byte[] json = codec.write(element);
            byte[] line = new byte[json.length + 1];
            System.arraycopy(json, 0, line, 0, json.length);
            line[json.length] = NEWLINE[0];
            return line;
        }
        if (element instanceof byte[] bytes) {
            return bytes;
        }
        if (element instanceof CharSequence text) {
            return text.toString().getBytes(StandardCharsets.UTF_8);
        }
        throw new IllegalStateException(ReturnValues.handler(handlerName) + " streamed a "
                + element.getClass().getName() + " as element " + position + " of a text or byte stream; a stream "
                + "is text or bytes when its first element is a String or byte[], JSON Lines otherwise. Keep the elements of one kind, or map them "
                + "to Strings first.");
    }

    private static IllegalStateException nullElement(String handlerName, int position) {
        return new IllegalStateException(ReturnValues.handler(handlerName) + " streamed null as element " + position
                + "; every element must be a byte[], a String or an object to write as JSON. Filter the nulls out, "
                + "for example stream.filter(Objects::nonNull).");
    }

    private static void closeAfter(AutoCloseable resource, Throwable failure) {
        if (resource != null) {
            try {
                resource.close();
            } catch (Exception e) {
                failure.addSuppressed(e);
            }
        }
    }
}
