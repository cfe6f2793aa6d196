package dev.carafe;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How {@link Response#sendFile(java.nio.file.Path, FileOptions)} and
 * {@link Response#sendFromDirectory(java.nio.file.Path, String, FileOptions)} send a file: the
 * options of Flask's {@code send_file}.
 *
 * <pre>{@code
 * FileOptions download = FileOptions.defaults()
 *         .withAttachment(true)
 *         .withDownloadName("Report Q3.pdf")
 *         .withMaxAge(Duration.ofHours(1));
 * }</pre>
 *
 * @param contentType the {@code Content-Type}; default: guessed from the download name, else the
 *     file name ({@code application/octet-stream} when the extension is unknown)
 * @param asAttachment {@code Content-Disposition: attachment} (the browser saves the file) instead
 *     of {@code inline} (it shows it); default {@code false}
 * @param downloadName the name the browser shows or saves under; default: the file's name
 * @param conditional send {@code ETag} and {@code Accept-Ranges} and answer conditional
 *     ({@code 304}) and range ({@code 206}, {@code 416}) requests; default {@code true}
 * @param maxAge how long clients may cache the file without asking: {@code Cache-Control: public,
 *     max-age=SECONDS}; default: none, which sends {@code Cache-Control: no-cache} (clients
 *     revalidate with the {@code ETag} every time), as zero does
 */
public record FileOptions(Optional<String> contentType, boolean asAttachment, Optional<String> downloadName,
        boolean conditional, Optional<Duration> maxAge) {

    /**
     * Creates options, checking them.
     *
     * @throws IllegalArgumentException if {@code maxAge} is negative, or the download name is empty
     *     or has a {@code /}, a backslash or a control character
     * @throws NullPointerException if any part is {@code null}
     */
    public FileOptions {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(downloadName, "downloadName");
        Objects.requireNonNull(maxAge, "maxAge");
        maxAge.filter(Duration::isNegative).ifPresent(age -> {
            throw new IllegalArgumentException("File maxAge must be zero (no-cache) or more, got " + age + ".");
        });
        downloadName.ifPresent(ContentDisposition::checkName);
    }

    /**
     * The defaults: type guessed, inline, the file's own name, conditional, {@code no-cache}.
     *
     * @return the default options
     */
    public static FileOptions defaults() {
        return new FileOptions(Optional.empty(), false, Optional.empty(), true, Optional.empty());
    }

    /**
     * @param contentType the {@code Content-Type} to send instead of the guessed one
     * @return a copy with that content type
     */
    public FileOptions withContentType(String contentType) {
        return new FileOptions(Optional.of(contentType), asAttachment, downloadName, conditional, maxAge);
    }

    /**
     * @param asAttachment {@code true} for {@code attachment} (save), {@code false} for {@code inline}
     * @return a copy with that disposition
     */
    public FileOptions withAttachment(boolean asAttachment) {
        return new FileOptions(contentType, asAttachment, downloadName, conditional, maxAge);
    }

    /**
     * @param downloadName the file name the browser uses, any Unicode text without {@code /}
     * @return a copy with that name
     */
    public FileOptions withDownloadName(String downloadName) {
        return new FileOptions(contentType, asAttachment, Optional.of(downloadName), conditional, maxAge);
    }

    /**
     * @param conditional whether to send validators and answer conditional and range requests
     * @return a copy with that setting
     */
    public FileOptions withConditional(boolean conditional) {
        return new FileOptions(contentType, asAttachment, downloadName, conditional, maxAge);
    }

    /**
     * @param maxAge how long clients may cache the file, whole seconds; zero sends {@code no-cache}
     * @return a copy with that age
     */
    public FileOptions withMaxAge(Duration maxAge) {
        return new FileOptions(contentType, asAttachment, downloadName, conditional, Optional.of(maxAge));
    }

    /** The {@code Cache-Control} value these options send. */
    String cacheControl() {
        long seconds = maxAge.map(Duration::getSeconds).orElse(0L);
        return seconds > 0 ? "public, max-age=" + seconds : "no-cache";
    }
}
