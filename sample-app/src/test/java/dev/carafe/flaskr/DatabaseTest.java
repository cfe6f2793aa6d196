package dev.carafe.flaskr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

    @TempDir
    Path dir;

    @Test
    void rowsAreMapsByColumnNameAndTimestampsAreLocalDateTimes() throws SQLException {
        try (Database db = Database.open(dir.resolve("flaskr.sqlite"))) {
            Flaskr.initDb(db);
            db.executeResource(DatabaseTest.class, "data.sql");

            List<Map<String, Object>> posts = db.query("SELECT p.id, title, body, created, author_id, username"
                    + " FROM post p JOIN user u ON p.author_id = u.id ORDER BY created DESC");

            assertEquals(List.of(Map.of("id", 1, "title", "test title", "body", "test\nbody",
                    "created", LocalDateTime.of(2018, 1, 1, 0, 0), "author_id", 1, "username", "test")), posts);
            assertEquals(List.of("id", "title", "body", "created", "author_id", "username"),
                    List.copyOf(posts.get(0).keySet()));
        }
    }

    @Test
    void theDefaultTimestampOfANewPostIsReadBack() throws SQLException {
        try (Database db = Database.open(dir.resolve("flaskr.sqlite"))) {
            Flaskr.initDb(db);
            db.executeResource(DatabaseTest.class, "data.sql");
            assertEquals(1, db.execute("INSERT INTO post (title, body, author_id) VALUES (?, ?, ?)", "t", "", 1));

            Object created = db.queryOne("SELECT created FROM post WHERE title = ?", "t").orElseThrow().get("created");

            assertTrue(created instanceof LocalDateTime, String.valueOf(created));
        }
    }

    @Test
    void aSecondUserWithTheSameNameIsAnIntegrityError() throws SQLException {
        try (Database db = Database.open(dir.resolve("flaskr.sqlite"))) {
            Flaskr.initDb(db);
            db.execute("INSERT INTO user (username, password) VALUES (?, ?)", "a", "x");

            SQLException e = assertThrows(SQLException.class,
                    () -> db.execute("INSERT INTO user (username, password) VALUES (?, ?)", "a", "y"));

            assertTrue(Database.isIntegrityError(e), e.toString());
            assertFalse(Database.isIntegrityError(assertThrows(SQLException.class, () -> db.query("SELECT nope"))));
        }
    }

    @Test
    void initDbEmptiesAnExistingDatabase() throws SQLException {
        try (Database db = Database.open(dir.resolve("flaskr.sqlite"))) {
            Flaskr.initDb(db);
            db.executeResource(DatabaseTest.class, "data.sql");
            Flaskr.initDb(db);
            assertEquals(Optional.of(Map.of("n", 0)), db.queryOne("SELECT COUNT(*) AS n FROM user"));
        }
    }

    @Test
    void openCreatesMissingFolders() throws SQLException {
        Path file = dir.resolve("instance/sub/flaskr.sqlite");
        try (Database db = Database.open(file)) {
            Flaskr.initDb(db);
            assertEquals(file, db.file());
        }
    }

    @Test
    void aMissingScriptIsNamedWithWhereToPutIt() throws SQLException {
        try (Database db = Database.open(dir.resolve("flaskr.sqlite"))) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> db.executeResource(Flaskr.class, "nope.sql"));
            assertEquals("The SQL script 'nope.sql' is not on the classpath next to dev.carafe.flaskr.Flaskr; put it"
                    + " in src/main/resources/dev/carafe/flaskr/", e.getMessage());
        }
    }
}
