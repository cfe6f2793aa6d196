package dev.carafe.gateway.server;

import dev.carafe.gateway.Application;
import java.io.IOException;
import java.io.PrintStream;
import java.util.function.Consumer;

/**
 * The command line of Carafe's gateway server, as {@code gunicorn module:app} is Gunicorn's:
 *
 * <pre>{@code
 * java -cp app.jar:carafe.jar dev.carafe.gateway.server.Main com.example.Hello:app --bind 127.0.0.1:8000
 * }</pre>
 *
 * <p>It loads the application, starts a {@link GatewayServer} with the settings the flags give
 * (every setting of {@link ServerSettings} has one; {@code --help} lists them with their defaults),
 * prints the bound address, and runs until SIGTERM or Ctrl-C stops it gracefully. Exit status 143
 * after a graceful stop on SIGTERM and 130 on SIGINT (the JVM's own, for a signal), 1 if the server
 * cannot start, 2 for a bad flag, value or application. The guide is {@code docs/server-cli.md}.
 */
public final class Main {

    /** The exit status of a bad command line: a flag, a value or the application. */
    public static final int USAGE_ERROR = 2;
    /** The exit status when the server cannot start, for example because the port is in use. */
    public static final int START_FAILED = 1;

    private Main() {
    }

    /**
     * Runs the server until it is stopped, then exits with the status of {@link #run}.
     *
     * @param args the application and the flags
     */
    public static void main(String[] args) {
        Thread main = Thread.currentThread();
        int status = run(args, System.out, System.err, server -> {
            server.stopOnShutdownSignal();
            // The JVM halts when its shutdown hooks end: this one waits until the main thread, woken by the
            // stop, has reported it and returned (the stop itself is bounded by the graceful timeout).
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    main.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "carafe-cli-shutdown"));
        });
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * Runs the command line: prints help or the version, or serves the application until the
     * server stops.
     *
     * @param args the application and the flags
     * @param out where the start-up lines, help and version go
     * @param err where errors go
     * @param started called with the running server (to register the shutdown hook, or for a test to stop it)
     * @return the exit status: 0, {@link #START_FAILED} or {@link #USAGE_ERROR}
     */
    static int run(String[] args, PrintStream out, PrintStream err, Consumer<GatewayServer> started) {
        CommandLine.Invocation invocation;
        Application app;
        try {
            invocation = CommandLine.parse(args);
            if (invocation instanceof CommandLine.Help) {
                out.print(CommandLine.usage());
                return 0;
            }
            if (invocation instanceof CommandLine.Version) {
                out.println("Carafe gateway server " + EnvironBuilder.SOFTWARE.substring("Carafe/".length())
                        + " (Java " + Runtime.version() + ")");
                return 0;
            }
            CommandLine.Serve named = (CommandLine.Serve) invocation;
            Application loaded = ApplicationLoader.load(named.app(), Thread.currentThread().getContextClassLoader());
            app = named.proxyFix().map(fix -> fix.wrap(loaded)).orElse(loaded);   // keeps its Lifespan
        } catch (CommandLineException e) {
            err.println("carafe: " + e.getMessage());
            return USAGE_ERROR;
        }
        CommandLine.Serve serve = (CommandLine.Serve) invocation;
        ServerSettings settings = serve.settings();
        GatewayServer server;
        try {
            server = GatewayServer.start(app, settings);
        } catch (IOException | RuntimeException e) {
            err.println("carafe: cannot start the server on " + settings.host() + ":" + settings.port() + ": " + e);
            return START_FAILED;
        }
        out.println("Carafe gateway server: serving " + serve.app() + " on " + settings.urlScheme() + "://"
                + host(server) + ":" + server.port() + " (threads: " + threads(settings) + ")");
        out.flush();
        started.accept(server);
        try {
            server.awaitTermination();
        } catch (InterruptedException e) {
            server.close();
            Thread.currentThread().interrupt();
        }
        out.println("Carafe gateway server: stopped.");
        out.flush();
        return 0;
    }

    private static String host(GatewayServer server) {
        String host = server.address().getAddress().getHostAddress();
        return host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    }

    private static String threads(ServerSettings settings) {
        ServerSettings.ThreadMode mode = settings.threadMode();
        String name = mode.name().toLowerCase(java.util.Locale.ROOT);
        if (mode == ServerSettings.ThreadMode.VIRTUAL
                || mode == ServerSettings.ThreadMode.AUTO && ConnectionThreads.virtualThreadsAvailable()) {
            return "virtual, one per connection, mode " + name;
        }
        String pool = "a pool of " + settings.platformThreads() + " platform threads";
        return mode == ServerSettings.ThreadMode.HYBRID ? pool + " and virtual threads for requests that block, mode "
                + name : pool + ", mode " + name;
    }
}
