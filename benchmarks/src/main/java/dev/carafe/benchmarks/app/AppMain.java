package dev.carafe.benchmarks.app;

import dev.carafe.App;
import dev.carafe.benchmarks.server.CarafeMain;

/**
 * Carafe's gateway server hosting {@link ApiApp} (an {@link App} with 50 rules) for the wrk
 * benchmark of the framework's overhead, with exactly the server settings of
 * {@link dev.carafe.benchmarks.server.CarafeMain}, which hosts the raw gateway application (the
 * server's defaults: {@code AUTO}, virtual threads on JDK 21+, event loops and a platform pool on
 * JDK 17), {@code -Dcarafe.threadMode=platform|virtual|hybrid|auto} for an experiment.
 *
 * <pre>{@code java -cp benchmarks/target/benchmarks.jar dev.carafe.benchmarks.app.AppMain 8080}</pre>
 */
public final class AppMain {

    private AppMain() {
    }

    /**
     * Starts the server and blocks until it stops (the process is stopped, which closes it).
     *
     * @param args the port to listen on
     * @throws Exception if the server cannot start, for example because the port is taken
     */
    public static void main(String[] args) throws Exception {
        CarafeMain.serve(ApiApp.create(), "carafe App, " + ApiApp.RULES + " rules", args);
    }
}
