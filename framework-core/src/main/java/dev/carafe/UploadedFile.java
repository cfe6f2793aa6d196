package dev.carafe;

import dev.carafe.gateway.Header;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A file uploaded in a {@code multipart/form-data} body (Werkzeug's {@code FileStorage}).
 *
 * <p>A file up to {@code BodyLimits.spoolThreshold} bytes (500 KiB by default) is kept in memory;
 * a larger one is written to a temporary file while the body is read. Temporary files are deleted
 * when the request ends, so keep an upload with {@link #transferTo(Path)} (which moves the
 * temporary file when it can) or read it while handling the request.
 *
 * <p>{@link #filename()} is exactly what the client sent, which may contain {@code ../} or a
 * Windows path: never use it as a path. {@link #safeFilename()} gives a name that is safe to use
 * in a directory of your choosing, like Werkzeug's {@code secure_filename}.
 *
 * <pre>{@code
 * UploadedFile photo = request.files().get("photo").get(0);
 * String name = photo.safeFilename().orElse("upload.bin");
 * photo.transferTo(uploads.resolve(name));
 * }</pre>
 */
public final class UploadedFile {

    private static final Set<String> WINDOWS_DEVICES = Set.of("CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3",
            "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7",
            "LPT8", "LPT9");

    private final String field;
    private final String filename;
    private final String contentType;
    private final List<Header> headers;
    private final long size;
    private final byte[] memory;
    private final Path spool;
    private Path location;
    private boolean deleted;

    private UploadedFile(String field, String filename, String contentType, List<Header> headers, long size,
            byte[] memory, Path spool) {
        this.field = field;
        this.filename = filename;
        this.contentType = contentType;
        this.headers = List.copyOf(headers);
        this.size = size;
        this.memory = memory;
        this.spool = spool;
        this.location = spool;
    }

    static UploadedFile inMemory(String field, String filename, String contentType, List<Header> headers,
            byte[] content) {
        return new UploadedFile(field, filename, contentType, headers, content.length, content, null);
    }

    static UploadedFile spooled(String field, String filename, String contentType, List<Header> headers, long size,
            Path spool) {
        return new UploadedFile(field, filename, contentType, headers, size, null, spool);
    }

    /**
     * Returns the name of the form field the file was sent in.
     *
     * @return the field name, for example {@code photo}
     */
    public String field() {
        return field;
    }

    /**
     * Returns the file name exactly as the client sent it, possibly with a path; never use it as a path.
     *
     * @return the raw file name, or empty when the client sent none (a file input with no file
     *     selected sends {@code filename=""})
     */
    public Optional<String> filename() {
        return filename.isEmpty() ? Optional.empty() : Optional.of(filename);
    }

    /**
     * Returns a file name safe to store under a directory of your choosing: ASCII letters, digits,
     * {@code _}, {@code .} and {@code -} only, path separators and spaces turned into {@code _},
     * no leading or trailing dots, and Windows device names prefixed with {@code _}.
     * For example {@code ../../../etc/passwd} gives {@code etc_passwd} and
     * {@code My cool movie.mov} gives {@code My_cool_movie.mov}.
     *
     * @return the safe name, or empty when nothing safe is left (choose a name yourself then)
     */
    public Optional<String> safeFilename() {
        String ascii = Normalizer.normalize(filename, Normalizer.Form.NFKD).replaceAll("[^\\x00-\\x7F]", "");
        String joined = String.join("_", ascii.replace('/', ' ').replace('\\', ' ').strip().split("\\s+"));
        String safe = joined.replaceAll("[^A-Za-z0-9_.-]", "").replaceAll("^[._]+|[._]+$", "");
        if (safe.isEmpty()) {
            return Optional.empty();
        }
        String base = safe.split("\\.", 2)[0].toUpperCase(Locale.ROOT);
        return Optional.of(WINDOWS_DEVICES.contains(base) ? "_" + safe : safe);
    }

    /**
     * Returns the part's {@code Content-Type}, {@code application/octet-stream} if it sent none
     * (RFC 7578 §4.4).
     *
     * @return the content type as sent
     */
    public String contentType() {
        return contentType;
    }

    /**
     * Returns the size of the content in bytes.
     *
     * @return the size
     */
    public long size() {
        return size;
    }

    /**
     * Returns the part's headers in order, as sent.
     *
     * @return the headers, for example {@code Content-Disposition} and {@code Content-Type}
     */
    public List<Header> headers() {
        return headers;
    }

    /**
     * Returns the first value of a part header.
     *
     * @param name the header name, compared ignoring case
     * @return the value, or empty if absent
     */
    public Optional<String> header(String name) {
        return headers.stream().filter(h -> h.is(name)).map(Header::value).findFirst();
    }

    /**
     * Opens a fresh stream over the content; each call starts at the beginning.
     *
     * @return a stream the caller must close
     * @throws IOException if the temporary file cannot be opened
     * @throws IllegalStateException if the request has ended and its temporary file is gone
     */
    public synchronized InputStream stream() throws IOException {
        if (memory != null) {
            return new ByteArrayInputStream(memory);
        }
        checkNotDeleted();
        return Files.newInputStream(location);
    }

    /**
     * Reads the whole content.
     *
     * @return the bytes
     * @throws IOException if the temporary file cannot be read
     * @throws IllegalStateException if the request has ended and its temporary file is gone
     */
    public byte[] bytes() throws IOException {
        if (memory != null) {
            return memory.clone();
        }
        try (InputStream in = stream()) {
            return in.readAllBytes();
        }
    }

    /**
     * Saves the content to a file, replacing it if it exists. A file spooled to disk is moved there
     * the first time (no copy), and later reads use the new location.
     *
     * @param target the file to write
     * @throws IOException if the file cannot be written
     * @throws IllegalStateException if the request has ended and its temporary file is gone
     */
    public synchronized void transferTo(Path target) throws IOException {
        if (memory != null) {
            Files.write(target, memory);
            return;
        }
        checkNotDeleted();
        if (location.equals(spool)) {
            try {
                Files.move(spool, target, StandardCopyOption.REPLACE_EXISTING);
                location = target;
                return;
            } catch (IOException moveFailed) {
                if (moveFailed instanceof NoSuchFileException) {
                    throw moveFailed;
                }
            }
        }
        Files.copy(location, target, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Returns the temporary file, if the content was spooled to disk. */
    Optional<Path> spoolFile() {
        return Optional.ofNullable(spool);
    }

    /** Deletes the temporary file unless it was moved away by {@link #transferTo}; reads fail afterwards. */
    synchronized void delete() throws IOException {
        deleted = true;
        if (spool != null) {
            Files.deleteIfExists(spool);
        }
    }

    private void checkNotDeleted() {
        if (deleted && location.equals(spool)) {
            throw new IllegalStateException("The uploaded file '" + filename + "' (field '" + field
                    + "') was a temporary file deleted when its request ended; save it with transferTo(Path)"
                    + " or read it while handling the request");
        }
    }

    /** Shows field, file name, type and size; never the content. */
    @Override
    public String toString() {
        return "UploadedFile[field=" + field + ", filename=" + filename + ", contentType=" + contentType
                + ", size=" + size + (spool != null ? ", on disk" : ", in memory") + "]";
    }
}
