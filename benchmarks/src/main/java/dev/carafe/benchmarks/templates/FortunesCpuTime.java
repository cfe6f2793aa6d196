package dev.carafe.benchmarks.templates;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The fortunes comparison of {@link FortunesBenchmark} measured in CPU time, for a shared machine:
 * the four variants of {@link FortunesPages} run in turn, in batches, in one JVM, and each batch's
 * cost is the thread's CPU time ({@link ThreadMXBean#getCurrentThreadCpuTime()}), which does not
 * count the time the thread waited for a core. A change of load during the run hits every variant
 * alike. The first third of the rounds is warm-up.
 *
 * <pre>{@code java -cp benchmarks/target/benchmarks.jar dev.carafe.benchmarks.templates.FortunesCpuTime [rounds] [batch]}</pre>
 */
public final class FortunesCpuTime {

    private FortunesCpuTime() {
    }

    /**
     * Runs the comparison and prints the CPU time per render and the ratios.
     *
     * @param args rounds (default 60) and renders per batch (default 2000)
     */
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        FortunesPages pages = new FortunesPages();
        String[] names = {"carafeString", "pebbleString", "carafeRender", "pebbleBytes"};
        Supplier<?>[] variants = {pages::carafeString, pages::pebbleString, pages::carafeRender, pages::pebbleBytes};
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] nanos = new long[variants.length];
        long[] renders = new long[variants.length];
        Object[] sink = new Object[1];
        for (int round = 0; round < rounds; round++) {
            for (int v = 0; v < variants.length; v++) {
                Supplier<?> variant = variants[v];
                long[] spent = new long[1];
                pages.inRequest(context -> {
                    long start = threads.getCurrentThreadCpuTime();
                    for (int i = 0; i < batch; i++) {
                        sink[0] = variant.get();
                    }
                    spent[0] = threads.getCurrentThreadCpuTime() - start;
                });
                if (round >= rounds / 3) {
                    nanos[v] += spent[0];
                    renders[v] += batch;
                }
            }
        }
        for (int v = 0; v < variants.length; v++) {
            System.out.printf(Locale.ROOT, "%-13s %,9.0f ns of CPU per render%n", names[v], (double) nanos[v] / renders[v]);
        }
        System.out.printf(Locale.ROOT, "carafeString / pebbleString = %.3f%ncarafeRender / pebbleBytes  = %.3f%n",
                (double) nanos[0] / nanos[1], (double) nanos[2] / nanos[3]);
        if (sink[0] == null) {
            throw new IllegalStateException("nothing was rendered");
        }
    }
}
