package dev.carafe;

import java.util.Map;

/** The standard description of each error status, shown when an {@link HttpError} has none of its own. */
final class ErrorTexts {

    private static final Map<Integer, String> TEXTS = Map.ofEntries(
            Map.entry(400, "The server could not understand the request: it is malformed or misses a value."),
            Map.entry(401, "The request needs valid credentials."),
            Map.entry(402, "The request needs payment."),
            Map.entry(403, "You do not have permission to access this resource."),
            Map.entry(404, "Nothing matches the requested URL. If you typed it, check the spelling."),
            Map.entry(405, "The requested URL does not accept this method."),
            Map.entry(406, "The resource has no representation matching the Accept header of the request."),
            Map.entry(408, "The server gave up waiting for the request."),
            Map.entry(409, "The request conflicts with the current state of the resource."),
            Map.entry(410, "The resource is gone and will not come back."),
            Map.entry(411, "The request needs a Content-Length header."),
            Map.entry(412, "A precondition of the request failed."),
            Map.entry(413, "The request body is larger than the server accepts."),
            Map.entry(414, "The request URL is longer than the server accepts."),
            Map.entry(415, "The server does not accept the media type of the request body."),
            Map.entry(416, "The requested range cannot be served."),
            Map.entry(417, "The server cannot meet the Expect header of the request."),
            Map.entry(418, "The server is a teapot and refuses to brew coffee."),
            Map.entry(422, "The request is well-formed but some of its values cannot be processed."),
            Map.entry(423, "The resource is locked."),
            Map.entry(428, "The request must be conditional."),
            Map.entry(429, "Too many requests were sent in a given time; try again later."),
            Map.entry(431, "The request header fields are larger than the server accepts."),
            Map.entry(451, "The resource is unavailable for legal reasons."),
            Map.entry(500, "The server met an error and could not complete the request."),
            Map.entry(501, "The server does not support the action requested."),
            Map.entry(502, "The proxy received an invalid response from the upstream server."),
            Map.entry(503, "The server is temporarily unable to handle the request; try again later."),
            Map.entry(504, "The proxy did not get a response from the upstream server in time."),
            Map.entry(505, "The server does not support the HTTP version of the request."));

    private ErrorTexts() {
    }

    /**
     * The standard description of a status.
     *
     * @param status a status code from 400 to 599
     * @return the text; a generic one for a status without its own
     */
    static String standard(int status) {
        return TEXTS.getOrDefault(status, status < 500 ? "The request could not be completed (status " + status + ")."
                : "The server could not complete the request (status " + status + ").");
    }
}
