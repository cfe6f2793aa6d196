package dev.carafe.gateway.server;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * The {@link EventLoop}s of a server with platform threads, the choice of a loop for each new
 * connection (in turn), and the monitor: one daemon thread that looks at the loops every
 * {@link #BUSY_TICK_MILLIS} ms and takes a loop away from an application that has held it for longer
 * than {@link #STALL_NANOS}, so that a blocking application delays its loop's other connections by a
 * few milliseconds at most. While no loop serves anything the monitor looks every
 * {@link #IDLE_TICK_MILLIS} ms only, so that an idle server stays (almost) asleep.
 */
final class EventLoops implements Runnable {

    /** How long an application may hold its loop before another thread takes the loop over. */
    static final long STALL_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    private static final long BUSY_TICK_MILLIS = 2;
    private static final long IDLE_TICK_MILLIS = 10;

    private final List<EventLoop> loops;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Thread monitor;
    private int next;

    private EventLoops(List<EventLoop> loops, int port) {
        this.loops = loops;
        this.monitor = new Thread(this, "carafe-loop-monitor-" + port);
        monitor.setDaemon(true);
    }

    /**
     * Opens {@code count} loops whose owners come from {@code threads}.
     *
     * @throws IOException if a selector cannot be opened
     */
    static EventLoops open(int count, Executor threads, int port) throws IOException {
        List<EventLoop> loops = new ArrayList<>(count);
        try {
            for (int i = 1; i <= count; i++) {
                loops.add(new EventLoop(threads, "carafe-loop-" + port + "-" + i));
            }
        } catch (IOException e) {
            loops.forEach(EventLoop::close);
            throw e;
        }
        return new EventLoops(List.copyOf(loops), port);
    }

    /** Gives every loop an owner and starts the monitor. */
    void start() {
        loops.forEach(EventLoop::start);
        monitor.start();
    }

    /** @return the loop for the next connection (in turn); called by the acceptor thread only */
    EventLoop next() {
        EventLoop loop = loops.get(next);
        next = (next + 1) % loops.size();
        return loop;
    }

    /** Stops the monitor and closes every loop. */
    void close() {
        closed.countDown();
        loops.forEach(EventLoop::close);
    }

    @Override
    public void run() {
        try {
            long tick = IDLE_TICK_MILLIS;
            while (!closed.await(tick, TimeUnit.MILLISECONDS)) {
                boolean serving = false;
                for (EventLoop loop : loops) {
                    serving |= loop.releaseIfStalled(STALL_NANOS);
                }
                tick = serving ? BUSY_TICK_MILLIS : IDLE_TICK_MILLIS;
            }
        } catch (InterruptedException e) {
            System.getLogger(ServerContext.LOGGER).log(Level.WARNING, "The event loop monitor was interrupted; a "
                    + "blocking application may now delay the other connections of its loop.");
            Thread.currentThread().interrupt();
        }
    }
}
