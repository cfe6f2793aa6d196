package dev.carafe.benchmarks.templates;

import dev.carafe.App;
import dev.carafe.Response;
import dev.carafe.templates.Templates;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
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
 * in the same run: the twelve rows plus one added at request time, sorted by message, printed
 * HTML-escaped in a table by {@code fortunes/fortunes.html}, which extends {@code fortunes/layout.html}.
 *
 * <p>Both sides render inside a request context of an App (as a handler does), {@value #BATCH}
 * renders per context so that making the context weighs nothing, and build the row list the same
 * way. {@code carafe*} go through {@link Templates} (the template context, the lookup of variables,
 * Carafe's attribute access, escaping and {@code if}); {@code pebble*} call a {@link PebbleEngine}
 * set up as Carafe's (classpath loader, autoescaping, no newline trimming) with a plain map.
 * {@code *String} produce the page as a String, {@code carafeRender} the Response a handler
 * returns and {@code pebbleBytes} the UTF-8 bytes it holds. Setup checks that both produce the
 * same page.
 *
 * <pre>{@code java -jar benchmarks/target/benchmarks.jar 'templates.FortunesBenchmark' -f 1 -wi 3 -i 5 -prof gc}</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FortunesBenchmark {

    static final int BATCH = 100;

    private static final String NAME = "fortunes/fortunes.html";

    App app;
    Templates templates;
    PebbleTemplate pebble;

    @Setup
    public void setup() {
        app = new App();
        app.get("/fortunes", request -> "unused: the benchmark renders inside a test request context");
        templates = Templates.create(app);
        pebble = new PebbleEngine.Builder()
                .loader(prefixed(new ClasspathLoader(FortunesBenchmark.class.getClassLoader())))
                .newLineTrimming(false)
                .build()
                .getTemplate(NAME);
        String[] pages = new String[2];
        app.testRequestContext("/fortunes", context -> {
            pages[0] = templates.renderToString(NAME, Map.of("fortunes", Fortune.forRequest()));
            pages[1] = pebble(Map.of("fortunes", Fortune.forRequest()));
        });
        if (!pages[0].equals(pages[1]) || !pages[0].contains("&lt;script&gt;") || !pages[0].contains("フレームワーク")) {
            throw new IllegalStateException("Carafe and Pebble render different fortunes pages:\n" + pages[0] + "\n---\n"
                    + pages[1]);
        }
    }

    private static ClasspathLoader prefixed(ClasspathLoader loader) {
        loader.setPrefix("templates");
        return loader;
    }

    private String pebble(Map<String, Object> model) {
        StringWriter out = new StringWriter();
        try {
            pebble.evaluate(out, model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void carafeString(Blackhole blackhole) {
        app.testRequestContext("/fortunes", context -> {
            for (int i = 0; i < BATCH; i++) {
                blackhole.consume(templates.renderToString(NAME, Map.of("fortunes", Fortune.forRequest())));
            }
        });
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void pebbleString(Blackhole blackhole) {
        app.testRequestContext("/fortunes", context -> {
            for (int i = 0; i < BATCH; i++) {
                blackhole.consume(pebble(Map.of("fortunes", Fortune.forRequest())));
            }
        });
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void carafeRender(Blackhole blackhole) {
        app.testRequestContext("/fortunes", context -> {
            for (int i = 0; i < BATCH; i++) {
                Response response = templates.render(NAME, Map.of("fortunes", Fortune.forRequest()));
                blackhole.consume(response);
            }
        });
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void pebbleBytes(Blackhole blackhole) {
        app.testRequestContext("/fortunes", context -> {
            for (int i = 0; i < BATCH; i++) {
                blackhole.consume(pebble(Map.of("fortunes", Fortune.forRequest())).getBytes(StandardCharsets.UTF_8));
            }
        });
    }
}
