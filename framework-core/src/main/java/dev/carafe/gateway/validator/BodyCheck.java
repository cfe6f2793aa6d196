package dev.carafe.gateway.validator;

import static dev.carafe.gateway.validator.Values.quote;
import static dev.carafe.gateway.validator.Values.show;

import java.lang.ref.Cleaner;
import java.util.Collection;
import java.util.Iterator;

/**
 * Rules 27 to 34 and 36: the body an application returns, as the server iterates and closes it.
 * It yields exactly one chunk for every chunk of the wrapped body and forwards {@code close()}.
 */
final class BodyCheck implements Iterable<byte[]>, AutoCloseable {

    /** Reports bodies that become unreachable without being closed (rule 31). */
    private static final Cleaner LEAKS = Cleaner.create();

    private final Iterable<byte[]> upstream;
    private final Exchange exchange;
    private final Layers layers;
    private final int layer;
    private final Cleaner.Cleanable leak;
    private long chunks;
    private boolean exhausted;
    private boolean warnedBlocking;

    BodyCheck(Iterable<byte[]> upstream, Exchange exchange, Layers layers, int layer) {
        this.upstream = upstream;
        this.exchange = exchange;
        this.layers = layers;
        this.layer = layer;
        this.leak = LEAKS.register(this, new Leak(exchange, upstream.getClass().getName()));
    }

    @Override
    public Iterator<byte[]> iterator() {
        if (exchange.closed) {
            throw afterClose("iterator()");
        }
        Iterator<?> chunksOf = upstream.iterator();
        if (chunksOf == null) {
            throw Rule.BODY_TYPE.violation("the body's iterator() returned null (the body is a "
                    + upstream.getClass().getName() + "); expected an Iterator over byte[] chunks. Return an "
                    + "iterator from iterator(), an empty one when there are no chunks.");
        }
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                if (exchange.closed) {
                    throw afterClose("hasNext()");
                }
                boolean more;
                exchange.iterating = true;
                try {
                    more = chunksOf.hasNext();
                } finally {
                    exchange.iterating = false;
                }
                if (!more) {
                    ended();
                }
                return more;
            }

            @Override
            public byte[] next() {
                if (exchange.closed) {
                    throw afterClose("next()");
                }
                Object chunk;
                exchange.iterating = true;
                try {
                    chunk = chunksOf.next();
                } finally {
                    exchange.iterating = false;
                }
                return checked(chunk);
            }
        };
    }

    private void ended() {
        exhausted = true;
        if (!exchange.started()) {
            throw Rule.START_BEFORE_BODY.violation("the body ended but StartResponse.start was never called; "
                    + "expected a call to start before the body ends. Call start before returning the body or "
                    + "while it is iterated.");
        }
    }

    private byte[] checked(Object chunk) {
        if (chunk instanceof CharSequence) {
            throw Rule.BODY_TYPE.violation("the body yields text, " + show(chunk.toString()) + " (a "
                    + chunk.getClass().getName() + "), instead of byte[] chunks; expected an Iterable<byte[]>. "
                    + "Encode the text, for example text.getBytes(StandardCharsets.UTF_8).");
        }
        if (!(chunk instanceof byte[] bytes)) {
            throw Rule.BODY_CHUNK.violation("the body yielded " + Values.typed(chunk) + " as chunk " + chunks
                    + "; expected a non-null byte[] (new byte[0] for nothing). Yield byte arrays only (an "
                    + "unchecked cast may have let another type in).");
        }
        if (!exchange.started()) {
            throw Rule.START_BEFORE_BODY.violation("the body produced chunk " + chunks + " (" + bytes.length
                    + " bytes) before StartResponse.start was called; expected start before the first chunk. "
                    + "Call start before returning the body or before yielding from it.");
        }
        chunks++;
        exchange.count(bytes);
        long below = layers.yielded(layer);
        if (below > chunks && !warnedBlocking) {
            warnedBlocking = true;
            Rule.CHUNK_PER_CHUNK.warn(exchange.warnings, "the middleware between two validators consumed "
                    + below + " upstream chunks before yielding chunk " + (chunks - 1) + "; expected at least "
                    + "one chunk for every upstream chunk (an empty byte[] when there is nothing to send yet). "
                    + "Yield as soon as each upstream chunk arrives instead of collecting them.");
        }
        return bytes;
    }

    private GatewayViolation afterClose(String call) {
        return Rule.ITERATION_AFTER_CLOSE.violation(call + " was called on the body after it was closed; "
                + "expected no iteration after close(). Stop iterating once the body is closed.");
    }

    @Override
    public void close() throws Exception {
        if (exchange.closed) {
            throw Rule.CLOSE_ONCE.violation("the server closed the body a second time; expected exactly one "
                    + "close(), after the last chunk, after an error or when the client went away. Close the "
                    + "body once, in a finally block.");
        }
        exchange.closed = true;
        leak.clean();
        try {
            if (upstream instanceof AutoCloseable closeable) {
                closeable.close();
            }
        } finally {
            endChecks();
        }
    }

    private void endChecks() {
        int code = exchange.started() ? exchange.code() : 0;
        if (exhausted && upstream instanceof Collection<?> collection && collection.size() != chunks) {
            Rule.CHUNK_COUNT.warn(exchange.warnings, "the body is a " + upstream.getClass().getName()
                    + " whose size() is " + collection.size() + " but it yielded " + chunks + " chunks; expected "
                    + "size() to equal the number of chunks. Fix size() or return a body that is not a Collection.");
        }
        boolean noBody = code / 100 == 1 || code == 204 || code == 304;
        if (noBody && exchange.bytes() > 0) {
            Rule.BODILESS_STATUS.warn(exchange.warnings, "the response " + quote(exchange.status()) + " carries "
                    + exchange.bytes() + " body bytes; expected no body on 1xx, 204 and 304 responses. Return "
                    + "an empty body.");
        }
        if ((code / 100 == 1 || code == 204) && exchange.header("Content-Length").isPresent()) {
            Rule.BODILESS_STATUS.warn(exchange.warnings, "the response " + quote(exchange.status()) + " has a "
                    + "Content-Length header (" + quote(exchange.header("Content-Length").get()) + "); expected "
                    + "none on 1xx and 204 responses. Remove the header.");
        }
        if (exhausted && !noBody && !exchange.head) {
            exchange.header("Content-Length").filter(Values::digits).filter(v -> !v.equals(
                    Long.toString(exchange.bytes()))).ifPresent(v -> Rule.LENGTH_MATCH.warn(exchange.warnings,
                    "the Content-Length header says " + v + " bytes but the body sent " + exchange.bytes()
                    + " (yielded and written); expected them to match. Fix the header, or leave it out and let "
                    + "the server frame the body."));
        }
    }

    /** The cleaning action: it must not reach the body, only what the body shares with the request. */
    private record Leak(Exchange exchange, String bodyType) implements Runnable {
        @Override
        public void run() {
            if (!exchange.closed) {
                Rule.CLOSE_ONCE.warn(exchange.warnings, "a body (a " + bodyType + ") was garbage collected "
                        + "without being closed; expected the server to close every body exactly once. Close the "
                        + "body in a finally block after iterating it.");
            }
        }
    }
}
