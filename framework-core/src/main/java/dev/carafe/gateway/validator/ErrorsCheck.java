package dev.carafe.gateway.validator;

import java.io.PrintWriter;

/**
 * Rules 39 and 40 for {@code gateway.errors}: the application never closes it, and passes it real
 * text. A {@code PrintWriter} swallows I/O errors by design, so what is left to check are the
 * arguments that would make it throw deep inside the server's writer: null strings and arrays,
 * and ranges outside them.
 */
final class ErrorsCheck extends PrintWriter {

    ErrorsCheck(PrintWriter server) {
        super(server, true);
    }

    @Override
    public void write(String s) {
        write(s, 0, s == null ? 0 : s.length());
    }

    @Override
    public void write(String s, int off, int len) {
        if (s == null) {
            throw Rule.ERRORS_WRITES.violation("gateway.errors.write was given a null String; expected text. "
                    + "Use print(Object), which prints \"null\", or pass String.valueOf(value).");
        }
        checkRange(off, len, s.length(), "String");
        super.write(s, off, len);
    }

    @Override
    public void write(char[] buf) {
        write(buf, 0, buf == null ? 0 : buf.length);
    }

    @Override
    public void write(char[] buf, int off, int len) {
        if (buf == null) {
            throw Rule.ERRORS_WRITES.violation("gateway.errors.write was given a null char[]; expected an array "
                    + "of chars. Pass an array, or print String.valueOf(value) instead.");
        }
        checkRange(off, len, buf.length, "char[]");
        super.write(buf, off, len);
    }

    private static void checkRange(int off, int len, int size, String type) {
        if (off < 0 || len < 0 || off > size - len) {
            throw Rule.ERRORS_WRITES.violation("gateway.errors.write was given off=" + off + ", len=" + len
                    + " for a " + type + " of " + size + " chars; expected 0 <= off, 0 <= len and off + len <= "
                    + size + ". Fix the range.");
        }
    }

    @Override
    public void close() {
        throw Rule.STREAM_CLOSE.violation("the application closed gateway.errors; expected it to stay open: the "
                + "server owns the stream. Remove the close() call (use flush() to push the output out).");
    }
}
