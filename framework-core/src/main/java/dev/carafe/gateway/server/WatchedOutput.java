package dev.carafe.gateway.server;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.util.Objects;

/**
 * A connection's socket output under the write timeout: every write of up to
 * {@link SocketIo#PIECE} bytes must complete within the timeout, or the connection is closed. A
 * client that stops reading (its receive window and the server's send buffer full) thus cannot
 * hold the connection for ever, while a client that keeps reading, however slowly, only needs to
 * take {@link SocketIo#PIECE} bytes per timeout. Writes are unbuffered; {@link ConnectionOutput}
 * buffers in front of it.
 */
final class WatchedOutput extends OutputStream {

    private final SocketIo socket;
    private final long timeoutNanos;

    WatchedOutput(SocketIo socket, long timeoutNanos) {
        this.socket = socket;
        this.timeoutNanos = timeoutNanos;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        socket.write(bytes, offset, length, timeoutNanos);
    }

    /**
     * Sends part of a file straight from the file system cache ({@link FileChannel#transferTo}),
     * at most {@link SocketIo#PIECE} bytes under one deadline; nothing must be buffered in front of it.
     *
     * @return the bytes sent, 0 when the file ended early
     */
    long transferFrom(FileChannel file, long position, long count) throws IOException {
        return socket.transferFrom(file, position, count, timeoutNanos);
    }
}
