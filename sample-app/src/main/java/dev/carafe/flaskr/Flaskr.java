package dev.carafe.flaskr;

import dev.carafe.App;
import dev.carafe.InstanceFolder;
import dev.carafe.templates.Templates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * flaskr's application factory ({@code create_app}) and its database setup ({@code init_db}).
 *
 * <pre>{@code
 * App app = Flaskr.createApp();                                        // production: FLASKR_* settings
 * App test = Flaskr.createApp(Map.of("TESTING", true, "DATABASE", path));   // a test's own settings
 * }</pre>
 */
public final class Flaskr {

    /** What {@code init-db} runs: creates the tables, dropping any that exist. */
    @FunctionalInterface
    interface InitDb {
        void run(Database db) throws SQLException;
    }

    private Flaskr() {
    }

    /**
     * Builds flaskr with the deployment's settings: {@code instance/config.properties} or
     * {@code instance/config.json} when present, then the {@code FLASKR_*} environment variables
     * ({@code FLASKR_DATABASE}, default {@code instance/flaskr.sqlite}; {@code FLASKR_SECRET_KEY},
     * default {@code dev}, with a warning).
     *
     * @return the App, not yet serving
     */
    public static App createApp() {
        return createApp(Optional.empty(), System.getenv(), Flaskr::initDb);
    }

    /**
     * Builds flaskr with a test's settings instead of the deployment's (flaskr's
     * {@code create_app(test_config)}), for example {@code Map.of("TESTING", true, "DATABASE", path)}.
     *
     * @param testConfig config keys and values set over the defaults
     * @return the App, not yet serving
     */
    public static App createApp(Map<String, Object> testConfig) {
        return createApp(Optional.of(Objects.requireNonNull(testConfig, "testConfig")), Map.of(), Flaskr::initDb);
    }

    static App createApp(Optional<Map<String, Object>> testConfig, Map<String, String> environment, InitDb initDb) {
        App app = new App();
        FlaskrConfig.load(app.config(), InstanceFolder.inWorkingDirectory(), testConfig, environment);
        FlaskrConfig.secretKeyWarning(app.config()).ifPresent(warning ->
                app.logger().log(System.Logger.Level.WARNING, warning));

        // tag::hello[]
        app.get("/hello", request -> "Hello, World!");
        // end::hello[]

        // tag::database[]
        app.teardownAppContext(Database::closeDb);
        app.command("init-db", "Clear the existing data and create new tables.", context -> {
            initDb.run(Database.of(context.appContext()));
            context.out().println("Initialized the database.");
            return 0;
        });
        app.onStart(context -> {                        // run: a first start creates the tables
            Path file = Path.of(context.app().config().string("DATABASE"));
            if (Files.notExists(file)) {
                initDb.run(Database.of(context));
                context.app().logger().log(System.Logger.Level.INFO,
                        "Created the database " + file.toAbsolutePath() + " (it did not exist).");
            }
        });
        // end::database[]

        // tag::blueprints[]
        Templates templates = Templates.create(app);
        app.register(Auth.blueprint(templates));
        app.register(Blog.blueprint(templates));
        app.endpointAlias("index", "blog.index");      // url_for('index') is "/"
        // end::blueprints[]
        return app;
    }

    /**
     * The command line: {@code init-db}, {@code run [--host H] [--port P] [--debug]} (127.0.0.1:5000
     * by default; the tables are created when the database file does not exist yet), {@code routes},
     * {@code help}.
     *
     * @param args the command and its arguments
     */
    // tag::main[]
    public static void main(String[] args) {
        int status = createApp().cli(args);
        if (status != 0) {
            System.exit(status);
        }
    }
    // end::main[]

    /**
     * flaskr's {@code init_db()}: runs {@code schema.sql}, which drops the tables and creates them
     * empty.
     *
     * @param db the database
     * @throws SQLException when a statement fails
     */
    public static void initDb(Database db) throws SQLException {
        db.executeResource(Flaskr.class, "schema.sql");
    }
}
