package dev.carafe.gateway.server;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.util.Objects;

/**
 * The buffered output of one connection, used by its thread only (so, unlike
 * {@link java.io.BufferedOutputStream}, without a lock): response heads are written into the buffer
 * as ISO-8859-1 bytes straight from their strings, and a small response leaves in one write when
 * it is flushed. A write at least as large as the buffer goes straight to the socket.
 */
final class ConnectionOutput extends OutputStream {

    private final WatchedOutput socket;
    /** The buffer; a parked connection has an empty one ({@link #use}). */
    private byte[] buffer;
    private int count;

    ConnectionOutput(WatchedOutput socket, byte[] buffer) {
        this.socket = socket;
        this.buffer = buffer;
    }

    /**
     * Writes through {@code buffer} from now on; whatever the previous buffer held is dropped (a
     * parked connection has sent everything, and an ended one sends nothing more).
     */
    void use(byte[] buffer) {
        this.buffer = buffer;
        count = 0;
    }

    @Override
    public void write(int b) throws IOException {
        if (count == buffer.length) {
            drain();
        }
        buffer[count++] = (byte) b;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        if (length >= buffer.length) {
            drain();
            socket.write(bytes, offset, length);
            return;
        }
        if (length > buffer.length - count) {
            drain();
        }
        System.arraycopy(bytes, offset, buffer, count, length);
        count += length;
    }

    /**
     * Writes text whose chars are all at most U+00FF (a status line, checked header names and
     * values) as one byte per char.
     */
    void writeLatin1(String text) throws IOException {
        int length = text.length();
        if (length > buffer.length - count) {
            for (int i = 0; i < length; i++) {
                write(text.charAt(i));
            }
            return;
        }
        for (int i = 0; i < length; i++) {
            buffer[count + i] = (byte) text.charAt(i);
        }
        count += length;
    }

    /** Writes {@code name: value} and CRLF. */
    void writeField(String name, String value) throws IOException {
        writeLatin1(name);
        write(':');
        write(' ');
        writeLatin1(value);
        writeCrlf();
    }

    void writeCrlf() throws IOException {
        write('\r');
        write('\n');
    }

    /**
     * Sends what is buffered, then part of a file straight from the file system cache (see
     * {@link WatchedOutput#transferFrom}).
     *
     * @return the file bytes sent, 0 when the file ended early
     */
    long transferFrom(FileChannel file, long position, long length) throws IOException {
        drain();
        return socket.transferFrom(file, position, length);
    }

    @Override
    public void flush() throws IOException {
        drain();
        socket.flush();
    }

    @Override
    public void close() throws IOException {
        try {
            flush();
        } finally {
            socket.close();
        }
    }

    private void drain() throws IOException {
        if (count > 0) {
            int length = count;
            count = 0;
            socket.write(buffer, 0, length);
        }
    }
}
