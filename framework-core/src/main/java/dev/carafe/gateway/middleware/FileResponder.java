package dev.carafe.gateway.middleware;

import dev.carafe.gateway.Header;
import dev.carafe.gateway.StartResponse;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sends one file as a gateway response, with the conditional, range and traversal handling of
 * {@link StaticFiles}: the entry point for frameworks that send files from their own handlers, as
 * Flask's {@code send_file} and {@code send_from_directory} do.
 *
 * <pre>{@code
 * Application download = (environ, startResponse) -> {
 *     Optional<Path> file = FileResponder.resolve(Path.of("reports"), "2026/q3.pdf");
 *     if (file.isEmpty()) {
 *         startResponse.start("404 Not Found", List.of(new Header("Content-Type", "text/plain")));
 *         return List.of("no such report".getBytes(StandardCharsets.UTF_8));
 *     }
 *     return FileResponder.send(environ, startResponse, file.get(), 200, List.of(
 *             new Header("Content-Type", FileResponder.contentType("q3.pdf")),
 *             new Header("Cache-Control", "no-cache")), true);
 * };
 * }</pre>
 */
public final class FileResponder {

    private static final ContentTypes CONTENT_TYPES = new ContentTypes(Map.of());

    private FileResponder() {
    }

    /**
     * The {@code Content-Type} for a file name from {@link StaticFiles}' built-in table of
     * extensions, with {@code ; charset=utf-8} for textual types.
     *
     * @param fileName a file name or path, for example {@code site.css}
     * @return for example {@code text/css; charset=utf-8}; {@code application/octet-stream} for an
     *     unknown extension
     */
    public static String contentType(String fileName) {
        return CONTENT_TYPES.of(fileName);
    }

    /**
     * Joins an untrusted relative path, such as a value from a URL, to a trusted directory, and
     * returns the file only if it stays inside the directory and is a regular file.
     *
     * <p>Rejected (empty result): an empty or absolute path, {@code .} and {@code ..} segments,
     * empty segments, backslashes, NUL and other control characters, a symbolic link whose target
     * lies outside the directory, a directory, a missing file, a missing directory.
     *
     * @param directory the trusted directory; never from the request
     * @param untrustedPath a {@code /}-separated relative path, already percent-decoded, as text
     * @return the file's real path, or empty
     */
    public static Optional<Path> resolve(Path directory, String untrustedPath) {
        Optional<String> name = SafePath.name(untrustedPath);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        StaticSource.Directory root;
        try {
            root = StaticSource.Directory.of(directory);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        return root.regularFile(name.get());
    }

    /**
     * Finds a class loader's resource under a folder by an untrusted relative path, as
     * {@link #resolve} does for a directory: the same paths are rejected, and so are directories
     * and resources that cannot be read.
     *
     * @param loader the class loader, for example the application's
     * @param folder the trusted resource folder, for example {@code static} (without leading or
     *     trailing {@code /}); {@code ""} for the classpath root
     * @param untrustedPath a {@code /}-separated relative path, already percent-decoded, as text
     * @return the resource's URL, to pass to {@link #send(Map, StartResponse, URL, int, List, boolean)}
     */
    public static Optional<URL> resolveResource(ClassLoader loader, String folder, String untrustedPath) {
        StaticSource.Classpath source = new StaticSource.Classpath(loader, folder);
        return SafePath.name(untrustedPath).flatMap(name -> source.url(name)
                .filter(url -> StaticSource.Classpath.resource(name, url).isPresent()));
    }

    /**
     * Sends a classpath resource as {@link #send(Map, StartResponse, Path, int, List, boolean)}
     * sends a file; the validators come from the file or the jar entry behind the URL.
     *
     * @param environ the request's environ
     * @param startResponse the server's callback
     * @param resource a resource found by {@link #resolveResource}
     * @param status the status of a full answer, usually 200
     * @param headers headers for every answer (see the file variant)
     * @param conditional whether to send validators and answer conditional and range requests
     * @return the body
     * @throws java.io.IOException if the resource can no longer be read
     * @throws Exception if starting the response fails
     */
    public static Iterable<byte[]> send(Map<String, Object> environ, StartResponse startResponse, URL resource,
            int status, List<Header> headers, boolean conditional) throws Exception {
        String path = resource.getPath();
        String name = path.substring(path.lastIndexOf('/') + 1);
        StaticResource found = StaticSource.Classpath.resource(name, resource).orElseThrow(() ->
                new IOException("The resource " + resource + " can no longer be read (a directory, or gone)."));
        return StaticResponse.send(environ, startResponse, found, status, headers, conditional);
    }

    /**
     * Sends a file. To the given headers it adds {@code Last-Modified} and {@code Content-Length};
     * with {@code conditional} also a strong {@code ETag} (size and modification time) and
     * {@code Accept-Ranges: bytes}. The file's size and time are read now, so the validators are
     * current.
     *
     * <p>When {@code conditional} is on, the status is 200 and the method is {@code GET} or
     * {@code HEAD}, a failed {@code If-Match} (else {@code If-Unmodified-Since}) answers {@code 412},
     * the request's {@code If-None-Match} (else {@code If-Modified-Since}) may answer
     * {@code 304 Not Modified}, and a single byte {@code Range} (honouring {@code If-Range})
     * answers {@code 206 Partial Content} or {@code 416 Range Not Satisfiable}; several ranges get
     * the whole file. {@code 304} leaves out {@code Content-Type}; {@code 416} has an empty body.
     * {@code HEAD} gets the headers and no body. The body goes through the environ's
     * {@code gateway.file_wrapper} when the server offers one, else it is a
     * {@link dev.carafe.gateway.FileBody}.
     *
     * @param environ the request's environ
     * @param startResponse the server's callback
     * @param file a regular file, from a trusted path (see {@link #resolve})
     * @param status the status of a full answer, usually 200
     * @param headers headers for every answer, {@code Content-Type} and {@code Cache-Control}
     *     included; any {@code Content-Length}, {@code Content-Range}, {@code Accept-Ranges},
     *     {@code ETag} or {@code Last-Modified} in it is replaced
     * @param conditional whether to send validators and answer conditional and range requests
     * @return the body
     * @throws java.io.IOException if the file cannot be read (for example, it is gone)
     * @throws Exception if starting the response fails
     */
    public static Iterable<byte[]> send(Map<String, Object> environ, StartResponse startResponse, Path file,
            int status, List<Header> headers, boolean conditional) throws Exception {
        Path name = file.getFileName();
        StaticResource resource = StaticResource.file(name == null ? "" : name.toString(), file);
        return StaticResponse.send(environ, startResponse, resource, status, headers, conditional);
    }
}
