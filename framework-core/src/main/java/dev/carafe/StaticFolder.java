package dev.carafe;

import dev.carafe.gateway.middleware.FileResponder;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A folder of static files the App or a blueprint serves at {@code .../static/<path:filename>}:
 * a filesystem directory, or a folder of classpath resources (what an application running from a
 * jar has). The folder text tells them apart: {@code classpath:static} is the resource folder
 * {@code static} of the context class loader (the jar's {@code src/main/resources/static}); any
 * other text is a filesystem path, relative to the working directory unless absolute.
 *
 * <p>Files are sent as {@link Response#sendFromDirectory} sends them: traversal-safe (anything that
 * could leave the folder is a 404), with {@code ETag}, {@code Last-Modified}, conditional and range
 * requests, and {@code Cache-Control: no-cache} unless the config key
 * {@code SEND_FILE_MAX_AGE_DEFAULT} gives a number of seconds.
 */
sealed interface StaticFolder {

    /** The marker of a classpath folder. */
    String CLASSPATH = "classpath:";

    /** The App's static folder when none is set: {@code static} on the classpath, served only when it exists. */
    String APP_DEFAULT = CLASSPATH + "static";

    /** @return whether the folder exists now */
    boolean exists();

    /** Sends the file named by the matched rule's {@code filename} variable, or throws 404. */
    Response send(String filename, FileOptions options);

    /**
     * The handler of a static route.
     *
     * @param request a request whose rule has a {@code <path:filename>} variable
     * @return the file's response
     * @throws HttpError.NotFound when there is no such file or the name could leave the folder
     */
    default Response send(Request request) {
        OptionalLong seconds = request.app().config().optionalLong("SEND_FILE_MAX_AGE_DEFAULT");
        FileOptions options = seconds.isPresent() && seconds.getAsLong() > 0
                ? FileOptions.defaults().withMaxAge(Duration.ofSeconds(seconds.getAsLong())) : FileOptions.defaults();
        return send(String.valueOf(request.viewArgs().get("filename")), options);
    }

    /**
     * This folder if it exists.
     *
     * @param owner who serves it, for the message: {@code the App}, {@code Blueprint 'auth'}
     * @return this folder
     * @throws IllegalArgumentException when it does not exist, saying where it was looked for
     */
    default StaticFolder existing(String owner) {
        if (!exists()) {
            throw new IllegalArgumentException(owner + " serves the static folder " + this + ", which does not "
                    + "exist. Create it, fix the path, or use \"" + CLASSPATH + "<folder>\" for a folder of classpath "
                    + "resources (src/main/resources/<folder>).");
        }
        return this;
    }

    /**
     * Reads a folder setting.
     *
     * @param folder {@code classpath:} and a resource folder, or a filesystem path
     * @return the folder
     * @throws IllegalArgumentException for an empty folder or a resource folder with {@code .} or
     *     {@code ..} segments
     */
    static StaticFolder parse(String folder) {
        Objects.requireNonNull(folder, "static folder");
        if (folder.startsWith(CLASSPATH)) {
            String resources = folder.substring(CLASSPATH.length()).replaceAll("^/+|/+$", "");
            for (String segment : resources.split("/", -1)) {
                if (segment.equals(".") || segment.equals("..") || segment.isEmpty() && !resources.isEmpty()) {
                    throw new IllegalArgumentException("The static folder '" + folder + "' must name a plain resource "
                            + "folder such as \"classpath:static\" or \"classpath:auth/static\", without '.', '..' or "
                            + "empty segments.");
                }
            }
            ClassLoader context = Thread.currentThread().getContextClassLoader();
            return new Classpath(context != null ? context : StaticFolder.class.getClassLoader(), resources);
        }
        if (folder.isBlank()) {
            throw new IllegalArgumentException("The static folder is empty; give a directory such as \"static\" or "
                    + "\"/srv/site/static\", or \"classpath:static\" for classpath resources.");
        }
        try {
            return new Directory(Path.of(folder));
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("The static folder '" + folder + "' is not a valid path: "
                    + e.getMessage(), e);
        }
    }

    /**
     * Checks the URL path a static folder is served at.
     *
     * @throws IllegalArgumentException unless it starts with {@code /} and has no rule variable
     */
    static String checkUrlPath(String path) {
        Objects.requireNonNull(path, "static URL path");
        if (!path.startsWith("/") || path.contains("<")) {
            throw new IllegalArgumentException("The static URL path '" + path + "' must start with a slash and have "
                    + "no variables, for example \"/static\" or \"/assets\".");
        }
        return path;
    }

    /** A directory on the filesystem. */
    record Directory(Path path) implements StaticFolder {

        @Override
        public boolean exists() {
            return Files.isDirectory(path);
        }

        @Override
        public Response send(String filename, FileOptions options) {
            return Response.sendFromDirectory(path, filename, options);
        }

        @Override
        public String toString() {
            return "'" + path + "' (absolute: '" + path.toAbsolutePath() + "')";
        }
    }

    /** A folder of resources of a class loader. */
    record Classpath(ClassLoader loader, String folder) implements StaticFolder {

        @Override
        public boolean exists() {
            return folder.isEmpty() || loader.getResource(folder) != null;
        }

        @Override
        public Response send(String filename, FileOptions options) {
            String name = filename.substring(filename.lastIndexOf('/') + 1);
            return FileResponder.resolveResource(loader, folder, filename)
                    .map(url -> FileResponses.resource(url, name, options))
                    .orElseThrow(HttpError.NotFound::new);
        }

        @Override
        public String toString() {
            return "'" + CLASSPATH + folder + "' (resources under '" + folder + "/' on the classpath)";
        }
    }
}
