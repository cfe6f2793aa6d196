package dev.carafe.templates;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Optional;

/**
 * Starts the thread a streamed template renders on: a virtual thread on JDK 21 and later (reached
 * through a method handle, as Carafe compiles for JDK 17), else a daemon platform thread.
 */
final class RenderThreads {

    private static final Optional<MethodHandle> START_VIRTUAL = startVirtual();

    private RenderThreads() {
    }

    static Thread start(Runnable task) {
        if (START_VIRTUAL.isPresent()) {
            try {
                return (Thread) START_VIRTUAL.get().invoke(task);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException("Cannot start a virtual thread for a streamed template", e);
            }
        }
        Thread thread = new Thread(task, "carafe-template-stream");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static Optional<MethodHandle> startVirtual() {
        try {
            return Optional.of(MethodHandles.publicLookup().findStatic(Thread.class, "startVirtualThread",
                    MethodType.methodType(Thread.class, Runnable.class)));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            return Optional.empty();   // JDK 17 to 20
        }
    }
}
