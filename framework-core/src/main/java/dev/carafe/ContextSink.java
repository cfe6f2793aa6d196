package dev.carafe;

import java.util.Optional;

/**
 * Where the App leaves the context of a request for the {@link AppTestClient} that sent it, so
 * that a test can read the session and {@code g} after the request ended. Only the test client
 * creates one and puts it in the environ under {@link #KEY}; servers never can (their environ
 * values for client data are strings).
 */
final class ContextSink {

    /** The environ key the sink travels under. */
    static final String KEY = "carafe.test_context_sink";

    private RequestContext last;

    void accept(RequestContext context) {
        this.last = context;
    }

    Optional<RequestContext> last() {
        return Optional.ofNullable(last);
    }
}
