package dev.carafe;

import dev.carafe.gateway.Header;
import dev.carafe.gateway.middleware.FileResponder;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** The responses of {@link Response#sendFile(Path, FileOptions)} and of a static folder's resources. */
final class FileResponses {

    private FileResponses() {
    }

    /** A 200 response that sends a file, checked to be a readable regular file now. */
    static Response file(Path file, FileOptions options) {
        Objects.requireNonNull(options, "file options");
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IllegalArgumentException("Cannot send file '" + file + "' (absolute: '" + file.toAbsolutePath()
                    + "'): it is missing, a directory or unreadable. Check the path; it is resolved against the"
                    + " working directory '" + Path.of("").toAbsolutePath() + "'.");
        }
        Path fileName = file.getFileName();
        return new Response(200, headers(fileName == null ? "file" : fileName.toString(), options),
                new ResponseBody.File(file, options.conditional()));
    }

    /**
     * A 200 response that sends a classpath resource found by {@link FileResponder#resolveResource},
     * with the headers and conditional handling of {@link #file}.
     */
    static Response resource(URL resource, String fileName, FileOptions options) {
        Objects.requireNonNull(options, "file options");
        return new Response(200, headers(fileName, options), new ResponseBody.Resource(resource, options.conditional()));
    }

    private static List<Header> headers(String fileName, FileOptions options) {
        String name = options.downloadName().orElse(fileName);
        return List.of(
                ResponseHeaders.checked("Content-Type",
                        options.contentType().orElseGet(() -> FileResponder.contentType(name))),
                new Header("Cache-Control", options.cacheControl()),
                new Header("Content-Disposition", ContentDisposition.of(options.asAttachment(), name)));
    }
}
