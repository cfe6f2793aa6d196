package dev.carafe.gateway;

import java.io.IOException;
import java.nio.channels.FileChannel;

/**
 * A server's fast path for file bodies, offered under {@link Environ#GATEWAY_FILE_WRAPPER}
 * (PEP 3333's {@code wsgi.file_wrapper}).
 *
 * <p>An application that has a file to send asks the environ for the wrapper, wraps the open
 * channel, and returns the result as its body, unchanged. The server recognises its own bodies
 * and sends them with {@link FileChannel#transferTo} where it can. When the key is absent, an
 * application returns a {@link FileBody} itself, which every server can iterate.
 *
 * <pre>{@code
 * FileWrapper wrapper = (FileWrapper) environ.getOrDefault(Environ.GATEWAY_FILE_WRAPPER, FileWrapper.PLAIN);
 * return wrapper.wrap(FileChannel.open(path), 0, Files.size(path));
 * }</pre>
 */
@FunctionalInterface
public interface FileWrapper {

    /** The wrapper every environ can fall back to: a plain {@link FileBody}. */
    FileWrapper PLAIN = FileBody::new;

    /**
     * Wraps part of a file as a response body. The body takes ownership of the channel and closes
     * it when the body is closed. Nothing is read or sent until the server iterates the body.
     *
     * @param channel an open, readable channel
     * @param position where the part starts, in bytes from the start of the file
     * @param length how many bytes to send
     * @return a closeable body
     * @throws IOException if the channel cannot be used
     */
    Iterable<byte[]> wrap(FileChannel channel, long position, long length) throws IOException;
}
