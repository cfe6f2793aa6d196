package dev.carafe.flaskr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carafe.App;
import dev.carafe.AppContext;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** flaskr's tests/test_db.py. */
@ExtendWith(FlaskrExtension.class)
class DbTest {

    @Test
    void oneAppContextHasOneConnectionWhichItsTeardownCloses(App app) throws SQLException {
        Database db;
        try (AppContext context = app.appContext()) {
            db = Database.of(context);
            assertSame(db, Database.of(context));
            assertSame(db.connection(), Database.of(context).connection());
        }
        SQLException e = assertThrows(SQLException.class, () -> db.query("SELECT 1"));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
    }

    // tag::init-db-command[]
    @Test
    void theInitDbCommandRunsInitDbAndSaysSo(@TempDir Path dir) {
        List<Database> calls = new ArrayList<>();
        App app = Flaskr.createApp(Optional.of(Map.of("TESTING", true, "DATABASE", dir.resolve("t.sqlite").toString())),
                Map.of(), calls::add);                   // flaskr's monkeypatched init_db
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int status = app.cli(new String[] {"init-db"}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

        assertEquals(0, status);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("Initialized"));
        assertEquals(1, calls.size());
    }
    // end::init-db-command[]
}
