package dev.carafe.gateway.server;

import java.io.IOException;

/**
 * A request body the server cannot accept: a malformed chunk (400), a body past the size limit
 * (413), or a client that stopped sending it (408). Reaches the application as the
 * {@link IOException} of its read; the server answers with {@link #status()} if nothing was sent.
 */
final class BodyException extends IOException {

    private static final long serialVersionUID = 1L;

    private final int status;

    BodyException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** @return the status the server answers with */
    int status() {
        return status;
    }
}
