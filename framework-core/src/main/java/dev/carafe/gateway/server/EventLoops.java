package dev.carafe.gateway.server;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The {@link EventLoop}s of a server with platform threads, the choice of a loop for each new
 * connection (in turn), and the monitor: one daemon thread that looks at the loops every
 * {@link #BUSY_TICK_NANOS} while requests run and takes a loop away from an application that has held
 * it for longer than {@link #STALL_NANOS}, so that a blocking application delays its loop's other
 * connections by a few milliseconds at most.
 *
 * <p>An idle server should sleep. After {@link #IDLE_TICKS} looks that found no request running, the
 * monitor falls asleep for up to {@link #SLEEP_NANOS}; the first loop that starts serving wakes it
 * ({@link #wake()}, which costs a serve one volatile read). The monitor raises
 * its flag before its last look and a loop publishes its serve before it reads the flag, so one of
 * the two always sees the other: no serve goes unwatched.
 */
final class EventLoops implements Runnable {

    /** How long an application may hold its loop before another thread takes the loop over. */
    static final long STALL_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    private static final long BUSY_TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    private static final long IDLE_TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final long SLEEP_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final int IDLE_TICKS = 100;

    private final List<EventLoop> loops = new ArrayList<>();
    private final Thread monitor;
    private volatile boolean asleep;
    private volatile boolean closed;
    private int next;

    private EventLoops(int port) {
        this.monitor = new Thread(this, "carafe-loop-monitor-" + port);
        monitor.setDaemon(true);
    }

    /**
     * Opens {@code count} loops whose owners come from {@code threads} and which hand requests over
     * to {@code handOvers} ({@link HandOver}).
     *
     * @throws IOException if a selector cannot be opened
     */
    static EventLoops open(int count, Executor threads, Executor handOvers, int port) throws IOException {
        EventLoops group = new EventLoops(port);
        try {
            for (int i = 1; i <= count; i++) {
                group.loops.add(new EventLoop(threads, handOvers, "carafe-loop-" + port + "-" + i, group::wake));
            }
        } catch (IOException e) {
            group.loops.forEach(EventLoop::close);
            throw e;
        }
        return group;
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

    /** @return how many serves the loops handed to pool threads ({@link EventLoop#handedOver()}) */
    long handedOver() {
        return loops.stream().mapToLong(EventLoop::handedOver).sum();
    }

    /** Stops the monitor and closes every loop. */
    void close() {
        closed = true;
        LockSupport.unpark(monitor);
        loops.forEach(EventLoop::close);
    }

    /** Called by a loop that starts serving: wakes the monitor if it sleeps. */
    void wake() {
        if (asleep) {
            asleep = false;
            LockSupport.unpark(monitor);
        }
    }

    @Override
    public void run() {
        int idle = 0;
        while (!closed) {
            if (Thread.currentThread().isInterrupted()) {
                System.getLogger(ServerContext.LOGGER).log(System.Logger.Level.WARNING, "The event loop monitor was "
                        + "interrupted; a blocking application may now delay the other connections of its loop.");
                return;
            }
            if (look()) {
                idle = 0;
                LockSupport.parkNanos(this, BUSY_TICK_NANOS);
            } else if (++idle < IDLE_TICKS) {
                LockSupport.parkNanos(this, IDLE_TICK_NANOS);
            } else {
                asleep = true;
                if (look()) {
                    idle = 0;
                } else if (!closed) {
                    LockSupport.parkNanos(this, SLEEP_NANOS);
                }
                asleep = false;
            }
        }
    }

    /** Looks at every loop once; returns whether a request was running in one of them. */
    private boolean look() {
        boolean serving = false;
        for (EventLoop loop : loops) {
            serving |= loop.releaseIfStalled(STALL_NANOS);
        }
        return serving;
    }
}
