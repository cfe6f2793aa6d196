package dev.carafe;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Test bodies: multipart builders and streams that deliver a few bytes per read. */
final class Bodies {

    static final String BOUNDARY = "----carafe7MA4YWxkTrZu0gW";
    static final MediaType MULTIPART = MediaType.parse("multipart/form-data; boundary=" + BOUNDARY);

    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    private Bodies() {
    }

    static Bodies multipart() {
        return new Bodies();
    }

    Bodies field(String name, String value) {
        return part("Content-Disposition: form-data; name=\"" + name + "\"\r\n",
                value.getBytes(StandardCharsets.UTF_8));
    }

    Bodies file(String name, String filename, String contentType, byte[] content) {
        return part("Content-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename + "\"\r\n"
                + "Content-Type: " + contentType + "\r\n", content);
    }

    Bodies part(String headers, byte[] content) {
        raw("--" + BOUNDARY + "\r\n" + headers + "\r\n");
        body.writeBytes(content);
        raw("\r\n");
        return this;
    }

    Bodies raw(String text) {
        body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    byte[] close() {
        raw("--" + BOUNDARY + "--\r\n");
        return body.toByteArray();
    }

    byte[] unclosed() {
        return body.toByteArray();
    }

    /** A stream that returns at most {@code chunk} bytes per read, as a slow network does. */
    static InputStream trickle(byte[] bytes, int chunk) {
        ByteArrayInputStream in = new ByteArrayInputStream(bytes);
        return new InputStream() {
            @Override
            public int read() {
                return in.read();
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                return in.read(buffer, offset, Math.min(length, chunk));
            }
        };
    }

    /** A body of unknown length (chunked) that counts what was read from it. */
    static final class Counting extends InputStream {
        private final InputStream in;
        long read;

        Counting(byte[] bytes) {
            this.in = new ByteArrayInputStream(bytes);
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            read += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            read += Math.max(0, n);
            return n;
        }
    }

    static byte[] bytes(int size, int seed) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (i * 31 + seed);
        }
        return bytes;
    }
}
