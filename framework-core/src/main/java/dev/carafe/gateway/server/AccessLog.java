package dev.carafe.gateway.server;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Where access-log lines go: standard output ({@code -}) or a file opened for appending. One line
 * per answer, written whole: each finished exchange ({@link Exchange}) and each request refused
 * before the application ran ({@link HeadGate}).
 */
final class AccessLog implements AutoCloseable {

    private final AccessLogFormat format;
    private final OutputStream out;
    private final boolean owned;
    /** A lock rather than {@code synchronized}: virtual threads do not pin their carrier on it (JDK 21–23). */
    private final ReentrantLock lock = new ReentrantLock();

    private AccessLog(AccessLogFormat format, OutputStream out, boolean owned) {
        this.format = format;
        this.out = out;
        this.owned = owned;
    }

    /**
     * Opens the destination.
     *
     * @throws UncheckedIOException if the file cannot be opened for appending
     */
    static AccessLog open(String destination, String format) {
        AccessLogFormat parsed = AccessLogFormat.parse(format);
        if (destination.equals("-")) {
            return new AccessLog(parsed, System.out, false);
        }
        try {
            return new AccessLog(parsed, Files.newOutputStream(Path.of(destination), StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE), true);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the access log \"" + destination + "\" for appending: " + e, e);
        }
    }

    void write(AccessLogEntry entry) {
        byte[] line = (format.format(entry) + System.lineSeparator()).getBytes(StandardCharsets.ISO_8859_1);
        lock.lock();
        try {
            out.write(line);
            out.flush();
        } catch (IOException e) {
            System.getLogger(ServerContext.LOGGER).log(System.Logger.Level.WARNING,
                    "Could not write to the access log: " + e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        if (owned) {
            try {
                out.close();
            } catch (IOException e) {
                System.getLogger(ServerContext.LOGGER).log(System.Logger.Level.WARNING,
                        "Could not close the access log: " + e);
            }
        }
    }
}
