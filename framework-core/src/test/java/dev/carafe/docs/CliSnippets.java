package dev.carafe.docs;

import dev.carafe.App;
import dev.carafe.AppContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The code of docs/cli.md; CliSnippetsTest runs it. */
final class CliSnippets {

    private CliSnippets() {
    }

    /** A stand-in for flaskr's database: one connection per app context, kept in g. */
    static final class Database {
        private final Map<String, List<String>> tables;
        private boolean open = true;

        private Database(Map<String, List<String>> tables) {
            this.tables = tables;
        }

        @SuppressWarnings("unchecked")
        static Database of(AppContext context) {
            return (Database) context.g().computeIfAbsent("db",
                    key -> new Database((Map<String, List<String>>) context.app().config().require("TABLES")));
        }

        void initialize() {
            tables.clear();
            tables.put("user", new ArrayList<>());
            tables.put("post", new ArrayList<>());
        }

        void insert(String table, String row) {
            tables.get(table).add(row);
        }

        void close() {
            open = false;
        }

        boolean isOpen() {
            return open;
        }
    }

    // tag::main[]
    public static void main(String[] args) {
        System.exit(create().cli(args));   // run, routes, help and init-db; exits with the command's status
    }
    // end::main[]

    static App create() {
        App app = new App();
        app.config().put("TABLES", new ConcurrentHashMap<String, List<String>>());
        app.get("/hello", request -> "Hello, World!");
        // tag::command[]
        app.teardownAppContext((context, error) -> {
            if (context.g().remove("db") instanceof Database db) {
                db.close();                  // after every request, and after every command
            }
        });
        app.command("init-db", "Clear the existing data and create new tables.", context -> {
            Database.of(context.appContext()).initialize();
            context.out().println("Initialized the database.");
            return 0;
        });
        // end::command[]
        // tag::arguments[]
        app.command("add-user", "Add a user: add-user NAME.", context -> {
            if (context.args().size() != 1) {
                context.err().println("Usage: add-user NAME (got " + context.args() + ")");
                return 2;
            }
            Database.of(context.appContext()).insert("user", context.args().get(0));
            context.out().println("Added " + context.args().get(0) + ".");
            return 0;
        });
        // end::arguments[]
        return app;
    }

    static App lifecycle(List<String> log) {
        App app = create();
        // tag::lifecycle[]
        app.onStart(context -> {
            Database db = Database.of(context);         // closed by the teardown function after the hooks
            db.initialize();
            log.add("tables ready");
        });
        app.onStop(context -> log.add("stopped after the last request"));
        // end::lifecycle[]
        return app;
    }
}
