package dev.carafe.gateway.server;

import java.io.IOException;

/** A request body delimited by Content-Length: exactly that many bytes, then end of stream. */
final class FixedLengthDecoder implements BodySource {

    private final ConnectionInput in;
    private long remaining;

    FixedLengthDecoder(ConnectionInput in, long length) {
        this.in = in;
        this.remaining = length;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (remaining == 0) {
            return -1;
        }
        if (len == 0) {
            return 0;
        }
        int count = in.read(b, off, (int) Math.min(len, remaining));
        if (count < 0) {
            throw new ClientClosedException();
        }
        remaining -= count;
        return count;
    }
}
