package dev.carafe.flaskr;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carafe.App;
import dev.carafe.AppContext;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

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
}
