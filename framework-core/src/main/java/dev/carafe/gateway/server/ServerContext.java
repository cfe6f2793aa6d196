package dev.carafe.gateway.server;

import dev.carafe.gateway.Application;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * What every connection of one server shares: the application, the settings, and the server-wide
 * services (date cache, logs, the registry of open connections).
 *
 * @param app the application
 * @param settings the settings
 * @param address the bound address
 * @param dates the Date header cache
 * @param accessLog the access log, when enabled
 * @param errors the {@code gateway.errors} stream
 * @param multithread whether the application may be called from several threads at once
 * @param registry the open connections and the stopping flag
 */
record ServerContext(Application app, ServerSettings settings, InetSocketAddress address, DateCache dates,
        Optional<AccessLog> accessLog, PrintWriter errors, boolean multithread, ConnectionRegistry registry) {

    /** The name of the server's {@link System.Logger}. */
    static final String LOGGER = "dev.carafe.gateway.server";

    /** @return whether the server is shutting down (no new requests are started) */
    boolean stopping() {
        return registry.stopping();
    }

    /** @return the server's logger, named {@value #LOGGER} */
    System.Logger log() {
        return System.getLogger(LOGGER);
    }
}
