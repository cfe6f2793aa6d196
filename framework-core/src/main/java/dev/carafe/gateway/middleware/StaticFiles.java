package dev.carafe.gateway.middleware;

import dev.carafe.gateway.Application;
import dev.carafe.gateway.Environ;
import dev.carafe.gateway.Lifespan;
import dev.carafe.gateway.Middleware;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Serves static files under URL prefixes, from directories and from the classpath, as Werkzeug's
 * {@code SharedDataMiddleware} does; any request it has no file for goes on to the wrapped
 * application.
 *
 * <p>For a file it answers {@code GET} and {@code HEAD} with {@code Content-Type} (from the
 * extension), {@code Content-Length}, a strong {@code ETag} made of the size and modification time,
 * {@code Last-Modified}, {@code Cache-Control} and {@code Accept-Ranges: bytes}. It answers
 * conditional requests ({@code If-Match}, else {@code If-Unmodified-Since}) with {@code 412} and
 * ({@code If-None-Match}, else {@code If-Modified-Since}) with {@code 304} (see {@link ConditionalRequest}),
 * a single byte {@code Range} with {@code 206} or {@code 416} (honouring {@code If-Range}), and a
 * request for several ranges with the whole file ({@code 200}). Other methods on an existing file
 * get {@code 405} with {@code Allow: GET, HEAD}; other methods on anything else go to the wrapped
 * application. Files are sent through the environ's {@code gateway.file_wrapper} when the server
 * offers one.
 *
 * <p>Paths that could leave the exported root never match and go to the wrapped application:
 * {@code .} and {@code ..} segments (also when they arrived percent-encoded), empty segments,
 * backslashes, control characters, and symbolic links whose target lies outside the directory.
 * Directories are not listed and have no index file.
 *
 * <pre>{@code
 * Application app = StaticFiles.builder()
 *         .directory("/static", Path.of("static"))
 *         .classpath("/assets", getClass().getClassLoader(), "META-INF/resources/assets")
 *         .build()
 *         .wrap(site);
 * }</pre>
 */
public final class StaticFiles implements Middleware {

    private record Export(MountPrefix prefix, StaticSource source) {
    }

    private final List<Export> exports;
    private final StaticResponse response;

    private StaticFiles(List<Export> exports, StaticResponse response) {
        this.exports = exports;
        this.response = response;
    }

    /**
     * Starts a configuration with no exports, {@code maxAge} of 12 hours and the built-in content types.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Application wrap(Application next) {
        Objects.requireNonNull(next, "wrapped application");
        return Lifespan.forward((environ, startResponse) -> {
            Optional<StaticResource> resource = find(String.valueOf(environ.getOrDefault(Environ.PATH_INFO, "")));
            if (resource.isPresent()) {
                return response.serve(environ, startResponse, resource.get());
            }
            return next.call(environ, startResponse);
        }, next);
    }

    private Optional<StaticResource> find(String pathInfo) {
        for (Export export : exports) {
            Optional<StaticResource> found = export.prefix().match(pathInfo)
                    .flatMap(SafePath::relative)
                    .flatMap(export.source()::find);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** The exports and settings; each is checked when it is set. */
    public static final class Builder {

        private final List<Export> exports = new ArrayList<>();
        private final Map<String, String> contentTypes = new HashMap<>();
        private Duration maxAge = Duration.ofHours(12);

        private Builder() {
        }

        /**
         * Serves the files under a directory at a URL prefix: {@code /static/css/site.css} is
         * {@code directory/css/site.css}.
         *
         * @param prefix the URL prefix, for example {@code /static}; {@code /} serves at the root
         * @param directory an existing directory
         * @return this builder
         * @throws IllegalArgumentException if the prefix is malformed or the directory does not exist
         */
        public Builder directory(String prefix, Path directory) {
            MountPrefix parsed = MountPrefix.parse("Static prefix", prefix);
            Objects.requireNonNull(directory, "directory");
            if (!Files.isDirectory(directory)) {
                throw new IllegalArgumentException("Static directory '" + directory + "' (absolute: '"
                        + directory.toAbsolutePath() + "') for prefix '" + prefix + "' is not a directory;"
                        + " create it or fix the path.");
            }
            exports.add(new Export(parsed, StaticSource.Directory.of(directory)));
            return this;
        }

        /**
         * Serves classpath resources at a URL prefix: {@code /assets/app.js} is the resource
         * {@code resourcePrefix/app.js} of the class loader. Resources in jars are streamed, with
         * the jar entry's size and time for {@code Content-Length}, {@code ETag} and
         * {@code Last-Modified}.
         *
         * @param prefix the URL prefix, for example {@code /assets}
         * @param loader the class loader to read from
         * @param resourcePrefix the resource folder, for example {@code META-INF/resources/assets};
         *     leading and trailing {@code /} are ignored, {@code ""} is the classpath root
         * @return this builder
         * @throws IllegalArgumentException if the prefix is malformed or the resource folder has a
         *     {@code .} or {@code ..} segment
         */
        public Builder classpath(String prefix, ClassLoader loader, String resourcePrefix) {
            MountPrefix parsed = MountPrefix.parse("Static prefix", prefix);
            Objects.requireNonNull(loader, "class loader");
            String folder = resourcePrefix.replaceAll("^/+|/+$", "");
            if (!folder.isEmpty() && SafePath.relative("/" + folder).isEmpty()) {
                throw new IllegalArgumentException("Resource prefix '" + resourcePrefix + "' for static prefix '"
                        + prefix + "' must be a plain folder name such as 'META-INF/resources/static', without"
                        + " '.', '..', empty segments, backslashes or control characters.");
            }
            exports.add(new Export(parsed, new StaticSource.Classpath(loader, folder)));
            return this;
        }

        /**
         * Sets how long clients may cache a file: {@code Cache-Control: public, max-age=SECONDS}, or
         * {@code no-cache} (always revalidate with the ETag) for zero.
         *
         * @param maxAge zero or more, whole seconds; default 12 hours, as Werkzeug's
         * @return this builder
         * @throws IllegalArgumentException if negative
         */
        public Builder maxAge(Duration maxAge) {
            if (maxAge.isNegative()) {
                throw new IllegalArgumentException("Static files maxAge must be zero (no-cache) or more, got "
                        + maxAge + ".");
            }
            this.maxAge = maxAge;
            return this;
        }

        /**
         * Sets the content type of an extension, adding to or replacing the built-in table. Text,
         * JavaScript, JSON and XML types without parameters get {@code ; charset=utf-8}.
         *
         * @param extension the extension without the dot, for example {@code avif}; case is ignored
         * @param type the media type, for example {@code image/avif}
         * @return this builder
         * @throws IllegalArgumentException if the extension has a dot or is empty, or the type has no {@code /}
         */
        public Builder contentType(String extension, String type) {
            if (extension.isEmpty() || extension.indexOf('.') >= 0 || extension.indexOf('/') >= 0) {
                throw new IllegalArgumentException("Extension '" + extension + "' must be the part after the last"
                        + " dot, without the dot, for example 'avif'.");
            }
            if (type.indexOf('/') <= 0) {
                throw new IllegalArgumentException("Content type '" + type + "' for extension '" + extension
                        + "' must be a media type such as 'image/avif'.");
            }
            contentTypes.put(extension.toLowerCase(Locale.ROOT), type);
            return this;
        }

        /**
         * Builds the middleware. Longer prefixes are tried first; exports with the same prefix are
         * tried in the order they were added, so a directory can override classpath defaults.
         *
         * @return the middleware
         */
        public StaticFiles build() {
            List<Export> ordered = new ArrayList<>(exports);
            ordered.sort(Comparator.comparingInt((Export e) -> e.prefix().length()).reversed());
            long seconds = maxAge.getSeconds();
            String cacheControl = seconds == 0 ? "no-cache" : "public, max-age=" + seconds;
            return new StaticFiles(List.copyOf(ordered), new StaticResponse(new ContentTypes(contentTypes), cacheControl));
        }
    }
}
