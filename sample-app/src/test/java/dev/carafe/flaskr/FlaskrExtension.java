package dev.carafe.flaskr;

import dev.carafe.App;
import dev.carafe.AppContext;
import dev.carafe.AppTestClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * flaskr's {@code tests/conftest.py} as a JUnit extension: a test method (or constructor) that
 * declares an {@link App}, an {@link AppTestClient} or {@link AuthActions} parameter gets one.
 * The App of a test is built in testing mode on a fresh temporary SQLite file holding
 * {@code schema.sql} and {@code tests/data.sql}; the file is deleted after the test. The client
 * and the auth actions of one test share that App and one cookie jar.
 *
 * <pre>{@code
 * @ExtendWith(FlaskrExtension.class)
 * class BlogTest {
 *     @Test
 *     void index(AppTestClient client, AuthActions auth) { ... }
 * }
 * }</pre>
 */
final class FlaskrExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(FlaskrExtension.class);

    /** The App of one test and its database file, deleted when JUnit closes the test's store. */
    record Fixture(App app, Path database, AppTestClient client) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            Files.deleteIfExists(database);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == App.class || type == AppTestClient.class || type == AuthActions.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Fixture fixture = context.getStore(NAMESPACE).computeIfAbsent(Fixture.class, key -> create(), Fixture.class);
        Class<?> type = parameter.getParameter().getType();
        if (type == App.class) {
            return fixture.app();
        }
        return type == AppTestClient.class ? fixture.client() : new AuthActions(fixture.client());
    }

    /** conftest's {@code app} fixture: a temporary database with the schema and the test data. */
    // tag::fixture[]
    static Fixture create() {
        try {
            Path database = Files.createTempFile("flaskr-test-", ".sqlite");
            App app = Flaskr.createApp(Map.of("TESTING", true, "DATABASE", database.toString()));
            try (AppContext context = app.appContext()) {
                Database db = Database.of(context);
                Flaskr.initDb(db);
                db.executeResource(FlaskrExtension.class, "data.sql");
            }
            return new Fixture(app, database, app.testClient());
        } catch (Exception e) {
            throw new IllegalStateException("Cannot set up flaskr's test database: " + e, e);
        }
    }
    // end::fixture[]
}
