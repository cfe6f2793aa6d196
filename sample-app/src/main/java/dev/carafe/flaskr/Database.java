package dev.carafe.flaskr;

import dev.carafe.AppContext;
import dev.carafe.Request;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * flaskr's {@code get_db()}: one SQLite connection per app context, opened on first use from the
 * config key {@code DATABASE} (a file path) and kept in {@code g}; {@link #closeDb} closes it when
 * the context ends. Rows come back as maps from column name to value, in column order, as
 * {@code sqlite3.Row}; columns declared {@code TIMESTAMP} hold {@link LocalDateTime}s, as flaskr's
 * {@code PARSE_DECLTYPES} converter makes them, and SQL {@code NULL} is a {@code null} value (flaskr's
 * columns are all {@code NOT NULL}). Every statement commits on its own (JDBC's
 * auto-commit), where flaskr calls {@code db.commit()} after each change.
 *
 * <pre>{@code
 * Database db = Database.of(request);
 * Optional<Map<String, Object>> user = db.queryOne("SELECT * FROM user WHERE id = ?", id);
 * db.execute("INSERT INTO post (title, body, author_id) VALUES (?, ?, ?)", title, body, userId);
 * }</pre>
 *
 * <p>A Database belongs to one context, so to one thread at a time.
 */
public final class Database implements AutoCloseable {

    /** Where the connection is kept in the app context's {@code g}. */
    public static final String G_KEY = "db";

    /** SQLite's result code for a violated constraint (UNIQUE, NOT NULL, ...): Python's {@code IntegrityError}. */
    private static final int SQLITE_CONSTRAINT = 19;

    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().appendLiteral('T').optionalEnd()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .parseDefaulting(ChronoField.NANO_OF_SECOND, 0)
            .toFormatter();

    private final Connection connection;
    private final Path file;

    private Database(Connection connection, Path file) {
        this.connection = connection;
        this.file = file;
    }

    /**
     * Opens a connection to a SQLite file, creating the file (and its missing parent folders).
     *
     * @param file the database file, for example {@code instance/flaskr.sqlite}
     * @return the open database; close it when done
     * @throws SQLException when SQLite cannot open the file
     */
    public static Database open(Path file) throws SQLException {
        Path absolute = file.toAbsolutePath();
        try {
            if (absolute.getParent() != null) {
                Files.createDirectories(absolute.getParent());
            }
        } catch (IOException e) {
            throw new SQLException("Cannot create the folder of the database file " + absolute + ": " + e, e);
        }
        return new Database(DriverManager.getConnection("jdbc:sqlite:" + absolute), absolute);
    }

    /**
     * The app context's database, opened from the config key {@code DATABASE} on first use and kept
     * in the context's {@code g} until {@link #closeDb} closes it.
     *
     * @param context the app context
     * @return the same Database for every call within the context
     * @throws SQLException when SQLite cannot open the file
     */
    // tag::of[]
    public static Database of(AppContext context) throws SQLException {
        Object kept = context.g().get(G_KEY);
        if (kept instanceof Database database) {
            return database;
        }
        Database database = open(Path.of(context.app().config().string("DATABASE")));
        context.g().put(G_KEY, database);
        return database;
    }
    // end::of[]

    /**
     * The database of the request's app context; see {@link #of(AppContext)}.
     *
     * @param request the request being handled
     * @return the same Database for every call within the request
     * @throws SQLException when SQLite cannot open the file
     */
    public static Database of(Request request) throws SQLException {
        return of(request.context().appContext());
    }

    /**
     * flaskr's {@code close_db}, registered with {@code app.teardownAppContext}: removes the
     * context's database from {@code g} and closes it, if one was opened.
     *
     * @param context the app context that ends
     * @param error the exception that ended it, unused
     * @throws SQLException when closing fails
     */
    // tag::close-db[]
    public static void closeDb(AppContext context, Optional<Throwable> error) throws SQLException {
        if (context.g().remove(G_KEY) instanceof Database database) {
            database.close();
        }
    }
    // end::close-db[]

    /**
     * Tells whether a statement failed on a constraint, such as a second user with the same name:
     * Python's {@code sqlite3.IntegrityError}.
     *
     * @param e the exception a statement threw
     * @return true for a constraint violation
     */
    public static boolean isIntegrityError(SQLException e) {
        return (e.getErrorCode() & 0xff) == SQLITE_CONSTRAINT;
    }

    /** @return the JDBC connection, for what the methods here do not cover */
    public Connection connection() {
        return connection;
    }

    /** @return the database file */
    public Path file() {
        return file;
    }

    /**
     * Runs a query.
     *
     * @param sql the SQL, with {@code ?} for each parameter
     * @param parameters the parameters, in order
     * @return the rows, each an unmodifiable map from column name to value
     * @throws SQLException when the query fails, or after {@link #close}
     */
    public List<Map<String, Object>> query(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(sql, parameters); ResultSet rows = statement.executeQuery()) {
            ResultSetMetaData columns = rows.getMetaData();
            List<Map<String, Object>> result = new ArrayList<>();
            while (rows.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= columns.getColumnCount(); i++) {
                    row.put(columns.getColumnLabel(i), value(rows, i, columns.getColumnTypeName(i)));
                }
                result.add(Collections.unmodifiableMap(row));
            }
            return result;
        }
    }

    /**
     * Runs a query that returns at most one row (flaskr's {@code fetchone()}).
     *
     * @param sql the SQL
     * @param parameters the parameters
     * @return the first row, or empty when there is none
     * @throws SQLException when the query fails
     */
    public Optional<Map<String, Object>> queryOne(String sql, Object... parameters) throws SQLException {
        List<Map<String, Object>> rows = query(sql, parameters);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /**
     * Runs an {@code INSERT}, {@code UPDATE}, {@code DELETE} or other statement.
     *
     * @param sql the SQL
     * @param parameters the parameters
     * @return the number of rows changed
     * @throws SQLException when it fails; see {@link #isIntegrityError}
     */
    public int execute(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(sql, parameters)) {
            return statement.executeUpdate();
        }
    }

    /**
     * Runs a script of several statements separated by semicolons (Python's {@code executescript}),
     * such as {@code schema.sql}.
     *
     * @param script the statements
     * @throws SQLException when one fails; the statements before it stay done
     */
    public void executeScript(String script) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate(script);
        }
    }

    /**
     * Runs a script from the classpath, read as UTF-8.
     *
     * @param owner a class whose package holds the resource
     * @param name the resource's name relative to that package, for example {@code schema.sql}
     * @throws SQLException when a statement fails
     * @throws IllegalStateException when the resource does not exist
     */
    public void executeResource(Class<?> owner, String name) throws SQLException {
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("The SQL script '" + name + "' is not on the classpath next to "
                        + owner.getName() + "; put it in src/main/resources/"
                        + owner.getPackageName().replace('.', '/') + "/");
            }
            executeScript(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the SQL script '" + name + "'", e);
        }
    }

    /**
     * Closes the connection; later statements fail with SQLite's {@code database connection closed}.
     *
     * @throws SQLException when closing fails
     */
    @Override
    public void close() throws SQLException {
        connection.close();
    }

    @Override
    public String toString() {
        return "Database[" + file + "]";
    }

    private PreparedStatement prepare(String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(Objects.requireNonNull(sql, "sql"));
        try {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    private static Object value(ResultSet rows, int column, String declaredType) throws SQLException {
        if ("TIMESTAMP".equalsIgnoreCase(declaredType)) {
            String text = rows.getString(column);
            return text == null ? null : LocalDateTime.parse(text, TIMESTAMP);
        }
        return rows.getObject(column);
    }
}
