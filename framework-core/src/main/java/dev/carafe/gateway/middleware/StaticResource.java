package dev.carafe.gateway.middleware;

import dev.carafe.gateway.Environ;
import dev.carafe.gateway.FileWrapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A file or classpath resource found by a {@link StaticSource}: its name (for the content type), its
 * length and modification time when known, and a way to open a part of it as a response body.
 */
record StaticResource(String name, OptionalLong size, Optional<Instant> modified, Opener opener) {

    /** Opens part of the resource as a closeable body. */
    @FunctionalInterface
    interface Opener {
        Iterable<byte[]> open(Map<String, Object> environ, long position, long length) throws IOException;
    }

    /**
     * A regular file as it is now (size and modification time read from the file system).
     *
     * @throws IOException if the file's attributes cannot be read, for example because it is gone
     */
    static StaticResource file(String name, Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        return file(name, file, attributes.size(), attributes.lastModifiedTime().toInstant());
    }

    /** A regular file, sent through the environ's {@code gateway.file_wrapper} when there is one. */
    static StaticResource file(String name, Path file, long size, Instant modified) {
        return new StaticResource(name, OptionalLong.of(size), Optional.of(modified), (environ, position, length) -> {
            FileWrapper wrapper = environ.get(Environ.GATEWAY_FILE_WRAPPER) instanceof FileWrapper w ? w : FileWrapper.PLAIN;
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
            try {
                return wrapper.wrap(channel, position, length);
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        });
    }

    /** A resource read from a stream, for example a jar entry. */
    static StaticResource stream(String name, OptionalLong size, Optional<Instant> modified, StreamSource source) {
        return new StaticResource(name, size, modified, (environ, position, length) -> {
            InputStream in = source.open();
            try {
                in.skipNBytes(position);
            } catch (IOException | RuntimeException e) {
                in.close();
                throw e;
            }
            return new StreamBody(in, length);
        });
    }

    /** Opens a fresh stream over the whole resource. */
    @FunctionalInterface
    interface StreamSource {
        InputStream open() throws IOException;
    }

    /** An ETag (strong, quoted) from the length and modification time, when both are known. */
    Optional<String> etag() {
        if (size.isEmpty() || modified.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("\"" + Long.toHexString(size.getAsLong()) + "-"
                + Long.toHexString(modified.get().toEpochMilli()) + "\"");
    }
}
