package dev.carafe.gateway.validator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.function.Consumer;

/**
 * Rules 37 to 39 for {@code gateway.input}: reads return sane counts, reads to the end are safe
 * only when the server terminates the input, and the application never closes it. The JDK's
 * bulk reads ({@code readAllBytes}, {@code readNBytes}, {@code transferTo}) run through
 * {@link #read(byte[], int, int)}, so every count is checked.
 */
final class InputCheck extends InputStream {

    private final InputStream server;
    private final boolean terminated;
    private final Consumer<String> warnings;
    private boolean warnedEnd;

    InputCheck(InputStream server, boolean terminated, Consumer<String> warnings) {
        this.server = server;
        this.terminated = terminated;
        this.warnings = warnings;
    }

    @Override
    public int read() throws IOException {
        int b = server.read();
        if (b < -1 || b > 255) {
            throw Rule.INPUT_READS.violation("gateway.input.read() returned " + b + "; expected a byte from 0 to "
                    + "255, or -1 at the end of the body. Fix the server's input stream.");
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = server.read(b, off, len);
        if (n < -1 || n > len || n == 0 && len > 0) {
            throw Rule.INPUT_READS.violation("gateway.input.read(byte[], " + off + ", " + len + ") returned " + n
                    + "; expected -1 at the end of the body, or 1 to " + len + " bytes (0 only when len is 0). "
                    + "Fix the server's input stream.");
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = server.skip(n);
        if (skipped < 0 || skipped > Math.max(n, 0)) {
            throw Rule.INPUT_READS.violation("gateway.input.skip(" + n + ") returned " + skipped + "; expected 0 "
                    + "to " + Math.max(n, 0) + ". Fix the server's input stream.");
        }
        return skipped;
    }

    @Override
    public int available() throws IOException {
        int available = server.available();
        if (available < 0) {
            throw Rule.INPUT_READS.violation("gateway.input.available() returned " + available + "; expected 0 "
                    + "or more. Fix the server's input stream.");
        }
        return available;
    }

    @Override
    public byte[] readAllBytes() throws IOException {
        readingToEnd("readAllBytes()");
        return super.readAllBytes();
    }

    @Override
    public long transferTo(OutputStream out) throws IOException {
        readingToEnd("transferTo(OutputStream)");
        return super.transferTo(out);
    }

    private void readingToEnd(String call) {
        if (!terminated && !warnedEnd) {
            warnedEnd = true;
            Rule.READ_TO_END.warn(warnings, "the application read gateway.input to its end with " + call
                    + " while gateway.input_terminated is not true; expected such reads only when the server "
                    + "ends the input where the body ends. Read CONTENT_LENGTH bytes instead, for example with "
                    + "readNBytes(length).");
        }
    }

    @Override
    public void close() {
        throw Rule.STREAM_CLOSE.violation("the application closed gateway.input; expected it to stay open: the "
                + "server owns the stream. Remove the close() call (and the try-with-resources around it).");
    }
}
