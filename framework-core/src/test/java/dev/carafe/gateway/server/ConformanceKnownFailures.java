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

    private static final String CHUNK_AT_END_OF_INPUT = "server: when the input ends inside a chunked body (the "
            + "last chunk's CRLF never comes), the server closes without a response; the suite's README maps "
            + "Gunicorn's ChunkMissingTerminator to 400, which a half-closed client can still read";

    private static final Map<String, String> KNOWN = Map.of(
            "gunicorn-invalid rfc9112_chunked_missing_final_crlf_01", CHUNK_AT_END_OF_INPUT);

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
