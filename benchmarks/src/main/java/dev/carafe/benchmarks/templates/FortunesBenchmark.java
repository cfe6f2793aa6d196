package dev.carafe.benchmarks.templates;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * TechEmpower's fortunes page through Carafe's template layer and through Pebble called directly,
 * in the same run ({@link FortunesPages}): the twelve rows plus one added at request time, sorted
 * by message, printed HTML-escaped in a table by a template that extends a layout. Every render
 * runs inside a request context of an App, as in a handler, {@value #BATCH} renders per context so
 * that making the context weighs nothing. {@code carafeString} and {@code pebbleString} compare the
 * page as a String, {@code carafeRender} (the Response) and {@code pebbleBytes} (its UTF-8 bytes)
 * what a handler hands to the server.
 *
 * <pre>{@code java -jar benchmarks/target/benchmarks.jar 'templates.FortunesBenchmark' -f 1 -wi 3 -i 5 -prof gc}</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FortunesBenchmark {

    static final int BATCH = 100;

    FortunesPages pages;

    @Setup
    public void setup() {
        pages = new FortunesPages();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void carafeString(Blackhole blackhole) {
        pages.inRequest(context -> {
            for (int i = 0; i < BATCH; i++) {
                blackhole.consume(pages.carafeString());
            }
        });
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void pebbleString(Blackhole blackhole) {
        pages.inRequest(context -> {
            for (int i = 0; i < BATCH; i++) {
                blackhole.consume(pages.pebbleString());
            }
        });
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void carafeRender(Blackhole blackhole) {
        pages.inRequest(context -> {
            for (int i = 0; i < BATCH; i++) {
                blackhole.consume(pages.carafeRender());
            }
        });
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void pebbleBytes(Blackhole blackhole) {
        pages.inRequest(context -> {
            for (int i = 0; i < BATCH; i++) {
                blackhole.consume(pages.pebbleBytes());
            }
        });
    }
}
