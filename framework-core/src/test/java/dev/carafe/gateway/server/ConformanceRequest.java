package dev.carafe.gateway.server;

import java.util.List;
import java.util.Map;

/**
 * One request as a suite says the server must parse it.
 *
 * @param method the method token
 * @param target the raw request target, one char per byte
 * @param version {@code HTTP/1.0} or {@code HTTP/1.1}
 * @param headers the header fields in order, names as the suite spells them, values without OWS
 * @param body the body after de-chunking
 */
record ConformanceRequest(String method, String target, String version, List<Map.Entry<String, String>> headers,
        byte[] body) {

    /** @return whether the request has a Host field */
    boolean hasHost() {
        return headers.stream().anyMatch(h -> h.getKey().equalsIgnoreCase("Host"));
    }

    /** @return whether this request must carry a Host to be accepted by a strict server (RFC 9112 §3.2) */
    boolean needsHost() {
        return version.equals("HTTP/1.1") && !hasHost();
    }
}
