package dev.carafe.gateway.server;

import dev.carafe.gateway.Application;
import java.io.PrintWriter;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
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

    /** @return the server's logger, wrapped for short calls */
    Log log() {
        return new Log(System.getLogger(LOGGER));
    }

    /** Short calls on a {@link System.Logger}. */
    record Log(Logger logger) {
        void info(String message) {
            logger.log(Level.INFO, message);
        }

        void warning(String message) {
            logger.log(Level.WARNING, message);
        }

        void error(String message, Throwable error) {
            logger.log(Level.ERROR, message, error);
        }

        void debug(String message) {
            logger.log(Level.DEBUG, message);
        }
    }
}
