package dev.carafe.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.carafe.App;
import dev.carafe.gateway.server.GatewayServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Runs the code of docs/cli.md. */
class CliSnippetsTest {

    // tag::test[]
    @Test
    void initDbCreatesTheTablesAndSaysSo() {
        App app = CliSnippets.create();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = app.cli(new String[] {"init-db"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertEquals(0, status);
        assertEquals("Initialized the database.\n", out.toString(StandardCharsets.UTF_8));
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }
    // end::test[]

    @Test
    void addUserChecksItsArguments() {
        App app = CliSnippets.create();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);

        assertEquals(0, app.cli(new String[] {"init-db"}, o, e));
        assertEquals(0, app.cli(new String[] {"add-user", "ada"}, o, e));
        assertEquals(2, app.cli(new String[] {"add-user"}, o, e));

        assertEquals("Initialized the database.\nAdded ada.\n", out.toString(StandardCharsets.UTF_8));
        assertEquals("Usage: add-user NAME (got [])\n", err.toString(StandardCharsets.UTF_8));
        @SuppressWarnings("unchecked")
        Map<String, List<String>> tables = (Map<String, List<String>>) app.config().require("TABLES");
        assertEquals(List.of("ada"), tables.get("user"));
    }

    @Test
    void theCommandsConnectionIsClosedByTheTeardownFunction() {
        App app = CliSnippets.create();
        List<CliSnippets.Database> opened = new ArrayList<>();
        app.command("keep", "Keep the connection for the test.", context -> {
            opened.add(CliSnippets.Database.of(context.appContext()));
            return 0;
        });
        assertEquals(0, app.cli(new String[] {"keep"}, System.out, System.err));
        assertFalse(opened.get(0).isOpen());
    }

    @Test
    void theLifecycleHooksRunAroundServing() throws Exception {
        List<String> log = new ArrayList<>();
        GatewayServer server = CliSnippets.lifecycle(log).start("127.0.0.1", 0);
        assertEquals(List.of("tables ready"), log);
        server.stop(Duration.ofMillis(200));
        assertEquals(List.of("tables ready", "stopped after the last request"), log);
    }
}
