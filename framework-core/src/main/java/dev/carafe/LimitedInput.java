package dev.carafe;

import java.io.IOException;
import java.io.InputStream;

/**
 * A request body that may not exceed {@code BodyLimits.maxContentLength}: reading past the limit
 * throws {@link BodyTooLargeException} (413), so a chunked body without {@code Content-Length}
 * is stopped as soon as it has sent one byte too many. Closing does not close the body (the server
 * owns {@code gateway.input}).
 */
final class LimitedInput extends InputStream {

    private final InputStream body;
    private final long limit;
    private long read;

    private LimitedInput(InputStream body, long limit) {
        this.body = body;
        this.limit = limit;
    }

    /**
     * Returns the body limited by {@code limits.maxContentLength()}, or the body itself when there is
     * no limit. A declared {@code contentLength} above the limit fails at once, before reading.
     *
     * @param contentLength the declared length, or -1 when unknown (chunked)
     * @throws BodyTooLargeException if the declared length exceeds the limit
     */
    static InputStream of(InputStream body, long contentLength, BodyLimits limits) {
        if (limits.maxContentLength().isEmpty()) {
            return body;
        }
        long limit = limits.maxContentLength().getAsLong();
        if (contentLength > limit) {
            throw tooLarge("request body of " + contentLength + " bytes", limit);
        }
        return new LimitedInput(body, limit);
    }

    @Override
    public int read() throws IOException {
        int b = body.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = body.read(buffer, offset, (int) Math.min(length, Math.max(1, limit - read + 1)));
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public int available() throws IOException {
        return body.available();
    }

    /** Leaves the body open: it belongs to the server. */
    @Override
    public void close() {
        // gateway.input is closed by the server, never by applications
    }

    private void count(int n) {
        read += n;
        if (read > limit) {
            throw tooLarge("request body of more than " + limit + " bytes", limit);
        }
    }

    private static BodyTooLargeException tooLarge(String what, long limit) {
        return new BodyTooLargeException("maxContentLength", what + " exceeds maxContentLength " + limit
                + "; raise it with app.maxContentLength(bytes) or send less data");
    }
}
