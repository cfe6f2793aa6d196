package dev.carafe.gateway.server;

import java.io.IOException;

/** A write to the client waited past the write timeout: the client stopped reading, and the connection was closed. */
final class WriteTimeoutException extends IOException {

    private static final long serialVersionUID = 1L;

    WriteTimeoutException() {
        super("The client did not take the response's bytes within the write timeout; the connection was closed.");
    }
}
