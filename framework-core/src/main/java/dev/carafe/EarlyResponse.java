package dev.carafe;

import java.util.Objects;

/**
 * Ends a request with a ready {@link Response}, from however deep in the handler's calls: what
 * {@link HttpError#abort(Response)} throws, Flask's {@code abort(response)}. The response is sent
 * as it is (the after-request functions still run); error handlers do not see it, since it is not
 * an error to handle but the answer.
 *
 * <pre>{@code
 * static User requireUser(Request request) {
 *     return users.find(request).orElseThrow(() -> HttpError.abort(
 *             Response.json(Map.of("error", "login required")).withStatus(401)));
 * }
 * }</pre>
 */
public final class EarlyResponse extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The answer; not serialized with the exception. */
    private final transient Response response;

    EarlyResponse(Response response) {
        super("The request was answered early with status " + Objects.requireNonNull(response, "response").status()
                + " (HttpError.abort(response)); outside an App's request nothing sends it.", null, false, false);
        this.response = response;
    }

    /** @return the response that answers the request */
    public Response response() {
        return response;
    }
}
