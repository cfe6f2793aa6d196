package dev.carafe.gateway.server;

import java.io.IOException;
import java.io.InputStream;

/** A request body delimited by Content-Length: exactly that many bytes, then end of stream. */
final class FixedLengthInput extends InputStream {

    private final ConnectionInput in;
    private long remaining;

    FixedLengthInput(ConnectionInput in, long length) {
        this.in = in;
        this.remaining = length;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
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

    @Override
    public int available() {
        return 0;
    }
}
