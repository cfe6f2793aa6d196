package dev.carafe.gateway.hosts;

import dev.carafe.gateway.Header;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * A response as it came off the wire.
 *
 * @param code the status code
 * @param reason the reason phrase, possibly empty
 * @param headers the header fields in order
 * @param body the body, de-chunked
 * @param complete false if the framing says more bytes were due (no chunked terminator, fewer
 *     bytes than Content-Length): the host aborted the response
 */
record RawResponse(int code, String reason, List<Header> headers, byte[] body, boolean complete) {

    RawResponse withBody(byte[] bytes, boolean whole) {
        return new RawResponse(code, reason, headers, bytes, whole);
    }

    /** The first value of a header, by name ignoring case. */
    Optional<String> header(String name) {
        return headers.stream().filter(h -> h.is(name)).map(Header::value).findFirst();
    }

    /** Every value of a header, in order. */
    List<String> headers(String name) {
        return headers.stream().filter(h -> h.is(name)).map(Header::value).toList();
    }

    String text() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
