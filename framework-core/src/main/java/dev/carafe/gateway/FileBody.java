package dev.carafe.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A response body that sends part of a file. Iterating it reads the part in blocks of 64 KiB;
 * servers that can, send it with {@link FileChannel#transferTo} instead, using
 * {@link #channel()}, {@link #position()} and {@link #length()}. Closing it closes the channel.
 *
 * <pre>{@code
 * startResponse.start("200 OK", List.of(
 *         new Header("Content-Type", "text/css"),
 *         new Header("Content-Length", Long.toString(Files.size(css)))));
 * return FileBody.open(css);
 * }</pre>
 */
public final class FileBody implements Iterable<byte[]>, AutoCloseable {

    private static final int BLOCK_SIZE = 64 * 1024;

    private final FileChannel channel;
    private final long position;
    private final long length;

    /**
     * Wraps part of an open channel; the body owns the channel from now on.
     *
     * @param channel an open, readable channel
     * @param position the offset of the first byte to send
     * @param length how many bytes to send
     * @throws IllegalArgumentException if the position or length is negative
     */
    public FileBody(FileChannel channel, long position, long length) {
        if (position < 0 || length < 0) {
            throw new IllegalArgumentException("File body position and length must not be negative, got position "
                    + position + " and length " + length + ".");
        }
        this.channel = channel;
        this.position = position;
        this.length = length;
    }

    /**
     * Opens a whole file as a body.
     *
     * @param file the file to send
     * @return a body of the whole file
     * @throws IOException if the file cannot be opened
     */
    public static FileBody open(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        return new FileBody(channel, 0, channel.size());
    }

    /**
     * Opens part of a file as a body, as for a {@code Range} request.
     *
     * @param file the file to send
     * @param position the offset of the first byte
     * @param length how many bytes to send
     * @return a body of that part
     * @throws IOException if the file cannot be opened
     */
    public static FileBody open(Path file, long position, long length) throws IOException {
        return new FileBody(FileChannel.open(file, StandardOpenOption.READ), position, length);
    }

    /** @return the channel the bytes come from */
    public FileChannel channel() {
        return channel;
    }

    /** @return the offset of the first byte to send */
    public long position() {
        return position;
    }

    /** @return how many bytes the body sends */
    public long length() {
        return length;
    }

    /**
     * Returns an iterator over the part in blocks of at most 64 KiB. A file that turns out shorter
     * than the part ends the iteration early; the server then sees fewer bytes than announced.
     *
     * @throws UncheckedIOException from {@code next()} if reading fails
     */
    @Override
    public Iterator<byte[]> iterator() {
        return new Iterator<>() {
            private long offset = position;
            private final long end = position + length;
            private boolean eof;

            @Override
            public boolean hasNext() {
                return !eof && offset < end;
            }

            @Override
            public byte[] next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("The file body has no more blocks.");
                }
                ByteBuffer block = ByteBuffer.allocate((int) Math.min(BLOCK_SIZE, end - offset));
                try {
                    int read = channel.read(block, offset);
                    if (read <= 0) {
                        eof = true;
                        return new byte[0];
                    }
                    offset += read;
                    return read == block.capacity() ? block.array() : Arrays.copyOf(block.array(), read);
                } catch (IOException e) {
                    throw new UncheckedIOException("Could not read the file body at offset " + offset + ".", e);
                }
            }
        };
    }

    /** Closes the channel. Closing twice has no further effect. */
    @Override
    public void close() throws IOException {
        channel.close();
    }
}
