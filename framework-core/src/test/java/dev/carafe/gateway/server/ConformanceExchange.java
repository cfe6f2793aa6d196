package dev.carafe.gateway.server;

import java.util.List;
import java.util.Map;

/**
 * What came back for one vector.
 *
 * @param responses the complete responses, in order
 * @param ending how the exchange ended: {@code closed} (the server closed the connection),
 *     {@code timeout} (it neither answered nor closed in time), {@code reset} (the connection was reset)
 *     or {@code garbage: …} (bytes that are not a response)
 */
record ConformanceExchange(List<Response> responses, String ending) {

    /**
     * One response.
     *
     * @param status the status code
     * @param headers the header fields, names in lower case (repeated names joined with {@code ", "})
     * @param body the body after de-chunking
     */
    record Response(int status, Map<String, String> headers, byte[] body) {
    }

    /** @return the statuses, for messages */
    List<Integer> statuses() {
        return responses.stream().map(Response::status).toList();
    }
}
