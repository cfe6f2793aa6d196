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
import java.util.function.Consumer;

/**
 * The fortunes page four ways, one render each: through Carafe's {@link Templates} as a String
 * and as the Response a handler returns, and through a {@link PebbleEngine} set up as Carafe's
 * (classpath loader, autoescaping, no newline trimming) as a String and as UTF-8 bytes. Each builds
 * the rows with {@link Fortune#forRequest()}. The constructor checks that both engines render the
 * same page.
 */
public final class FortunesPages {

    /** The page: {@code fortunes/fortunes.html}, which extends {@code fortunes/layout.html}. */
    static final String NAME = "fortunes/fortunes.html";

    private final App app;
    private final Templates templates;
    private final PebbleTemplate pebble;

    /** Sets up both engines and checks they render the same page. */
    public FortunesPages() {
        app = new App();
        app.get("/fortunes", request -> "unused: the benchmarks render inside a test request context");
        templates = Templates.create(app);
        ClasspathLoader loader = new ClasspathLoader(FortunesPages.class.getClassLoader());
        loader.setPrefix("templates");
        pebble = new PebbleEngine.Builder().loader(loader).newLineTrimming(false).build().getTemplate(NAME);
        String[] pages = new String[2];
        inRequest(context -> {
            pages[0] = carafeString();
            pages[1] = pebbleString();
        });
        if (!pages[0].equals(pages[1]) || !pages[0].contains("&lt;script&gt;") || !pages[0].contains("フレームワーク")) {
            throw new IllegalStateException("Carafe and Pebble render different fortunes pages:\n" + pages[0] + "\n---\n"
                    + pages[1]);
        }
    }

    /** Runs code inside a request context for {@code GET /fortunes}, as a handler runs. */
    public void inRequest(Consumer<Object> code) {
        app.testRequestContext("/fortunes", code::accept);
    }

    /** @return the page through {@link Templates#renderToString} */
    public String carafeString() {
        return templates.renderToString(NAME, Map.of("fortunes", Fortune.forRequest()));
    }

    /** @return the page through {@link Templates#render}, a handler's answer */
    public Response carafeRender() {
        return templates.render(NAME, Map.of("fortunes", Fortune.forRequest()));
    }

    /** @return the page through Pebble called directly */
    public String pebbleString() {
        StringWriter out = new StringWriter();
        try {
            pebble.evaluate(out, Map.of("fortunes", Fortune.forRequest()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** @return the page through Pebble called directly, as the bytes a response holds */
    public byte[] pebbleBytes() {
        return pebbleString().getBytes(StandardCharsets.UTF_8);
    }
}
