package dev.carafe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The folder for one deployment's own files, Flask's instance folder: its secret configuration
 * ({@code config.properties} or {@code config.json}, read by {@link Config#fromInstanceFolder}),
 * a SQLite database, uploads. It is not part of the code and is not committed.
 *
 * <pre>{@code
 * InstanceFolder instance = InstanceFolder.inWorkingDirectory();        // ./instance
 * Path database = instance.resolve("flaskr.sqlite");                    // creates ./instance if needed
 * config.fromMap(Map.of("DATABASE", database.toString())).fromInstanceFolder(instance);
 * }</pre>
 *
 * <p>The folder is created on demand, by {@link #create} and {@link #resolve}, never by reading
 * the configuration.
 *
 * @param path the folder's absolute, normalized path
 */
public record InstanceFolder(Path path) {

    /**
     * Names an instance folder at a path of your choice, for example from a deployment setting;
     * nothing is created yet.
     *
     * @param path the folder; a relative path starts at the working directory and is made absolute
     */
    public InstanceFolder {
        path = Objects.requireNonNull(path, "path").toAbsolutePath().normalize();
    }

    /** @return the folder {@code instance} under the working directory, Carafe's default */
    public static InstanceFolder inWorkingDirectory() {
        return new InstanceFolder(Path.of("instance"));
    }

    /**
     * Creates the folder and its parents unless it exists (flaskr's {@code os.makedirs(app.instance_path, exist_ok=True)}).
     *
     * @return this instance folder
     * @throws UncheckedIOException when it cannot be created, for example because a file has its name
     */
    public InstanceFolder create() {
        try {
            Files.createDirectories(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the instance folder " + path + ": " + e + ". Create it "
                    + "yourself, or choose another one with new InstanceFolder(path).", e);
        }
        return this;
    }

    /**
     * Returns the path of a file in the folder, creating the folder first if needed. The file itself
     * is not created.
     *
     * @param name a relative name inside the folder, for example {@code flaskr.sqlite} or {@code uploads/a.png}
     * @return the absolute path
     * @throws IllegalArgumentException when the name is empty, absolute or leads out of the folder
     * @throws UncheckedIOException when the folder cannot be created
     */
    public Path resolve(String name) {
        Objects.requireNonNull(name, "name");
        Path relative = Path.of(name);
        Path file = path.resolve(relative).normalize();
        if (name.isBlank() || relative.isAbsolute() || !file.startsWith(path) || file.equals(path)) {
            throw new IllegalArgumentException("The instance file name '" + name + "' does not name a file inside the "
                    + "instance folder " + path + "; give a relative name such as \"flaskr.sqlite\" or "
                    + "\"uploads/a.png\".");
        }
        create();
        return file;
    }
}
