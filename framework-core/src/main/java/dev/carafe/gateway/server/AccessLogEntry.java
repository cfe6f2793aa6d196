package dev.carafe.gateway.server;

import dev.carafe.gateway.Environ;
import dev.carafe.gateway.Header;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the access log knows about one answer: an exchange the application answered, or a request
 * the server refused before the application ran (its head broke the grammar or a limit, or did not
 * arrive in time), which has no checked head.
 *
 * @param remoteAddr the client's address ({@code REMOTE_ADDR}), empty if unknown
 * @param head the checked request head; empty for a refused request
 * @param requestLine the request line as read; for a refused request, present only if the line
 *     passed the request-line grammar
 * @param status the status code sent, 0 if none
 * @param bytes the response body bytes sent
 * @param responseHeaders the response headers sent
 * @param startMillis when the request started, epoch milliseconds
 * @param durationNanos how long the exchange took
 */
record AccessLogEntry(String remoteAddr, Optional<RequestHead> head, Optional<String> requestLine, int status,
        long bytes, List<Header> responseHeaders, long startMillis, long durationNanos) {

    /**
     * An exchange the application answered.
     *
     * @param environ the request's environ, whose {@code REMOTE_ADDR} a middleware may have changed
     */
    static AccessLogEntry answered(Map<String, Object> environ, RequestHead head, int status, long bytes,
            List<Header> responseHeaders, long startMillis, long durationNanos) {
        String remoteAddr = environ.get(Environ.REMOTE_ADDR) instanceof String address ? address : "";
        return new AccessLogEntry(remoteAddr, Optional.of(head), Optional.of(head.requestLine()), status, bytes,
                responseHeaders, startMillis, durationNanos);
    }

    /**
     * A request the server refused with an error page before the application ran.
     *
     * @param remoteAddr the client's address, from the connection
     * @param requestLine the request line, if it was read whole and passed the grammar
     * @param sent the error page's headers and body length
     * @param startMillis when the head started, epoch milliseconds
     */
    static AccessLogEntry refused(String remoteAddr, Optional<String> requestLine, int status, ErrorPage.Sent sent,
            long startMillis, long durationNanos) {
        return new AccessLogEntry(remoteAddr, Optional.empty(), requestLine, status, sent.bodyBytes(),
                sent.headers(), startMillis, durationNanos);
    }
}
