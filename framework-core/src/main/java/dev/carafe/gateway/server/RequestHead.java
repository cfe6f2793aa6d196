package dev.carafe.gateway.server;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A parsed and checked request head.
 *
 * @param method the method token
 * @param target the raw request target
 * @param path the raw path of the target (absolute-form: the path after the authority)
 * @param query the raw query, without {@code ?}
 * @param version {@code HTTP/1.0} or {@code HTTP/1.1}
 * @param fields the header fields kept (underscore names dropped), in order
 * @param host the Host: the absolute-form authority or the Host field, if any
 * @param contentLength the declared body length, if Content-Length was given
 * @param chunked whether the body is chunked
 * @param expectContinue whether the client waits for {@code 100 Continue} (HTTP/1.1 only)
 * @param keepAlive whether the client asked to keep the connection open after this exchange
 */
record RequestHead(String method, String target, String path, String query, String version,
        List<Field> fields, Optional<String> host, OptionalLong contentLength, boolean chunked,
        boolean expectContinue, boolean keepAlive) {

    /**
     * One header field line.
     *
     * @param name the name as received
     * @param value the value without surrounding whitespace, one char per byte
     */
    record Field(String name, String value) {
    }

    /** @return the request line as received, for logs */
    String requestLine() {
        return requestLine(method, target, version);
    }

    /** @return the request line of these parts as received, {@code GET / HTTP/1.1}, for logs */
    static String requestLine(String method, String target, String version) {
        return method + " " + target + " " + version;
    }

    /** @return whether the request is HTTP/1.1 */
    boolean http11() {
        return version.equals("HTTP/1.1");
    }

    /** @return whether the request carries a body (chunked, or a non-zero Content-Length) */
    boolean hasBody() {
        return chunked || contentLength.orElse(0) > 0;
    }

    /**
     * The first value of a field, ignoring case.
     *
     * @param name the field name
     * @return the value, if present
     */
    Optional<String> field(String name) {
        for (Field f : fields) {
            if (f.name().equalsIgnoreCase(name)) {
                return Optional.of(f.value());
            }
        }
        return Optional.empty();
    }
}
