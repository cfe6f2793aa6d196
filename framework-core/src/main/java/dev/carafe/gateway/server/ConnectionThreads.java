package dev.carafe.gateway.server;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that run connections, chosen from {@link ServerSettings.ThreadMode}: a virtual thread
 * per connection (JDK 21+, reached by reflection since the code compiles for 17), or a fixed pool
 * of platform threads.
 *
 * @param executor runs one task per connection
 * @param virtual whether the threads are virtual
 * @param limit the most connections served at once
 * @param description a sentence for the start-up log
 */
record ConnectionThreads(ExecutorService executor, boolean virtual, int limit, String description) {

    /** @return whether this JVM has virtual threads (JDK 21 or later) */
    static boolean virtualThreadsAvailable() {
        return Runtime.version().feature() >= 21;
    }

    static ConnectionThreads choose(ServerSettings settings) {
        ServerSettings.ThreadMode mode = settings.threadMode();
        int feature = Runtime.version().feature();
        if (mode == ServerSettings.ThreadMode.VIRTUAL && !virtualThreadsAvailable()) {
            throw new IllegalStateException("threadMode VIRTUAL needs JDK 21 or later, but this JVM is JDK " + feature
                    + "; use threadMode AUTO or PLATFORM, or run on JDK 21+.");
        }
        if (mode == ServerSettings.ThreadMode.VIRTUAL
                || mode == ServerSettings.ThreadMode.AUTO && virtualThreadsAvailable()) {
            return new ConnectionThreads(virtualExecutor(), true, settings.maxConnections(),
                    "a virtual thread per connection (JDK " + feature + ", threadMode " + mode + ")");
        }
        int size = settings.platformThreads();
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = task -> {
            Thread thread = new Thread(task, "carafe-connection-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        ThreadPoolExecutor pool = new ThreadPoolExecutor(size, size, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), factory);
        pool.allowCoreThreadTimeOut(true);
        return new ConnectionThreads(pool, false, Math.min(size, settings.maxConnections()),
                "a pool of " + size + " platform threads (JDK " + feature + ", threadMode " + mode + ")");
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
