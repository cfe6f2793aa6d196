package dev.carafe;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The byte level of a {@code multipart/form-data} body: a buffer over the body that finds the
 * delimiter {@code CRLF--boundary} wherever reads split it, hands the bytes before it to a
 * {@link Sink} without holding more than one buffer, and reads the lines of part headers.
 *
 * <p>The buffer starts with a CRLF of its own, so a body that begins directly with
 * {@code --boundary} (no preamble) is found by the same search as every later delimiter.
 */
final class MultipartInput {

    /** Receives content bytes; the array is reused after the call returns. */
    @FunctionalInterface
    interface Sink {
        void accept(byte[] bytes, int offset, int length) throws IOException;
    }

    private static final int BUFFER_SIZE = 16 * 1024;

    private final InputStream body;
    private final byte[] delimiter;
    private final byte[] buffer = new byte[BUFFER_SIZE];
    private int position;
    private int limit;

    MultipartInput(InputStream body, String boundary) {
        this.body = body;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        buffer[0] = '\r';
        buffer[1] = '\n';
        limit = 2;
    }

    /**
     * Passes the bytes up to the next delimiter to the sink and consumes the delimiter.
     *
     * @return true if a delimiter was found, false if the body ended first (all bytes were passed)
     */
    boolean readToDelimiter(Sink sink) throws IOException {
        while (true) {
            int found = find();
            if (found >= 0) {
                if (found > position) {
                    sink.accept(buffer, position, found - position);
                }
                position = found + delimiter.length;
                return true;
            }
            int safe = limit - (delimiter.length - 1);
            if (safe > position) {
                sink.accept(buffer, position, safe - position);
                position = safe;
            }
            if (!fill()) {
                if (limit > position) {
                    sink.accept(buffer, position, limit - position);
                    position = limit;
                }
                return false;
            }
        }
    }

    /**
     * Reads one line ending in CRLF and returns it without the CRLF. A line that grows longer than
     * {@code budget} bytes is returned unfinished as soon as it does, so the caller can report it.
     *
     * @return the line's bytes, or null if the body ended first
     */
    byte[] readLine(int budget) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int previous = -1;
        while (line.size() <= budget) {
            int b = read();
            if (b < 0) {
                return null;
            }
            if (b == '\n' && previous == '\r') {
                byte[] bytes = line.toByteArray();
                return Arrays.copyOf(bytes, bytes.length - 1);
            }
            line.write(b);
            previous = b;
        }
        return line.toByteArray();
    }

    /** Reads one byte, or -1 at the end of the body. */
    int read() throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position++] & 0xFF;
    }

    private int find() {
        int last = limit - delimiter.length;
        outer:
        for (int i = position; i <= last; i++) {
            for (int j = 0; j < delimiter.length; j++) {
                if (buffer[i + j] != delimiter[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Moves the unread bytes to the front and reads more; false at the end of the body. */
    private boolean fill() throws IOException {
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            position = 0;
        }
        int n = body.read(buffer, limit, buffer.length - limit);
        if (n < 0) {
            return false;
        }
        limit += n;
        return true;
    }
}
