package dev.carafe.gateway.server;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The open connections of a server, the cap on their number, and the stopping flag that graceful
 * shutdown raises.
 */
final class ConnectionRegistry {

    private final Set<Connection> open = ConcurrentHashMap.newKeySet();
    private final Semaphore permits;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition emptied = lock.newCondition();
    private volatile boolean stopping;

    ConnectionRegistry(int maxConnections) {
        this.permits = new Semaphore(maxConnections);
    }

    /** Waits until another connection may be opened. */
    void acquire() throws InterruptedException {
        permits.acquire();
    }

    /** Gives back a permit taken by {@link #acquire()} that no connection used. */
    void release() {
        permits.release();
    }

    void add(Connection connection) {
        open.add(connection);
    }

    void remove(Connection connection) {
        if (open.remove(connection)) {
            permits.release();
            lock.lock();
            try {
                if (open.isEmpty()) {
                    emptied.signalAll();
                }
            } finally {
                lock.unlock();
            }
        }
    }

    boolean stopping() {
        return stopping;
    }

    /** Raises the stopping flag and closes every connection that waits for a next request. */
    void beginStop() {
        stopping = true;
        open.forEach(Connection::closeIfIdle);
    }

    /** Waits until every connection closed or the time is up; returns whether all closed. */
    boolean awaitEmpty(long nanos) throws InterruptedException {
        lock.lock();
        try {
            long left = nanos;
            while (!open.isEmpty()) {
                if (left <= 0) {
                    return false;
                }
                left = emptied.awaitNanos(left);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Closes every connection still open, in flight or not. */
    void closeAll() {
        open.forEach(Connection::forceClose);
    }

    /** Runs {@code action} on every open connection (the watchdog's round). */
    void forEach(Consumer<Connection> action) {
        open.forEach(action);
    }

    int size() {
        return open.size();
    }
}
