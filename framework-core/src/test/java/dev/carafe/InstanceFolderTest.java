package dev.carafe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstanceFolderTest {

    @TempDir
    Path dir;

    @Test
    void theDefaultIsInstanceUnderTheWorkingDirectory() {
        assertEquals(Path.of("instance").toAbsolutePath().normalize(), InstanceFolder.inWorkingDirectory().path());
    }

    @Test
    void aRelativePathIsMadeAbsoluteAndNothingIsCreatedYet() {
        InstanceFolder folder = new InstanceFolder(dir.resolve("a/../instance"));

        assertEquals(dir.resolve("instance"), folder.path());
        assertFalse(Files.exists(folder.path()));
    }

    @Test
    void resolveCreatesTheFolderAndReturnsThePathOfAFileInIt() {
        InstanceFolder folder = new InstanceFolder(dir.resolve("deep/instance"));

        Path database = folder.resolve("flaskr.sqlite");

        assertEquals(dir.resolve("deep/instance/flaskr.sqlite"), database);
        assertTrue(Files.isDirectory(folder.path()));
        assertFalse(Files.exists(database));
        assertEquals(dir.resolve("deep/instance/uploads/a.png"), folder.resolve("uploads/a.png"));
    }

    @Test
    void createIsIdempotent() {
        InstanceFolder folder = new InstanceFolder(dir.resolve("instance"));

        folder.create().create();

        assertTrue(Files.isDirectory(folder.path()));
    }

    @Test
    void namesLeavingTheFolderAreRefused() {
        InstanceFolder folder = new InstanceFolder(dir.resolve("instance"));

        for (String name : List.of("../secrets", "", ".", "a/../../b", dir.resolve("x").toString())) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> folder.resolve(name));
            assertEquals("The instance file name '" + name + "' does not name a file inside the instance folder "
                    + folder.path() + "; give a relative name such as \"flaskr.sqlite\" or \"uploads/a.png\".",
                    error.getMessage());
        }
        assertFalse(Files.exists(folder.path()));
    }

    @Test
    void aFileInTheWayOfTheFolderFailsSayingHowToFixIt() throws IOException {
        Path blocker = Files.writeString(dir.resolve("instance"), "not a folder");
        InstanceFolder folder = new InstanceFolder(blocker);

        UncheckedIOException error = assertThrows(UncheckedIOException.class, folder::create);
        assertTrue(error.getMessage().startsWith("Cannot create the instance folder " + blocker + ": "),
                error.getMessage());
        assertTrue(error.getMessage().endsWith(". Create it yourself, or choose another one with "
                + "new InstanceFolder(path)."), error.getMessage());
    }
}
