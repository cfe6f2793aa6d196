package dev.carafe.gateway.server;

import java.util.Map;
import java.util.Optional;

/**
 * Vectors where the server does not yet do what the vector (or Carafe's documented decision)
 * requires, each with the server issue behind it. Their expectation is unchanged: the runner still
 * checks them, reports them as known failures, and fails as soon as one passes, so that the entry
 * is removed when the server is fixed.
 */
final class ConformanceKnownFailures {

    /** None today: the last one (a chunked body ending before its final CRLF) answers 400 now. */
    private static final Map<String, String> KNOWN = Map.of();

    private ConformanceKnownFailures() {
    }

    /**
     * @param vector a vector
     * @return the server issue that makes it fail today, if it is a known failure
     */
    static Optional<String> of(ConformanceVector vector) {
        return Optional.ofNullable(KNOWN.get(vector.name()));
    }

    /** @return how many known failures are listed */
    static int count() {
        return KNOWN.size();
    }
}
