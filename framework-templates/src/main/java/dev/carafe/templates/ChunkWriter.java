package dev.carafe.templates;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * A writer that hands the rendered text on in UTF-8 chunks of about {@value #CHUNK_CHARS} chars,
 * and whatever it holds at each {@code flush()} ({@code {% flush %}} in a template, and the end).
 * A surrogate pair is never split between two chunks. Strings and single chars reach
 * {@link #write(char[], int, int)} through {@link Writer}'s own methods.
 */
final class ChunkWriter extends Writer {

    /** Chars gathered before a chunk is handed on. */
    static final int CHUNK_CHARS = 8192;

    /** Receives the chunks. */
    @FunctionalInterface
    interface Sink {

        /** Takes a chunk; throws when the receiver went away, which ends the render. */
        void accept(byte[] chunk) throws IOException;
    }

    private final Sink sink;
    private final char[] buffer = new char[CHUNK_CHARS];
    private int count;

    ChunkWriter(Sink sink) {
        this.sink = sink;
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        int from = offset;
        int left = length;
        while (left > 0) {
            int n = Math.min(left, buffer.length - count);
            System.arraycopy(chars, from, buffer, count, n);
            count += n;
            from += n;
            left -= n;
            if (count == buffer.length) {
                emit(Character.isHighSurrogate(buffer[count - 1]) ? count - 1 : count);
            }
        }
    }

    @Override
    public void flush() throws IOException {
        if (count > 0) {
            emit(count);
        }
    }

    @Override
    public void close() throws IOException {
        flush();
    }

    /** Hands on the first {@code length} chars, keeping the rest (a lone high surrogate) for the next chunk. */
    private void emit(int length) throws IOException {
        byte[] chunk = new String(buffer, 0, length).getBytes(StandardCharsets.UTF_8);
        System.arraycopy(buffer, length, buffer, 0, count - length);
        count -= length;
        sink.accept(chunk);
    }
}
