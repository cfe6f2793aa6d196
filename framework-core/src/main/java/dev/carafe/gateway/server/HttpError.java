package dev.carafe.gateway.server;

/**
 * A request the server refuses before the application sees it: the status to answer and a short
 * explanation for the client. The connection is always closed after the answer.
 */
final class HttpError extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;

    HttpError(int status, String detail) {
        super(detail, null, false, false);
        this.status = status;
    }

    /** @return the status code to answer, for example 400 */
    int status() {
        return status;
    }

    static HttpError badRequest(String detail) {
        return new HttpError(400, detail);
    }
}
