package dev.carafe.gateway;

import java.util.List;

/**
 * The callback an {@link Application} uses to begin its response, PEP 3333's
 * {@code start_response}.
 *
 * <p>Rules (see {@code docs/gateway.md}, "start-response"):
 * <ul>
 *   <li>{@code status} is {@code "NNN Reason"}: three digits, one space, a reason phrase that may
 *       be empty; no control characters; every char at most U+00FF.</li>
 *   <li>{@code headers} is a list of {@link Header}s; the server may modify it. Header names are
 *       RFC 9110 tokens; values contain no CR, LF, NUL or other control character except HTAB.
 *       Applications never send hop-by-hop headers ({@code Connection}, {@code Keep-Alive},
 *       {@code Transfer-Encoding}, {@code TE}, {@code Trailer}, {@code Upgrade},
 *       {@code Proxy-*}); the server owns the connection.</li>
 *   <li>Calling start does not send anything. The server sends the status and headers together
 *       with the first non-empty body chunk (or at the end of an empty body).</li>
 *   <li>A call with {@code excInfo} comes from an error handler: while nothing was sent it sets or
 *       replaces the status and headers; once the headers were sent it throws {@code excInfo}
 *       again. A second call without {@code excInfo} is an error.</li>
 * </ul>
 */
@FunctionalInterface
public interface StartResponse {

    /**
     * Sets the response status and headers, or replaces them from an error handler.
     *
     * @param status the status line without the protocol, for example {@code "404 Not Found"}
     * @param headers the response headers in order; repeated names (such as
     *     {@code Set-Cookie}) are kept as separate entries
     * @param excInfo {@code null} on an ordinary call; the exception being handled when an error
     *     handler calls start, whether or not start was called before: it replaces a status and
     *     headers that were not sent yet, and is rethrown when they were
     * @return the legacy imperative writer for this response (see {@link BodyWriter})
     * @throws IllegalStateException if called a second time without {@code excInfo}
     * @throws IllegalArgumentException if the status or a header breaks the rules above
     * @throws Exception {@code excInfo} itself, rethrown, if the headers were already sent
     */
    BodyWriter start(String status, List<Header> headers, Throwable excInfo) throws Exception;

    /**
     * Sets the response status and headers: {@code start(status, headers, null)}.
     *
     * @param status the status line without the protocol, for example {@code "200 OK"}
     * @param headers the response headers in order
     * @return the legacy imperative writer for this response
     * @throws Exception as {@link #start(String, List, Throwable)}
     */
    default BodyWriter start(String status, List<Header> headers) throws Exception {
        return start(status, headers, null);
    }
}
