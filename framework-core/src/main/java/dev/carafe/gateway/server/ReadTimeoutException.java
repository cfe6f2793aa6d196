package dev.carafe.gateway.server;

import java.io.IOException;

/** A read from the client waited past its deadline or timeout. */
final class ReadTimeoutException extends IOException {

    private static final long serialVersionUID = 1L;

    ReadTimeoutException() {
        super("The client sent nothing within the timeout.");
    }
}
