package dev.carafe.gateway.testing;

import java.io.PrintStream;
import java.io.Writer;
import java.util.Optional;

/** The writer behind a request's {@code gateway.errors}: it keeps the text and may echo it to a stream. */
final class ErrorsCapture extends Writer {

    private final StringBuilder text = new StringBuilder();
    private final Optional<PrintStream> echo;

    ErrorsCapture(Optional<PrintStream> echo) {
        this.echo = echo;
    }

    @Override
    public void write(char[] chars, int off, int len) {
        text.append(chars, off, len);
        echo.ifPresent(out -> out.print(new String(chars, off, len)));
    }

    @Override
    public void flush() {
        echo.ifPresent(PrintStream::flush);
    }

    @Override
    public void close() {
        flush();
    }

    String text() {
        return text.toString();
    }
}
