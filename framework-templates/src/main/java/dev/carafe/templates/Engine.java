package dev.carafe.templates;

import dev.carafe.App;
import dev.carafe.RegisteredBlueprint;
import dev.carafe.Request;
import dev.carafe.gateway.middleware.FileResponder;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Pebble engine behind one {@link Templates}, built at the first render from the builder's
 * setup and the App as it then is: the folders (the app's, then the blueprints'), whether to
 * compile on every render, and Carafe's extension.
 */
final class Engine {

    /** The content type of HTML templates and of names without a known extension. */
    static final String HTML = "text/html; charset=utf-8";

    private final App app;
    private final TemplateSetup setup;
    private final TemplateLoader loader;
    private final PebbleEngine pebble;
    private final boolean reload;
    private final Map<String, Object> config;
    private final Map<String, String> contentTypes = new ConcurrentHashMap<>();

    Engine(App app, TemplateSetup setup) {
        this.app = app;
        this.setup = setup;
        this.loader = new TemplateLoader(sources(app, setup));
        this.reload = setup.reload().orElseGet(
                () -> app.config().optionalBool("TEMPLATES_AUTO_RELOAD").orElse(app.debug()));
        PebbleEngine.Builder builder = new PebbleEngine.Builder()
                .loader(loader)
                .extension(new CarafeExtension(setup))
                .strictVariables(setup.strict())
                .newLineTrimming(false)          // Jinja keeps the newline after a tag
                .autoEscaping(false);            // decided per template by Autoescape
        if (reload) {
            builder.cacheActive(false);
        } else {
            builder.templateCache(new TemplateCache());
        }
        this.pebble = builder.build();
        this.config = RenderVariables.configView(app.config());
    }

    /** The app's folder, then each blueprint's, in registration order; a folder registered twice is searched once. */
    private static List<TemplateLoader.Source> sources(App app, TemplateSetup setup) {
        List<TemplateLoader.Source> sources = new ArrayList<>();
        TemplateFolder appFolder = setup.folder().<TemplateFolder>map(TemplateFolder.Directory::new)
                .orElseGet(() -> new TemplateFolder.Classpath(setup.classpathFolder(), setup.classLoader()));
        sources.add(new TemplateLoader.Source("the app", appFolder));
        for (RegisteredBlueprint registered : app.blueprints()) {
            Optional<String> setting = registered.blueprint().templateFolder();
            if (setting.isPresent()) {
                String owner = "blueprint '" + registered.name() + "'";
                TemplateFolder folder = TemplateFolder.parse(setting.get(), setup.classLoader(),
                        "Blueprint '" + registered.name() + "'");
                if (sources.stream().noneMatch(source -> source.folder().equals(folder))) {
                    sources.add(new TemplateLoader.Source(owner, folder));
                }
            }
        }
        return sources;
    }

    /** Compiles a template given as a string (never cached). */
    PebbleTemplate compileString(String source) {
        return compile(loader.stringTemplate(source));
    }

    /** Finds and compiles a template (or takes it from the cache). */
    PebbleTemplate compile(String name) {
        try {
            return pebble.getTemplate(name);
        } catch (RuntimeException e) {
            throw TemplateErrors.translate(e, name);
        }
    }

    /** The variables of one render: the model, the context processors' variables, the template context. */
    Map<String, Object> variables(Map<String, ?> model, Optional<Request> request) {
        Map<String, Object> processed = Map.of();
        if (request.isPresent() && !setup.processors().isEmpty()) {
            processed = new LinkedHashMap<>();
            for (ContextProcessor processor : setup.processors()) {
                Map<String, ?> variables;
                try {
                    variables = processor.variables(request.get());
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException("A context processor failed: " + e, e);
                }
                if (variables == null) {
                    throw new IllegalStateException("A context processor returned null; return Map.of() when it "
                            + "has no variables to add.");
                }
                processed.putAll(variables);
            }
        }
        return new LookupMap(new RenderVariables(model, processed, new RenderScope(app, request), config));
    }

    /** Renders a compiled template into a writer. */
    void evaluate(PebbleTemplate template, Writer out, Map<String, Object> variables) {
        try {
            template.evaluate(out, variables);
        } catch (IOException e) {
            throw new UncheckedIOException("Writing template '" + TemplateNames.display(template.getName())
                    + "' failed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw TemplateErrors.translate(e, template.getName());
        }
    }

    /** The content type of a template's response: from its extension, HTML when unknown. */
    String contentType(String name) {
        return contentTypes.computeIfAbsent(name, key -> {
            String type = FileResponder.contentType(key);
            return type.startsWith("application/octet-stream") ? HTML : type;
        });
    }

    /** For {@code toString}: the folders and the modes. */
    String describe() {
        return loader.searched() + (setup.strict() ? ", strict" : "") + (reload ? ", reloading" : "");
    }
}
