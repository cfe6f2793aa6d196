package dev.carafe;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import dev.carafe.gateway.Header;

/**
 * The content of one uploaded file while it is read: in memory up to the spool threshold, then in
 * a temporary file (created owner-only by {@link Files#createTempFile}) holding everything.
 */
final class Spool implements MultipartInput.Sink {

    private final long threshold;
    private final Path directory;
    private ByteArrayOutputStream memory = new ByteArrayOutputStream();
    private Path file;
    private OutputStream out;
    private long size;

    Spool(long threshold, Path directory) {
        this.threshold = threshold;
        this.directory = directory;
    }

    @Override
    public void accept(byte[] bytes, int offset, int length) throws IOException {
        size += length;
        if (out == null && size <= threshold) {
            memory.write(bytes, offset, length);
            return;
        }
        if (out == null) {
            file = Files.createTempFile(directory, "carafe-upload-", ".part");
            out = new BufferedOutputStream(Files.newOutputStream(file));
            memory.writeTo(out);
            memory = null;
        }
        out.write(bytes, offset, length);
    }

    /** Returns the finished upload; a temporary file is then owned by it. */
    UploadedFile finish(String field, String filename, String contentType, List<Header> headers) throws IOException {
        if (out == null) {
            return UploadedFile.inMemory(field, filename, contentType, headers, memory.toByteArray());
        }
        out.close();
        return UploadedFile.spooled(field, filename, contentType, headers, size, file);
    }

    /** Deletes the temporary file of an upload that was not finished. */
    void discard() throws IOException {
        try {
            if (out != null) {
                out.close();
            }
        } finally {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        }
    }
}
