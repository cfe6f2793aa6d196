package dev.carafe.benchmarks.app;

import dev.carafe.App;
import dev.carafe.benchmarks.server.HelloWorld;
import dev.carafe.gateway.server.GatewayServer;
import dev.carafe.gateway.server.ServerSettings;
import dev.carafe.gateway.server.ServerSettings.ThreadMode;
import java.util.Locale;

/**
 * Carafe's gateway server hosting {@link ApiApp} (an {@link App} with 50 rules) for the wrk
 * benchmark of the framework's overhead, with exactly the server settings of
 * {@link dev.carafe.benchmarks.server.CarafeMain}, which hosts the raw gateway application: one
 * thread per connection ({@code AUTO}: virtual threads on JDK 21+, a platform pool on JDK 17, sized
 * to 1024 so that 256 connections are all served), {@code -Dcarafe.threadMode=platform|virtual|auto}
 * for an experiment.
 *
 * <pre>{@code java -cp benchmarks/target/benchmarks.jar dev.carafe.benchmarks.app.AppMain 8080}</pre>
 */
public final class AppMain {

    private static final int PLATFORM_THREADS = 1024;

    private AppMain() {
    }

    /**
     * Starts the server and blocks until it stops (the process is stopped, which closes it).
     *
     * @param args the port to listen on
     * @throws Exception if the server cannot start, for example because the port is taken
     */
    public static void main(String[] args) throws Exception {
        int port = HelloWorld.port(args);
        ThreadMode mode = ThreadMode.valueOf(
                System.getProperty("carafe.threadMode", "auto").toUpperCase(Locale.ROOT));
        ServerSettings settings = ServerSettings.builder()
                .host(HelloWorld.HOST)
                .port(port)
                .threadMode(mode)
                .platformThreads(PLATFORM_THREADS)
                .build();
        App app = ApiApp.create();
        GatewayServer server = GatewayServer.start(app, settings);
        server.stopOnShutdownSignal();
        HelloWorld.announce("carafe App, " + ApiApp.RULES + " rules (" + mode + ")", server.port());
        server.awaitTermination();
    }
}
