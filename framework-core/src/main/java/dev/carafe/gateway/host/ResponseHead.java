package dev.carafe.gateway.host;

import dev.carafe.gateway.Header;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * What a host must send before the body: the status, the headers, and how the body is framed.
 *
 * @param code the status code, from 200 to 599
 * @param reason the reason phrase the application gave, possibly empty; hosts that cannot send a
 *     custom phrase send their standard one
 * @param headers the application's headers in order, repeated names kept as separate entries;
 *     never {@code Content-Length} (see {@code contentLength}) and never a hop-by-hop header
 * @param contentLength the value of the {@code Content-Length} field, given by the application or
 *     computed from a one-chunk body; when {@code bodyAllowed}, the body is exactly that long.
 *     Empty: the length is unknown and the host streams the body (chunked on HTTP/1.1)
 * @param bodyAllowed false for {@code HEAD} requests and for {@code 204} and {@code 304}
 *     responses: the host sends no body bytes and no chunked framing, only the headers
 */
public record ResponseHead(int code, String reason, List<Header> headers, OptionalLong contentLength,
        boolean bodyAllowed) {

    /**
     * Creates a head; the headers are copied.
     *
     * @throws NullPointerException if the reason, the headers or the length is {@code null}
     */
    public ResponseHead {
        Objects.requireNonNull(reason, "reason");
        headers = List.copyOf(headers);
        Objects.requireNonNull(contentLength, "contentLength");
    }
}
