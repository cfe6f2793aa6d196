package dev.carafe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** app.cli(args): help, routes, custom commands and usage errors. The run command is in CliRunTest. */
class CliTest {

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

    private int cli(App app, String... args) {
        return app.cli(args, new PrintStream(outBytes, true, StandardCharsets.UTF_8),
                new PrintStream(errBytes, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    /** flaskr's routes, registered without blueprints. */
    private static App flaskr() {
        App app = new App();
        Handler page = request -> "page";
        app.get("/hello", page);
        app.route("/auth/register", Set.of("GET", "POST"), "auth.register", page);
        app.route("/auth/login", Set.of("POST", "GET"), "auth.login", page);
        app.route("/auth/logout", Set.of("GET"), "auth.logout", page);
        app.route("/", Set.of("GET"), "blog.index", page);
        app.route("/create", Set.of("GET", "POST"), "blog.create", page);
        app.route("/<int:id>/update", Set.of("GET", "POST"), "blog.update", page);
        app.route("/<int:id>/delete", Set.of("POST"), "blog.delete", page);
        app.route("/static/<path:filename>", Set.of("GET"), "static", page);
        app.endpointAlias("index", "blog.index");
        return app;
    }

    @Test
    void routesPrintsTheTableFlaskRoutesPrintsForFlaskr() {
        assertEquals(0, cli(flaskr(), "routes"));
        assertEquals("""
                Endpoint       Methods    Rule
                -------------  ---------  -----------------------
                auth.login     GET, POST  /auth/login
                auth.logout    GET        /auth/logout
                auth.register  GET, POST  /auth/register
                blog.create    GET, POST  /create
                blog.delete    POST       /<int:id>/delete
                blog.index     GET        /
                blog.update    GET, POST  /<int:id>/update
                hello          GET        /hello
                index          GET        /
                static         GET        /static/<path:filename>
                """, out());
        assertEquals("", err());
    }

    @Test
    void routesSortsByRuleOrMethodsAndShowsAllMethodsOnRequest() {
        App app = new App();
        app.post("/b", request -> "b");
        app.get("/a", request -> "a");
        assertEquals(0, cli(app, "routes", "--sort", "rule", "--all-methods"));
        assertEquals(0, cli(app, "routes", "--sort=methods"));
        assertEquals("""
                Endpoint  Methods             Rule
                --------  ------------------  ----
                a         GET, HEAD, OPTIONS  /a
                b         OPTIONS, POST       /b
                Endpoint  Methods  Rule
                --------  -------  ----
                a         GET      /a
                b         POST     /b
                """, out());
    }

    @Test
    void routesOfAnAppWithoutRulesSaysSo() {
        assertEquals(0, cli(new App(), "routes"));
        assertEquals("No routes were registered.\n", out());
    }

    @Test
    void helpListsEveryCommandSortedWithItsHelp() {
        App app = new App();
        app.command("init-db", "Clear the existing data and create new tables.", context -> 0);
        assertEquals(0, cli(app, "help"));
        assertEquals("""
                Usage: COMMAND [ARGS]...

                Commands:
                  help     Show the commands, or the help of one: help COMMAND.
                  init-db  Clear the existing data and create new tables.
                  routes   Show the App's routes: endpoint, methods, rule.
                  run      Serve the App with Carafe's gateway server until SIGTERM or Ctrl-C.

                Run 'help COMMAND' or 'COMMAND --help' for the options of a command.
                """, out());
        outBytes.reset();
        assertEquals(0, cli(app, "--help"));
        assertTrue(out().startsWith("Usage: COMMAND [ARGS]...\n"), out());
    }

    @Test
    void eachCommandHasItsOwnHelp() {
        App app = new App();
        app.command("init-db", "Clear the existing data and create new tables.", context -> 0);
        assertEquals(0, cli(app, "help", "init-db"));
        assertEquals(0, cli(app, "routes", "--help"));
        assertEquals("""
                Usage: init-db [ARGS]...

                  Clear the existing data and create new tables.
                Usage: routes [--sort endpoint|methods|rule] [--all-methods]

                  Show the App's routes: endpoint, methods, rule.

                Options:
                  --sort KEY     sort the rows by endpoint (default), methods or rule
                  --all-methods  also show HEAD and OPTIONS
                """, out());
    }

    @Test
    void noCommandIsAUsageError() {
        assertEquals(2, cli(new App()));
        assertTrue(err().startsWith("Error: no command given.\nUsage: COMMAND [ARGS]...\n"), err());
        assertEquals("", out());
    }

    @Test
    void anUnknownCommandIsAUsageErrorNamingIt() {
        assertEquals(2, cli(new App(), "serve"));
        assertTrue(err().startsWith("Error: no such command 'serve'.\nUsage: COMMAND [ARGS]...\n"), err());
    }

    @Test
    void aBadOptionOrValueIsAUsageErrorWithTheCommandsUsage() {
        assertEquals(2, cli(flaskr(), "routes", "--sort", "size"));
        assertEquals(2, cli(flaskr(), "routes", "--verbose"));
        assertEquals(2, cli(flaskr(), "routes", "extra"));
        assertEquals(2, cli(flaskr(), "routes", "--sort"));
        List<String> errors = new ArrayList<>();
        for (String line : err().split("\n")) {
            if (line.startsWith("Error: ")) {
                errors.add(line);
            }
        }
        assertEquals(List.of(
                "Error: invalid value for '--sort': 'size' is not one of endpoint, methods, rule.",
                "Error: no such option '--verbose' for command 'routes'.",
                "Error: command 'routes' takes no argument 'extra'.",
                "Error: option '--sort' needs a value."), errors);
        assertTrue(err().contains("\nUsage: routes [--sort endpoint|methods|rule] [--all-methods]\n"), err());
        assertEquals("", out());
    }

    @Test
    void aCustomCommandGetsItsArgumentsAndStreamsAndRunsInAnAppContext() {
        App app = new App();
        List<String> torndown = new ArrayList<>();
        app.teardownAppContext((context, error) -> torndown.add(context.g().get("db") + " closed"));
        app.command("greet", "Print a greeting: greet NAME.", context -> {
            context.g().put("db", "connection");
            context.out().println("Hello, " + String.join(" and ", context.args()) + "!");
            context.err().println("(greeted " + context.args().size() + ")");
            return context.app() == app && context.appContext().g() == context.g() ? 3 : 4;
        });

        assertEquals(3, cli(app, "greet", "Ada", "Grace"));

        assertEquals("Hello, Ada and Grace!\n", out());
        assertEquals("(greeted 2)\n", err());
        assertEquals(List.of("connection closed"), torndown);
    }

    @Test
    void aCommandThatThrowsExitsWith1AfterPrintingTheFailure() {
        App app = new App();
        List<String> torndown = new ArrayList<>();
        app.teardownAppContext((context, error) -> torndown.add(error.map(Throwable::getMessage).orElse("-")));
        app.command("init-db", "Create the tables.", context -> {
            throw new java.sql.SQLException("database is locked");
        });

        assertEquals(1, cli(app, "init-db"));

        assertTrue(err().startsWith("Error: command 'init-db' failed: java.sql.SQLException: database is locked\n"
                + "java.sql.SQLException: database is locked\n\tat "), err());
        assertEquals(List.of("database is locked"), torndown);
    }

    @Test
    void commandNamesAndHelpAreCheckedWhenRegistered() {
        App app = new App();
        app.command("init-db", "Create the tables.", context -> 0);
        List<String> messages = new ArrayList<>();
        for (String[] bad : new String[][] {{"init db", "x"}, {"-x", "x"}, {"run", "x"}, {"init-db", "x"},
                {"seed", "two\nlines"}, {"seed", " "}}) {
            messages.add(assertThrows(IllegalArgumentException.class,
                    () -> app.command(bad[0], bad[1], context -> 0)).getMessage());
        }
        assertEquals(List.of(
                "The command name 'init db' is not usable on a command line; use letters, digits, '-', '_', '.' and "
                        + "':', starting with a letter or digit, for example \"init-db\".",
                "The command name '-x' is not usable on a command line; use letters, digits, '-', '_', '.' and "
                        + "':', starting with a letter or digit, for example \"init-db\".",
                "The command name 'run' is taken by a built-in command (help, routes, run); choose another name.",
                "The command 'init-db' is already registered (\"Create the tables.\"); register each name once.",
                "The help of command 'seed' must be one non-blank line, as the command list shows it; got "
                        + "\"two\nlines\".",
                "The help of command 'seed' must be one non-blank line, as the command list shows it; got \" \"."),
                messages);
    }
}
