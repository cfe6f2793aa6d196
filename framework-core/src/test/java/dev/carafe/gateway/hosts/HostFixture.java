package dev.carafe.gateway.hosts;

import dev.carafe.gateway.Application;
import java.util.Objects;

/**
 * One host under test, started once per test class: it serves a swappable application (each kit
 * case installs its own with {@link #serve}), mounted at {@link #mount()}.
 */
final class HostFixture {

    /** Starts the host serving an application; the kit stops it with {@link Running#close()}. */
    @FunctionalInterface
    interface Launcher {
        Running start(Application app) throws Exception;
    }

    /**
     * A started host.
     *
     * @param port the port it listens on, on 127.0.0.1
     * @param stopper stops it
     */
    record Running(int port, AutoCloseable stopper) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            stopper.close();
        }
    }

    private final String mount;
    private final HostCapabilities capabilities;
    private final Launcher launcher;
    private volatile Application current = (environ, startResponse) -> {
        throw new IllegalStateException("This kit case installed no application; call fixture().serve(app).");
    };
    private Running running;

    /**
     * @param mount the SCRIPT_NAME the host gives the application ("" or "/ctx/app"), raw form
     * @param capabilities what the host can do where the contract leaves a choice
     * @param launcher starts the host
     */
    HostFixture(String mount, HostCapabilities capabilities, Launcher launcher) {
        this.mount = mount;
        this.capabilities = capabilities;
        this.launcher = launcher;
    }

    void start() throws Exception {
        running = launcher.start((environ, startResponse) -> current.call(environ, startResponse));
    }

    void stop() throws Exception {
        if (running != null) {
            running.close();
            running = null;
        }
    }

    /** Installs the application the next requests reach. */
    void serve(Application app) {
        current = Objects.requireNonNull(app);
    }

    int port() {
        return running.port();
    }

    String mount() {
        return mount;
    }

    HostCapabilities capabilities() {
        return capabilities;
    }
}
