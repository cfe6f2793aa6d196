package dev.carafe.sample;

import dev.carafe.gateway.server.GatewayServer;
import dev.carafe.gateway.server.ServerSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

/**
 * Runs the sample app: {@code java -jar sample-app/target/sample-app.jar run [--host H] [--port P]}
 * serves it on the gateway server (127.0.0.1:5000 by default) until SIGTERM or Ctrl-C.
 */
public final class Main {

    private static final String USAGE = """
            Usage: java -jar sample-app.jar run [--host HOST] [--port PORT]

              run          serve the sample app (default 127.0.0.1:5000) until SIGTERM or Ctrl-C
              --host HOST  the address to listen on (default 127.0.0.1)
              --port PORT  the port to listen on, 0 for any free port (default 5000)
            """;

    private Main() {
    }

    /**
     * Entry point.
     *
     * @param args {@code run} and its options
     * @throws Exception if the server cannot start or is interrupted
     */
    public static void main(String[] args) throws Exception {
        int status = run(List.of(args), System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * Parses the command line, starts the server, and waits until it stops.
     *
     * @return the exit status: 0 after a clean stop, 2 for a usage error
     */
    static int run(List<String> args, PrintStream out, PrintStream err) throws IOException, InterruptedException {
        if (args.isEmpty() || args.contains("--help") || args.contains("-h")) {
            (args.isEmpty() ? err : out).print(USAGE);
            return args.isEmpty() ? 2 : 0;
        }
        if (!args.get(0).equals("run")) {
            err.println("Unknown command '" + args.get(0) + "'; expected 'run'.");
            err.print(USAGE);
            return 2;
        }
        ServerSettings.Builder settings = ServerSettings.builder().host("127.0.0.1").port(5000);
        for (int i = 1; i < args.size(); i++) {
            String flag = args.get(i);
            if (i + 1 >= args.size() || !(flag.equals("--host") || flag.equals("--port"))) {
                err.println("Unknown option or missing value: '" + flag + "'; expected --host HOST or --port PORT.");
                return 2;
            }
            String value = args.get(++i);
            if (flag.equals("--host")) {
                settings.host(value);
            } else {
                try {
                    settings.port(Integer.parseInt(value));
                } catch (IllegalArgumentException e) {
                    err.println("--port must be a number from 0 to 65535, got '" + value + "'.");
                    return 2;
                }
            }
        }
        GatewayServer server = GatewayServer.start(SampleApp.create(), settings.build());
        server.stopOnShutdownSignal();
        out.println("Serving the sample app on http://" + server.address().getHostString() + ":" + server.port()
                + "/ (Ctrl-C to stop)");
        try {
            server.awaitTermination();
        } finally {
            server.close();   // returns at once when already stopped; stops it if we were interrupted
        }
        return 0;
    }
}
