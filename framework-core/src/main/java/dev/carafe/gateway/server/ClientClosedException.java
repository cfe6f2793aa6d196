package dev.carafe.gateway.server;

import java.io.IOException;

/** The client closed its side of the connection in the middle of a message. */
final class ClientClosedException extends IOException {

    private static final long serialVersionUID = 1L;

    ClientClosedException() {
        super("The client closed the connection in the middle of a request.");
    }
}
