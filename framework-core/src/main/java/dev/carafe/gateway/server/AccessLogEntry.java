package dev.carafe.gateway.server;

import dev.carafe.gateway.Header;
import java.util.List;
import java.util.Map;

/**
 * What the access log knows about one finished exchange.
 *
 * @param environ the request's environ
 * @param head the request head
 * @param status the status code sent, 0 if none
 * @param bytes the response body bytes sent
 * @param responseHeaders the response headers sent
 * @param startMillis when the request started, epoch milliseconds
 * @param durationNanos how long the exchange took
 */
record AccessLogEntry(Map<String, Object> environ, RequestHead head, int status, long bytes,
        List<Header> responseHeaders, long startMillis, long durationNanos) {
}
