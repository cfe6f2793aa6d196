package dev.carafe.gateway.testing;

import dev.carafe.gateway.Header;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One request ready to run: what a {@link TestRequest} builds, and what a redirect turns into the next request.
 *
 * @param method the request method
 * @param target where it goes
 * @param protocol {@code HTTP/1.0} or {@code HTTP/1.1}
 * @param headers the request's own header fields, without Host, Cookie from the jar, or content fields
 * @param payload the body, if the request has one
 * @param remoteAddr the client's address
 * @param extra environ entries to add
 */
record Prepared(String method, Target target, String protocol, List<Header> headers, Optional<Payload> payload,
        String remoteAddr, Map<String, Object> extra) {

    /** The request that follows a redirect with the given status to the given location. */
    Prepared redirect(int code, String location) {
        Target next = target.resolve(location);
        boolean toGet = code == 303 && !method.equals("HEAD") || (code == 301 || code == 302) && method.equals("POST");
        if (!toGet) {
            return new Prepared(method, next, protocol, headers, payload, remoteAddr, extra);
        }
        List<Header> kept = new ArrayList<>(headers);
        kept.removeIf(h -> h.is("Content-Type") || h.is("Content-Length"));
        return new Prepared("GET", next, protocol, List.copyOf(kept), Optional.empty(), remoteAddr, extra);
    }
}
