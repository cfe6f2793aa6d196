package dev.carafe.gateway.server;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Whether an {@link EventLoop} serves its readable connections in place or hands each to a pool
 * thread at once, decided from how its application behaves.
 *
 * <p>In place is the fast way for an application that answers quickly: no thread is woken per
 * request. An application that blocks (a database query on every request) is taken away from the
 * loop by the monitor after the stall threshold, which costs the loop's other connections that
 * threshold every time: a loop would start only one such request every few milliseconds. So:
 * <ul>
 *   <li>A loop whose serves were taken away {@link #ENTER_TAKE_AWAYS} times within a
 *       {@link #WINDOW_NANOS}, and in at least one serve of {@link #ENTER_ONE_IN}, starts handing
 *       over, for one window. Taking a loop away is rare for an application that answers quickly:
 *       a thread preempted for longer than the threshold on a machine short of cores, about ten
 *       times a second among tens of thousands of serves at full load in our benchmarks, more while
 *       the JIT compiles at start-up or other processes take the cores.
 *   <li>At the end of a window of handing over, it goes on for another window if at least a
 *       quarter of the serves it handed over ran past the threshold, and returns to serving in place
 *       otherwise.
 * </ul>
 *
 * <p>The monitor alone moves the mode ({@link #takenAway}, {@link #review}); the loop's owner reads
 * it for each serve ({@link #active}); pool threads report each serve they were handed
 * ({@link #finished}). Times are the loop's {@code now()}: nanoseconds, never 0.
 */
final class HandOver {

    /** The window over which take-aways are counted, and the length of a spell of handing over. */
    static final long WINDOW_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** Take-aways within a window that start handing over. */
    static final int ENTER_TAKE_AWAYS = 50;
    /** The least share of serves in place, one in this many, that must be taken away to start handing over. */
    static final int ENTER_ONE_IN = 100;

    /** While handing over: the end of the current window; 0 while serving in place. */
    private volatile long until;
    private final AtomicLong started = new AtomicLong();
    private final AtomicLong slow = new AtomicLong();
    /** Serves in place; written by the loop's owner only, so without a lock or fence (see {@link #served}). */
    private final AtomicLong served = new AtomicLong();
    // The monitor's own:
    private long windowStart;
    private int takeAways;
    private long servedBefore;
    private long startedBefore;
    private long slowBefore;

    /** @return whether the owner should hand a connection over at {@code now} rather than serve it */
    boolean active(long now) {
        long end = until;
        return end != 0 && now - end < 0;
    }

    /**
     * The owner serves a connection in place. Only the owner writes the count, and ownership passes
     * between threads with a happens-before edge, so a plain increment published without a fence is
     * exact; the monitor's read may lag by a few serves, which does not matter to a share.
     */
    void served() {
        served.setOpaque(served.getPlain() + 1);
    }

    /** The owner handed a connection to a pool thread. */
    void started() {
        started.incrementAndGet();
    }

    /** A pool thread finished serving a connection it was handed, after {@code nanos}. */
    void finished(long nanos) {
        if (nanos > EventLoops.STALL_NANOS) {
            slow.incrementAndGet();
        }
    }

    /** @return how many serves were handed over so far */
    long handedOver() {
        return started.get();
    }

    /** The monitor took the loop away from a serve in place at {@code now}. */
    void takenAway(long now) {
        if (until != 0) {
            // No pool thread was free for a hand-over, so the owner served in place: not a new signal.
            return;
        }
        if (now - windowStart > WINDOW_NANOS) {
            startCounting(now);
        }
        if (++takeAways >= ENTER_TAKE_AWAYS
                && (long) takeAways * ENTER_ONE_IN >= served.getOpaque() - servedBefore) {
            begin(now);
        }
    }

    /**
     * The monitor's look at {@code now}: at the end of a window of handing over, goes on or stops.
     *
     * @return whether the loop hands over now
     */
    boolean review(long now) {
        long end = until;
        if (end == 0) {
            return false;
        }
        if (now - end < 0) {
            return true;
        }
        long handed = started.get() - startedBefore;
        if (handed > 0 && (slow.get() - slowBefore) * 4 >= handed) {
            begin(now);
            return true;
        }
        until = 0;
        startCounting(now);
        return false;
    }

    private void startCounting(long now) {
        windowStart = now;
        takeAways = 0;
        servedBefore = served.getOpaque();
    }

    private void begin(long now) {
        startedBefore = started.get();
        slowBefore = slow.get();
        until = now + WINDOW_NANOS;
    }
}
