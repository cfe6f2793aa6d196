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

    private static final String TRUNCATED_BODY = "server: when the client's input ends inside a request body, "
            + "gateway.input fails with a client-closed error that the server answers with 500 (blaming the "
            + "application); it should answer 400 or close without a response (RFC 9112 §6.3, R21)";
    private static final String CONTENT_TYPE_TRAILER = "server: ChunkedInput refuses a Content-Type trailer field "
            + "with 400; RFC 9110 §6.5.1 lets a recipient ignore trailer fields it must not process, and Gunicorn "
            + "and llhttp accept this request (Carafe drops trailers anyway)";
    private static final String CHUNK_SIZE_WHITESPACE = "server: ChunkedInput accepts whitespace after a chunk size "
            + "with no extension ('5 \\r\\n'); RFC 9112 §7.1 allows BWS only before ';' (reference §4.2 chunk-size "
            + "tricks)";
    private static final String DUPLICATE_CONTENT_TYPE = "server: two Content-Type fields are joined with ', ' "
            + "instead of refused; Content-Type is a singleton field (RFC 9110 §5.3, §8.3; reference §4.2 "
            + "'Duplicate Host / Content-Type → 400')";

    private static final Map<String, String> KNOWN = Map.ofEntries(
            Map.entry("gunicorn-valid 012 [requireHost=false]", CONTENT_TYPE_TRAILER),
            Map.entry("llhttp transfer-encoding.md#6 [requireHost=false]", CONTENT_TYPE_TRAILER),
            Map.entry("gunicorn-valid 099", TRUNCATED_BODY),
            Map.entry("gunicorn-invalid rfc9112_chunked_missing_final_crlf_01", TRUNCATED_BODY),
            Map.entry("llhttp content-length.md#10", TRUNCATED_BODY),
            Map.entry("llhttp content-length.md#11", TRUNCATED_BODY),
            Map.entry("llhttp pipelining.md#1 [requireHost=false]", TRUNCATED_BODY),
            Map.entry("llhttp transfer-encoding.md#1", TRUNCATED_BODY),
            Map.entry("llhttp transfer-encoding.md#7", TRUNCATED_BODY),
            Map.entry("llhttp transfer-encoding.md#10", TRUNCATED_BODY),
            Map.entry("gunicorn-invalid chunked_09", CHUNK_SIZE_WHITESPACE),
            Map.entry("llhttp transfer-encoding.md#30", CHUNK_SIZE_WHITESPACE),
            Map.entry("gunicorn-invalid 041", DUPLICATE_CONTENT_TYPE));

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
