package dev.carafe.gateway.host;

import java.io.IOException;
import java.io.InputStream;

/** The request body as applications see it: every read passes through, {@code close()} does nothing. */
final class NonClosingInput extends InputStream {

    private final InputStream body;

    NonClosingInput(InputStream body) {
        this.body = body;
    }

    @Override
    public int read() throws IOException {
        return body.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        return body.read(b, off, len);
    }

    @Override
    public long skip(long n) throws IOException {
        return body.skip(n);
    }

    @Override
    public int available() throws IOException {
        return body.available();
    }

    /** Does nothing: the host closes the request body when the exchange ends. */
    @Override
    public void close() {
        // The application never closes gateway.input; the host owns the stream.
    }
}
