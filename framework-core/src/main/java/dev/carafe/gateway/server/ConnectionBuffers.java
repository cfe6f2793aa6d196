package dev.carafe.gateway.server;

import java.nio.ByteBuffer;

/**
 * The read and write buffers a connection serves a request with. With event loops they are lent
 * for each serve and given back when the connection is parked again, so that an idle connection
 * holds none and a busy loop keeps reusing the same, cache-warm pair ({@link EventLoop#lendBuffers()}).
 *
 * @param input the read buffer
 * @param output the write buffer
 */
record ConnectionBuffers(ByteBuffer input, byte[] output) {

    /** The size of each buffer. */
    static final int BYTES = 16 * 1024;

    /** @return a new pair */
    static ConnectionBuffers allocate() {
        return new ConnectionBuffers(ByteBuffer.allocate(BYTES), new byte[BYTES]);
    }
}
