package dev.carafe.gateway.host;

import java.io.Writer;
import java.util.function.Consumer;

/** A writer that hands each complete line to a sink; behind {@link Hosting#errors}. Never throws. */
final class LineWriter extends Writer {

    private final Consumer<String> sink;
    private final StringBuilder line = new StringBuilder();

    LineWriter(Consumer<String> sink) {
        this.sink = sink;
    }

    @Override
    public void write(char[] chars, int offset, int length) {
        synchronized (lock) {
            for (int i = offset; i < offset + length; i++) {
                char c = chars[i];
                if (c == '\n') {
                    emit();
                } else {
                    line.append(c);
                }
            }
        }
    }

    @Override
    public void flush() {
        synchronized (lock) {
            if (line.length() > 0) {
                emit();
            }
        }
    }

    @Override
    public void close() {
        flush();
    }

    private void emit() {
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
            end--;
        }
        String text = line.substring(0, end);
        line.setLength(0);
        try {
            sink.accept(text);
        } catch (RuntimeException e) {
            // gateway.errors must never throw; the line still reaches the operator.
            System.err.println(text);
        }
    }
}
