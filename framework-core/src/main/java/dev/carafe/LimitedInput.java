package dev.carafe;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;

/**
 * A stream that ends, or fails, after a number of bytes. With a failure supplier that returns null
 * it simply ends (a body framed by Content-Length); otherwise reading past the limit throws what
 * the supplier gives (a 413).
 */
final class LimitedInput extends InputStream {

    private final InputStream in;
    private final Supplier<RuntimeException> overflow;
    private long remaining;

    LimitedInput(InputStream in, long limit, Supplier<RuntimeException> overflow) {
        this.in = in;
        this.remaining = limit;
        this.overflow = overflow;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (remaining <= 0) {
            return atLimit();
        }
        int n = in.read(buffer, offset, (int) Math.min(length, remaining));
        if (n > 0) {
            remaining -= n;
        }
        return n;
    }

    private int atLimit() throws IOException {
        RuntimeException failure = overflow.get();
        if (failure != null && in.read() >= 0) {
            throw failure;
        }
        return -1;
    }

    @Override
    public int available() throws IOException {
        return (int) Math.min(in.available(), Math.max(remaining, 0));
    }
}
