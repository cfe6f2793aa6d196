package dev.carafe.templates;

import dev.carafe.gateway.middleware.FileResponder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One place templates are looked up in: a folder on the classpath (the default, so that apps run
 * from a jar) or a folder on the file system.
 */
sealed interface TemplateFolder {

    /** The marker of a classpath folder in a folder setting, as for static folders. */
    String CLASSPATH = "classpath:";

    /**
     * Reads a blueprint's template folder setting, with the convention of static folders:
     * {@code classpath:auth/templates} is a folder of classpath resources, any other text a
     * directory on the file system (relative to the working directory unless absolute).
     *
     * @param setting the setting, from {@code Blueprint.templateFolder(...)}
     * @param classLoader the class loader of classpath folders
     * @param owner who set it, for messages: {@code Blueprint 'auth'}
     * @return the folder
     * @throws IllegalArgumentException for a resource folder that could leave the classpath root, or
     *     a path that is not a directory, saying how to fix it
     */
    static TemplateFolder parse(String setting, ClassLoader classLoader, String owner) {
        if (setting.startsWith(CLASSPATH)) {
            String resources = setting.substring(CLASSPATH.length()).replaceAll("^/+|/+$", "");
            Optional<String> problem = TemplateNames.problem(resources);
            if (problem.isPresent()) {
                throw new IllegalArgumentException(owner + " has the template folder '" + setting + "', which is not "
                        + "a usable resource folder: " + problem.get() + ". Write it as \"classpath:auth/templates\".");
            }
            return new Classpath(resources + "/", classLoader);
        }
        Path path;
        try {
            path = Path.of(setting);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(owner + " has the template folder '" + setting + "', which is not a "
                    + "valid path: " + e.getMessage(), e);
        }
        if (setting.isBlank() || !Files.isDirectory(path)) {
            throw new IllegalArgumentException(owner + " has the template folder '" + setting + "' (absolute: '"
                    + path.toAbsolutePath().normalize() + "'), which is not a directory. Create it, fix the path, or "
                    + "use \"classpath:<folder>\" for a folder of classpath resources (src/main/resources/<folder>).");
        }
        return new Directory(path);
    }

    /**
     * Opens a template.
     *
     * @param name a checked relative name such as {@code blog/index.html} (see {@link TemplateNames})
     * @return its bytes, or empty when this folder has no such template
     * @throws UncheckedIOException when the template exists but cannot be read
     */
    Optional<InputStream> open(String name);

    /** @return how error messages name this folder, for example {@code classpath folder 'templates/'} */
    String describe();

    /** A classpath folder such as {@code templates/}, read through a class loader. */
    record Classpath(String prefix, ClassLoader classLoader) implements TemplateFolder {

        @Override
        public Optional<InputStream> open(String name) {
            URL resource = classLoader.getResource(prefix + name);
            if (resource == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(resource.openStream());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read template '" + name + "' from " + resource + ": "
                        + e.getMessage(), e);
            }
        }

        @Override
        public String describe() {
            return "classpath folder '" + prefix + "'";
        }
    }

    /** A folder on the file system; names that would leave it (.., links out of it) are not found. */
    record Directory(Path path) implements TemplateFolder {

        @Override
        public Optional<InputStream> open(String name) {
            Optional<Path> file = FileResponder.resolve(path, name);
            if (file.isEmpty()) {
                return Optional.empty();
            }
            try {
                return Optional.of(Files.newInputStream(file.get()));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read template '" + name + "' from " + file.get() + ": "
                        + e.getMessage(), e);
            }
        }

        @Override
        public String describe() {
            return "folder '" + path.toAbsolutePath().normalize() + "'";
        }
    }
}
