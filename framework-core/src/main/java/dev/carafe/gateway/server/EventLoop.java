package dev.carafe.gateway.server;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A selector and the connections parked on it, waiting for their next request, with platform
 * threads: the role Undertow's and Netty's I/O threads play, for applications that may block.
 *
 * <p>The loop is not a thread but a role that one pool thread at a time holds (the owner). The
 * owner waits in {@link Selector#select()} and, for each connection that became readable, serves
 * its requests itself, in place: no hand-off to another thread, so a busy server wakes no thread per
 * request. An application may block, though, and the other connections must not wait behind it.
 * So the owner gives the loop up, and another pool thread takes it over, in two cases:
 * <ul>
 *   <li>the connection it serves must wait for its socket (a request body still arriving, a
 *       client slow to take the response): {@link #release(long)}, called before the wait;
 *   <li>the application has been running for longer than the stall threshold (a query, a sleep,
 *       heavy work): the {@link EventLoops} monitor takes the loop away ({@link #releaseIfStalled}).
 * </ul>
 * The thread that lost the loop finishes its connection (the connection keeps that thread until it
 * waits for a next request again), parks it back on the loop, and returns to the pool. When no
 * pool thread is free the loop stays without owner until the thread serving in it finishes and
 * takes it back: with {@code platformThreads} 1 the server is single-threaded.
 *
 * <p>Taking a loop away costs the loop's other connections the stall threshold each time, so an
 * application that blocks on most requests (a database query on each) would let a loop start only
 * one request every few milliseconds. A loop whose serves are taken away often therefore hands
 * each readable connection to a pool thread at once instead of serving it in place, as a server
 * with a worker pool does, until its application stops blocking ({@link HandOver} decides). When
 * no pool thread is free the owner serves in place after all: the pool's limit showing. With
 * {@code HYBRID} the hand-overs go to virtual threads instead, and a loop no pool thread is free
 * to own is owned by a virtual thread.
 *
 * <p>After each batch of requests (the connections one select found readable) the owner yields its
 * core ({@link Thread#yield()}) before it selects again. On an idle core that returns at once. On a
 * core shared with the clients (nginx or a load generator on the same machine) it lets them read
 * the responses just written and send their next requests. Without it, an owner that always found
 * one more request ready ran its whole time slice while the clients of all its connections waited
 * for the core. On 2 cores shared with wrk, at 64 connections, the yield took the p99 latency from
 * about 5.5 ms to about 2 ms, and throughput did not drop (benchmarks/RESULTS.md, "Runs 13 to 17").
 *
 * <p>One {@link AtomicLong}, {@code serving}, holds the ownership: {@link #SELECTING} while the
 * owner selects or sorts connections, the (unique, increasing) start of the connection it serves
 * in place, or {@link #RELEASED} when no thread owns the loop. Only the owner moves it from
 * {@code SELECTING}; whoever moves it from a start to {@code RELEASED} hands the loop to a pool thread.
 */
final class EventLoop implements Runnable {

    private static final long SELECTING = 0;
    private static final long RELEASED = -1;

    private final Selector selector;
    private final Executor threads;
    /** Where readable connections go while the loop hands over: {@code threads}, or virtual threads. */
    private final Executor handOvers;
    private final String name;
    private final Runnable onServe;
    /** Connections to (re)register for reading, from any thread; the owner takes them before it selects. */
    private final Queue<Connection> arrivals = new ConcurrentLinkedQueue<>();
    /** Keys found readable, not yet served: the owner's only (a new owner carries on with them). */
    private final ArrayDeque<SelectionKey> ready = new ArrayDeque<>();
    private final AtomicLong serving = new AtomicLong(RELEASED);
    private final long origin = System.nanoTime();
    /**
     * The buffers the next serve borrows: one pair, lent for each serve and given back when the
     * connection is parked again (by whichever thread served it), so that parked connections hold
     * none and a busy loop reuses the same pair, warm in the cache.
     */
    private final AtomicReference<ConnectionBuffers> spare = new AtomicReference<>();
    /** The last start handed out; the owner's only. */
    private long lastStart;
    /** Set when no pool thread was free to take the loop over; the monitor then tries again. */
    private volatile boolean orphaned;
    /** Whether readable connections are served in place or handed to pool threads (class comment). */
    private final HandOver handOver = new HandOver();
    private volatile boolean closed;

    /**
     * @param threads the pool whose threads own the loop and take it over
     * @param handOvers where readable connections go while the loop hands over ({@link HandOver})
     * @param serving run when the loop starts serving a connection (wakes the monitor if it sleeps)
     */
    EventLoop(Executor threads, Executor handOvers, String name, Runnable serving) throws IOException {
        this.selector = Selector.open();
        this.threads = threads;
        this.handOvers = handOvers;
        this.name = name;
        this.onServe = serving;
    }

    /** Gives the loop its first owner. */
    void start() {
        handOff();
    }

    /**
     * Parks a connection on this loop: from now on the owner serves it when its next request
     * arrives. Safe from any thread; the connection must not be touched by the caller afterwards.
     */
    void park(Connection connection) {
        arrivals.add(connection);
        selector.wakeup();
    }

    /** @return buffers for a serve: the loop's spare pair, or a new one while another serve has it */
    ConnectionBuffers lendBuffers() {
        ConnectionBuffers buffers = spare.getAndSet(null);
        return buffers != null ? buffers : ConnectionBuffers.allocate();
    }

    /** Takes buffers back after a serve; kept as the spare pair unless the loop already has one. */
    void takeBack(ConnectionBuffers buffers) {
        spare.compareAndSet(null, buffers);
    }

    /** Wakes the owner (a parked connection was closed: its key is dropped at the next select). */
    void wakeup() {
        selector.wakeup();
    }

    /**
     * Called by the thread serving in place the connection whose serve started at {@code start},
     * before it waits for the socket: the loop goes on with another thread. Does nothing if the
     * loop was already taken away from that serve.
     */
    void release(long start) {
        if (start > 0 && serving.compareAndSet(start, RELEASED)) {
            handOff();
        }
    }

    /**
     * Called by the monitor: takes the loop away from an owner that has been serving one connection
     * for longer than {@code thresholdNanos}, so that the loop's other connections do not wait for it.
     * Also hands an orphaned loop (no pool thread was free when it was released) to a thread, if one
     * is free now, and reviews whether the loop hands its connections over ({@link HandOver}).
     *
     * @return whether a thread was serving in the loop (taken away or not), the loop was orphaned,
     *     or it hands connections over: the monitor should look again soon
     */
    boolean releaseIfStalled(long thresholdNanos) {
        long now = now();
        boolean handingOver = handOver.review(now);
        long start = serving.get();
        if (start == RELEASED && orphaned && !closed) {
            handOff();
            return true;
        }
        if (start <= 0) {
            return handingOver;
        }
        if (now - start > thresholdNanos && serving.compareAndSet(start, RELEASED)) {
            handOver.takenAway(now);
            handOff();
        }
        return true;
    }

    /** @return how many serves this loop handed to pool threads rather than serving them in place */
    long handedOver() {
        return handOver.handedOver();
    }

    /** Stops the loop: its owner leaves, and the selector closes. Parked connections are closed by the server. */
    void close() {
        closed = true;
        try {
            selector.close();
        } catch (IOException e) {
            System.getLogger(ServerContext.LOGGER).log(Level.DEBUG, "Closing " + name + " failed: " + e);
        }
    }

    /** A pool thread takes the loop, unless another already has. */
    @Override
    public void run() {
        if (serving.compareAndSet(RELEASED, SELECTING)) {
            orphaned = false;
            own();
        }
    }

    private void own() {
        boolean served = false;
        try {
            while (!closed) {
                SelectionKey key = ready.poll();
                if (key != null) {
                    if (!serve(key)) {
                        return;
                    }
                    served = true;
                    continue;
                }
                admitArrivals();
                if (served) {
                    // A batch is done: let the clients take their turn before the next (class comment).
                    Thread.yield();
                    served = false;
                }
                selector.select();
                Set<SelectionKey> selected = selector.selectedKeys();
                ready.addAll(selected);
                selected.clear();
            }
        } catch (ClosedSelectorException e) {
            // closed while selecting: the server stops
        } catch (IOException | RuntimeException e) {
            if (!closed) {
                System.getLogger(ServerContext.LOGGER).log(Level.ERROR, name + " failed; its connections are "
                        + "closed", e);
                closeParked();
                close();
            }
        }
    }

    /**
     * Serves one readable connection in place.
     *
     * @return whether this thread still owns the loop
     */
    private boolean serve(SelectionKey key) {
        Connection connection = (Connection) key.attachment();
        if (!connection.dispatch()) {
            // Busy on a thread that lost the loop while serving it (it parks it again when done),
            // or closed: stop reporting it meanwhile.
            try {
                key.interestOps(0);
            } catch (CancelledKeyException e) {
                // closed: nothing to stop
            }
            return true;
        }
        long start = nextStart();
        if (handOver.active(start) && handToPool(connection, key)) {
            return true;
        }
        serving.set(start);
        handOver.served();
        onServe.run();
        boolean parked = connection.resume(start);
        if (serving.compareAndSet(start, SELECTING)) {
            return true;
        }
        // The loop was taken away while this thread served: the new owner may have stopped
        // watching the connection, so it parks it again; then this thread takes the loop back if
        // no other thread took it (none was free), or returns to the pool.
        if (parked) {
            park(connection);
        }
        if (serving.compareAndSet(RELEASED, SELECTING)) {
            orphaned = false;
            return true;
        }
        return false;
    }

    /**
     * Hands a dispatched connection to a pool thread, which serves it and parks it back; the loop
     * stops watching it meanwhile.
     *
     * @return false if no pool thread was free (or the connection was closed): serve it in place
     */
    private boolean handToPool(Connection connection, SelectionKey key) {
        try {
            key.interestOps(0);
            handOvers.execute(() -> serveHandedOver(connection));
            handOver.started();
            return true;
        } catch (CancelledKeyException e) {
            // closed by another thread: serving it in place finds it closed and ends it
            return false;
        } catch (RejectedExecutionException e) {
            try {
                key.interestOps(SelectionKey.OP_READ);
            } catch (CancelledKeyException closed) {
                // closed meanwhile, as above
            }
            return false;
        }
    }

    /** On a pool thread: serves a handed-over connection, reports its time, parks it back on the loop. */
    private void serveHandedOver(Connection connection) {
        long began = now();
        // No start: the serve does not own the loop, so it has nothing to release before it waits.
        boolean parked = connection.resumeHandedOver(handOvers != threads);
        handOver.finished(now() - began);
        if (parked) {
            park(connection);
        }
    }

    private void admitArrivals() {
        Connection connection;
        while ((connection = arrivals.poll()) != null) {
            try {
                connection.watch(selector);
            } catch (ClosedChannelException | CancelledKeyException e) {
                // closed since it was parked: whoever closed it has removed it
            }
        }
    }

    private void closeParked() {
        try {
            for (SelectionKey key : selector.keys()) {
                ((Connection) key.attachment()).closeIfIdle();
            }
        } catch (ClosedSelectorException e) {
            // already closed
        }
        Connection connection;
        while ((connection = arrivals.poll()) != null) {
            connection.closeIfIdle();
        }
    }

    private void handOff() {
        try {
            threads.execute(this);
        } catch (RejectedExecutionException e) {
            if (handOvers != threads && !closed && ownedByHandOvers()) {
                return;
            }
            // No pool thread is free (or the server stops): the loop stays released until the
            // thread serving in it finishes and takes it back (see serve), or the monitor finds a
            // free thread.
            orphaned = true;
        }
    }

    /**
     * With virtual threads for hand-overs ({@code HYBRID}), a loop that no pool thread is free to
     * own gets a virtual thread instead, so that requests blocked in place, each holding the pool
     * thread it was taken from, cannot leave the loop without an owner. Its selects then hold a
     * carrier thread while they wait, which the JDK adds; the next hand-off goes to the pool again.
     *
     * @return whether a virtual thread took the loop
     */
    private boolean ownedByHandOvers() {
        try {
            handOvers.execute(this);
            return true;
        } catch (RejectedExecutionException stopped) {
            return false;
        }
    }

    /** A start unique to this serve, after every earlier one, and above {@link #SELECTING}. */
    private long nextStart() {
        long start = Math.max(now(), lastStart + 1);
        lastStart = start;
        return start;
    }

    private long now() {
        return System.nanoTime() - origin + 1;
    }

    @Override
    public String toString() {
        return name;
    }
}
