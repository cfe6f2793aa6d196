package dev.carafe.docs;

import dev.carafe.App;
import java.util.List;

/** The code of docs/debugging.md; DebuggingSnippetsTest runs it. */
final class DebuggingSnippets {

    private DebuggingSnippets() {
    }

    static App debug() {
        // tag::debug[]
        App app = new App();
        app.debug(true);                                        // or DEBUG=true in the config, or run --debug
        app.config().put("DEBUG_SOURCE_ROOTS", List.of("src/main/java", "src/test/java"));
        // end::debug[]
        app.get("/boom", request -> {
            throw new IllegalStateException("no such post");
        });
        return app;
    }

    static App logging() {
        App app = new App();
        // tag::logger[]
        System.Logger log = app.logger();                        // "dev.carafe.App", as the framework's messages
        app.command("init-db", "Create the tables.", context -> {
            log.log(System.Logger.Level.INFO, "Creating the tables.");
            return 0;
        });
        // end::logger[]
        return app;
    }
}
