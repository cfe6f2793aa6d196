package dev.carafe.gateway.server;

import java.io.IOException;

/** Where the bytes of a request body come from: a Content-Length or a chunked decoder over the connection. */
@FunctionalInterface
interface BodySource {

    /** A body without bytes. */
    BodySource EMPTY = (into, offset, length) -> -1;

    /**
     * Reads up to {@code length} decoded body bytes.
     *
     * @return the count read (at least 1 when {@code length > 0}), or -1 at the end of the body
     * @throws IOException if the client went away, stalled, or sent a malformed body
     */
    int read(byte[] into, int offset, int length) throws IOException;
}
