package dev.carafe.gateway;

import java.util.Map;

/**
 * A gateway application: the one callable every Carafe server hosts and every Carafe framework is.
 *
 * <p>A server calls {@link #call} once per request with a fresh, mutable {@code environ} map
 * (see {@link Environ} for its keys) and a {@link StartResponse} callback. The application calls
 * the callback with a status and headers, and returns the response body as an iterable of byte
 * chunks. The server sends each chunk in order; when the body is also {@link AutoCloseable} the
 * server closes it exactly once, after the last chunk, after an error, or when the client goes
 * away.
 *
 * <pre>{@code
 * Application hello = (environ, startResponse) -> {
 *     startResponse.start("200 OK", List.of(new Header("Content-Type", "text/plain")));
 *     return List.of("Hello, World!".getBytes(StandardCharsets.UTF_8));
 * };
 * }</pre>
 *
 * <p>Applications may be called concurrently from several threads (see
 * {@link Environ#GATEWAY_MULTITHREAD}); they must not keep per-request state in fields. The whole
 * contract is specified in {@code docs/gateway.md}.
 */
@FunctionalInterface
public interface Application {

    /**
     * Handles one request.
     *
     * @param environ the request's environ: CGI keys with {@code String} values and
     *     {@code gateway.*} keys; owned by this call, which may modify it
     * @param startResponse the callback that sets the status and headers; it must be called before
     *     the first body chunk is produced (it may be called while the body is being iterated)
     * @return the response body, never {@code null}; an empty iterable for no body
     * @throws Exception if the application fails; the server answers 500 when nothing was sent
     *     yet, and closes the connection otherwise
     */
    Iterable<byte[]> call(Map<String, Object> environ, StartResponse startResponse) throws Exception;
}
