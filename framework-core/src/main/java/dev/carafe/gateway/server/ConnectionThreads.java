package dev.carafe.gateway.server;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that run connections, chosen from {@link ServerSettings.ThreadMode}: a virtual thread
 * per connection (JDK 21+, reached by reflection since the code compiles for 17), or a pool of
 * platform threads behind event loops.
 *
 * <p>The platform pool starts a thread only when none is idle, up to {@link
 * ServerSettings#platformThreads()}, and hands work to the thread that became idle last (a
 * {@link SynchronousQueue} keeps waiting threads as a stack), so a busy server keeps reusing the
 * same few threads, warm in the CPU's caches; a thread idle for a minute ends.
 *
 * <p>{@code HYBRID} has both: the platform pool owns the event loops and serves in place, and the
 * requests a loop hands over (its application blocks, see {@link HandOver}) go to virtual threads.
 *
 * @param executor runs connections (virtual) or event loops and the requests they take over (platform)
 * @param handOvers runs the requests a loop hands over: {@code executor}, or virtual threads in {@code HYBRID}
 * @param virtual whether every connection has a virtual thread
 * @param loops the event loops to open: 0 with a virtual thread per connection
 * @param description a sentence for the start-up log
 */
record ConnectionThreads(ExecutorService executor, ExecutorService handOvers, boolean virtual, int loops,
        String description) {

    /** @return whether this JVM has virtual threads (JDK 21 or later) */
    static boolean virtualThreadsAvailable() {
        return Runtime.version().feature() >= 21;
    }

    /**
     * Fails, before anything is opened, when the settings ask for threads this JVM does not have.
     *
     * @throws IllegalStateException for {@code VIRTUAL} on a JDK before 21
     */
    static void requireAvailable(ServerSettings settings) {
        ServerSettings.ThreadMode mode = settings.threadMode();
        if ((mode == ServerSettings.ThreadMode.VIRTUAL || mode == ServerSettings.ThreadMode.HYBRID)
                && !virtualThreadsAvailable()) {
            throw new IllegalStateException("threadMode " + mode + " needs JDK 21 or later, but this JVM is JDK "
                    + Runtime.version().feature() + "; use threadMode AUTO or PLATFORM, or run on JDK 21+.");
        }
    }

    /** @param port the bound port, which the pool's thread names carry */
    static ConnectionThreads choose(ServerSettings settings, int port) {
        requireAvailable(settings);
        ServerSettings.ThreadMode mode = settings.threadMode();
        int feature = Runtime.version().feature();
        if (mode == ServerSettings.ThreadMode.VIRTUAL
                || mode == ServerSettings.ThreadMode.AUTO && virtualThreadsAvailable()) {
            ExecutorService virtual = virtualExecutor();
            return new ConnectionThreads(virtual, virtual, true, 0,
                    "a virtual thread per connection (JDK " + feature + ", threadMode " + mode + ")");
        }
        int size = settings.platformThreads();
        int loops = Math.min(settings.ioThreads(), size);
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = task -> {
            Thread thread = new Thread(task, "carafe-worker-" + port + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        ThreadPoolExecutor pool = new ThreadPoolExecutor(0, size, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
                factory);
        String described = loops + (loops == 1 ? " event loop" : " event loops") + " and a pool of up to " + size
                + " platform threads";
        if (mode == ServerSettings.ThreadMode.HYBRID) {
            return new ConnectionThreads(pool, virtualExecutor(), false, loops, described
                    + ", which hand requests that block to virtual threads (JDK " + feature + ", threadMode " + mode + ")");
        }
        return new ConnectionThreads(pool, pool, false, loops, described + " (JDK " + feature + ", threadMode "
                + mode + ")");
    }

    private static ExecutorService virtualExecutor() {
        try {
            return (ExecutorService) MethodHandles.publicLookup()
                    .findStatic(java.util.concurrent.Executors.class, "newVirtualThreadPerTaskExecutor",
                            MethodType.methodType(ExecutorService.class))
                    .invoke();
        } catch (Throwable e) {
            throw new IllegalStateException("Could not create virtual threads on JDK "
                    + Runtime.version().feature() + ": " + e, e);
        }
    }
}
