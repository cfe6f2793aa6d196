package dev.carafe.benchmarks.server;

import dev.carafe.gateway.Application;
import dev.carafe.gateway.server.GatewayServer;
import dev.carafe.gateway.server.ServerSettings;
import dev.carafe.gateway.server.ServerSettings.ThreadMode;
import java.util.Locale;

/**
 * Carafe's gateway server hosting the raw {@link HelloApplication} for the wrk benchmark.
 *
 * <p>Threads: the server's defaults. In the default {@code AUTO} mode that is a virtual thread per
 * connection on JDK 21+, and on JDK 17 one event loop per core with a pool of up to 200 platform
 * threads (idle connections hold no thread). {@code -Dcarafe.threadMode=auto|virtual|platform|hybrid}
 * picks the mode for an experiment, and {@code -Dcarafe.ioThreads=N} the number of event loops.
 * The server adds {@code Date} and {@code Server: Carafe}.
 *
 * <pre>{@code java -cp benchmarks/target/benchmarks.jar dev.carafe.benchmarks.server.CarafeMain 8080}</pre>
 */
public final class CarafeMain {

    private CarafeMain() {
    }

    /**
     * Starts the server and blocks until it stops (the process is stopped, which closes it).
     *
     * @param args the port to listen on
     * @throws Exception if the server cannot start, for example because the port is taken
     */
    public static void main(String[] args) throws Exception {
        serve(new HelloApplication(), "carafe", args);
    }

    /**
     * Serves an application with the benchmark's server settings (this class's comment) until the
     * process is stopped; {@code AppMain} serves the App through it too, so both sides of the App
     * overhead comparison run on exactly the same server.
     *
     * @param app the application
     * @param label what the announcement calls it, for example {@code carafe}
     * @param args the port to listen on
     * @throws Exception if the server cannot start, for example because the port is taken
     */
    public static void serve(Application app, String label, String[] args) throws Exception {
        int port = HelloWorld.port(args);
        ThreadMode mode = threadMode(System.getProperty("carafe.threadMode", "auto"));
        ServerSettings.Builder settings = ServerSettings.builder()
                .host(HelloWorld.HOST)
                .port(port)
                .threadMode(mode);
        String ioThreads = System.getProperty("carafe.ioThreads");
        if (ioThreads != null) {
            settings.ioThreads(ioThreads(ioThreads));
        }
        GatewayServer server = GatewayServer.start(app, settings.build());
        server.stopOnShutdownSignal();
        HelloWorld.announce(label + " (" + mode + ")", server.port());
        server.awaitTermination();
    }

    private static ThreadMode threadMode(String value) {
        try {
            return ThreadMode.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("-Dcarafe.threadMode=" + value + " is not a thread mode; use "
                    + "auto, virtual, platform or hybrid.", e);
        }
    }

    private static int ioThreads(String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-Dcarafe.ioThreads=" + value + " is not a number; give the "
                    + "number of event loops, for example -Dcarafe.ioThreads=2.", e);
        }
    }
}
