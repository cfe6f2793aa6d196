package dev.carafe.gateway.server;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The deadline of the blocking read or write a connection's thread is in, if any, so that reads and
 * writes need no socket timeout of their own: the thread arms it before it blocks and disarms it
 * after, and the server's {@link Watchdog} expires it once it has passed, then wakes the thread
 * (a read by shutting the socket's input, a write by closing the socket).
 *
 * <p>Exactly one side wins a passed deadline: the watchdog by {@link #expire(long)}, or the thread
 * by {@link #disarm()} before it. When the watchdog wins, {@code disarm} says so, and the read or
 * write counts as timed out even if it completed at the last moment.
 *
 * <p>One word holds everything: {@link #NONE}, {@link #EXPIRED}, or the deadline in
 * {@link System#nanoTime()} units with its lowest bit telling a write (1) from a read (0); a
 * nanosecond of precision is of no consequence against a watchdog that looks every few milliseconds.
 */
final class IoDeadline {

    /** What {@link #expire(long)} found. */
    enum Expired { NOTHING, READ, WRITE }

    /** Both markers are even, so no write deadline can look like one, and a read deadline is moved off them. */
    private static final long NONE = Long.MIN_VALUE;
    private static final long EXPIRED = Long.MIN_VALUE + 2;

    private final AtomicLong state = new AtomicLong(NONE);

    /** The thread is about to read; the read may block until {@code nanos} ({@link System#nanoTime()} based). */
    void armRead(long nanos) {
        long even = nanos & ~1L;
        state.set(even == NONE || even == EXPIRED ? even + 4 : even);
    }

    /** The thread is about to write; the write may block until {@code nanos} ({@link System#nanoTime()} based). */
    void armWrite(long nanos) {
        state.set(nanos | 1L);
    }

    /**
     * The read or write returned (or failed).
     *
     * @return whether the watchdog expired the deadline first: the operation timed out
     */
    boolean disarm() {
        return state.getAndSet(NONE) == EXPIRED;
    }

    /**
     * Called by the watchdog: expires the deadline if it is armed and has passed at {@code now}.
     *
     * @return what was waiting past its deadline, {@link Expired#NOTHING} if nothing
     */
    Expired expire(long now) {
        long armed = state.get();
        if (armed == NONE || armed == EXPIRED || now - armed < 0 || !state.compareAndSet(armed, EXPIRED)) {
            return Expired.NOTHING;
        }
        return (armed & 1L) == 0 ? Expired.READ : Expired.WRITE;
    }
}
