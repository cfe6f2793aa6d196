package dev.carafe.gateway.server;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Enforces every read and write timeout of one server from a single daemon thread, so that reads and
 * writes on connections are untimed: a socket timeout costs system calls on every read of a platform
 * thread and a timer on every read of a virtual thread. Every tick it expires each open
 * connection's {@link IoDeadline} that has passed; the connection's thread then sees the timeout.
 * A timeout therefore fires up to one tick late; the tick is a tenth of the shortest timeout,
 * between 10 ms and 1 s.
 */
final class Watchdog implements Runnable {

    private static final long MIN_TICK_MILLIS = 10;
    private static final long MAX_TICK_MILLIS = 1000;

    private final ConnectionRegistry registry;
    private final CountDownLatch terminated;
    private final long tickMillis;
    private final Thread thread;

    /**
     * @param terminated counted down when the server has stopped; the watchdog then ends
     */
    Watchdog(ServerSettings settings, ConnectionRegistry registry, CountDownLatch terminated, int port) {
        this.registry = registry;
        this.terminated = terminated;
        this.tickMillis = tickMillis(settings);
        this.thread = new Thread(this, "carafe-watchdog-" + port);
        thread.setDaemon(true);
    }

    /** Starts the watchdog's thread; it runs until the server has terminated. */
    void start() {
        thread.start();
    }

    @Override
    public void run() {
        try {
            while (!terminated.await(tickMillis, TimeUnit.MILLISECONDS)) {
                long now = System.nanoTime();
                registry.forEach(connection -> expire(connection, now));
            }
        } catch (InterruptedException e) {
            System.getLogger(ServerContext.LOGGER).log(Level.WARNING, "The watchdog was interrupted; "
                    + "read and write timeouts are no longer enforced.");
            Thread.currentThread().interrupt();
        }
    }

    /** Expires one connection's deadline; a failure is logged and never ends the watchdog. */
    private static void expire(Connection connection, long now) {
        try {
            connection.expireDeadline(now);
        } catch (RuntimeException e) {
            System.getLogger(ServerContext.LOGGER).log(Level.WARNING, "The watchdog could not time out a "
                    + "connection", e);
        }
    }

    /** @return how often the watchdog of a server with these settings looks at its connections, in milliseconds */
    static long tickMillis(ServerSettings settings) {
        long shortest = Stream.of(settings.headerTimeout(), settings.keepAliveTimeout(), settings.bodyTimeout(),
                settings.writeTimeout()).mapToLong(Duration::toMillis).min().orElse(MAX_TICK_MILLIS);
        return Math.max(MIN_TICK_MILLIS, Math.min(MAX_TICK_MILLIS, shortest / 10));
    }
}
