package dev.carafe.gateway.middleware;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.jar.JarEntry;

/** Where a static export finds its resources: a directory, or a class loader and a resource prefix. */
sealed interface StaticSource {

    /**
     * Finds a regular file or resource.
     *
     * @param relative a name that passed {@link SafePath}, {@code /}-separated
     * @return the resource, or empty if there is none (missing, a directory, outside the root)
     */
    Optional<StaticResource> find(String relative);

    /** Files under a directory; symbolic links are followed only while they stay inside it. */
    record Directory(Path root, Path realRoot) implements StaticSource {

        static Directory of(Path root) {
            try {
                Path absolute = root.toAbsolutePath().normalize();
                return new Directory(absolute, absolute.toRealPath());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public Optional<StaticResource> find(String relative) {
            return regularFile(relative).flatMap(real -> {
                try {
                    return Optional.of(StaticResource.file(relative, real));
                } catch (IOException | SecurityException e) {
                    return Optional.empty();
                }
            });
        }

        /**
         * The real path of a regular file under the root, or empty if it is missing, not a regular
         * file, or outside the root once symbolic links are followed.
         */
        Optional<Path> regularFile(String relative) {
            try {
                Path candidate = root.resolve(relative).normalize();
                if (!candidate.startsWith(root)) {
                    return Optional.empty();
                }
                Path real = candidate.toRealPath();
                if (!real.startsWith(realRoot) || !Files.isRegularFile(real)) {
                    return Optional.empty();
                }
                return Optional.of(real);
            } catch (IOException | InvalidPathException | SecurityException e) {
                return Optional.empty();
            }
        }
    }

    /** Resources of a class loader under a prefix such as {@code META-INF/resources/static}. */
    record Classpath(ClassLoader loader, String prefix) implements StaticSource {

        @Override
        public Optional<StaticResource> find(String relative) {
            return url(relative).flatMap(url -> resource(relative, url));
        }

        /** The URL of a resource under the prefix, if the class loader has one (it may be a directory). */
        Optional<URL> url(String relative) {
            return Optional.ofNullable(loader.getResource(prefix.isEmpty() ? relative : prefix + "/" + relative));
        }

        /**
         * The resource at a URL, or empty when it is a directory or cannot be read.
         *
         * @param relative the name it is known by, for its content type
         * @param url a {@code file:}, {@code jar:} or other URL from a class loader
         */
        static Optional<StaticResource> resource(String relative, URL url) {
            try {
                return switch (url.getProtocol()) {
                    case "file" -> file(relative, url);
                    case "jar" -> jarEntry(relative, url);
                    default -> other(relative, url);
                };
            } catch (IOException | URISyntaxException | IllegalArgumentException | SecurityException e) {
                return Optional.empty();
            }
        }

        private static Optional<StaticResource> file(String relative, URL url) throws IOException, URISyntaxException {
            Path path = Path.of(url.toURI());
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isRegularFile()) {
                return Optional.empty();
            }
            return Optional.of(StaticResource.file(relative, path, attributes.size(),
                    attributes.lastModifiedTime().toInstant()));
        }

        private static Optional<StaticResource> jarEntry(String relative, URL url) throws IOException {
            JarEntry entry = ((JarURLConnection) url.openConnection()).getJarEntry();
            if (entry == null || entry.isDirectory()) {
                return Optional.empty();
            }
            OptionalLong size = entry.getSize() >= 0 ? OptionalLong.of(entry.getSize()) : OptionalLong.empty();
            Optional<Instant> modified = entry.getTime() >= 0
                    ? Optional.of(Instant.ofEpochMilli(entry.getTime())) : Optional.empty();
            return Optional.of(StaticResource.stream(relative, size, modified, url::openStream));
        }

        private static Optional<StaticResource> other(String relative, URL url) throws IOException {
            URLConnection connection = url.openConnection();
            long length = connection.getContentLengthLong();
            long modified = connection.getLastModified();
            return Optional.of(StaticResource.stream(relative,
                    length >= 0 ? OptionalLong.of(length) : OptionalLong.empty(),
                    modified > 0 ? Optional.of(Instant.ofEpochMilli(modified)) : Optional.empty(),
                    url::openStream));
        }
    }
}
