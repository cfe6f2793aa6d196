package dev.carafe.templates;

import dev.carafe.App;
import dev.carafe.Flash;
import dev.carafe.Request;
import dev.carafe.RequestContext;
import dev.carafe.Response;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import tools.jackson.databind.json.JsonMapper;

/**
 * Templates for an {@link App}: Flask's {@code render_template}, on Pebble, with Jinja's habits.
 * Templates are looked up in the app's {@code templates/} folder on the classpath (or a folder on
 * the file system) and then in the blueprints' folders; they see the model, Flask's template
 * context ({@code request}, {@code session}, {@code g}, {@code config}, {@code url_for},
 * {@code get_flashed_messages}) and whatever the builder registered. HTML, XML and SVG templates
 * are autoescaped. See {@code docs/templates.md}.
 *
 * <pre>{@code
 * App app = new App();
 * Templates templates = Templates.create(app);       // src/main/resources/templates/
 * app.get("/", request -> templates.render("blog/index.html", Map.of("posts", posts.all())));
 * }</pre>
 *
 * <p>The first render reads the settings: the App's debug mode (templates are then compiled again
 * on every render, so edits show without a restart), the {@code TEMPLATES_AUTO_RELOAD} config key
 * that overrides it, and the blueprints. Afterwards each template is compiled once. A Templates is
 * safe to use from any number of threads.
 */
public final class Templates {

    private final App app;
    private final TemplateSetup setup;
    private volatile Engine engine;

    Templates(App app, TemplateSetup setup) {
        this.app = app;
        this.setup = setup;
    }

    /**
     * Templates from the app's {@code templates/} classpath folder, with the default settings
     * (lenient, Carafe's JSON defaults for {@code tojson}).
     *
     * @param app the App whose requests, config and routes the templates see
     * @return the templates
     */
    public static Templates create(App app) {
        return builder(app).build();
    }

    /**
     * Starts configuring templates: folders, strict mode, filters, tests, functions, globals and
     * context processors.
     *
     * @param app the App whose requests, config and routes the templates see
     * @return a builder
     */
    public static Builder builder(App app) {
        return new Builder(app);
    }

    /**
     * Renders a template into an HTML response (200): Flask's {@code return render_template(...)}.
     * The content type follows the name: {@code text/html; charset=utf-8} for {@code .html} and
     * names without a known extension, {@code text/plain; charset=utf-8} for {@code .txt},
     * {@code application/xml} for {@code .xml}, and so on.
     *
     * @param name the template's name in the folders, for example {@code blog/index.html}
     * @param model the variables, which win over the template context's of the same name
     * @return the response
     * @throws TemplateException when the template is missing or fails, naming it, the line and why
     */
    public Response render(String name, Map<String, ?> model) {
        String body = renderToString(name, model);
        String contentType = engine().contentType(name);
        return contentType.equals(Engine.HTML) ? Response.html(body) : Response.text(body, contentType);
    }

    /**
     * Renders a template into a string, for a mail body, a fragment, or a test.
     *
     * @param name the template's name in the folders
     * @param model the variables
     * @return the text
     * @throws TemplateException when the template is missing or fails
     */
    public String renderToString(String name, Map<String, ?> model) {
        Engine current = engine();
        PebbleTemplate template = current.compile(Objects.requireNonNull(name, "template name"));
        StringWriter out = new StringWriter(1024);
        current.evaluate(template, out, current.variables(checked(model), request()));
        return out.toString();
    }

    /**
     * Renders a template given as a string: Flask's {@code render_template_string}. It is
     * autoescaped, compiled on every call (never cached), and may extend or include templates from
     * the folders.
     *
     * @param source the template, for example {@code Hello {{ name }}!}
     * @param model the variables
     * @return the text
     * @throws TemplateException when the template fails; it is named {@code <string>}
     */
    public String renderString(String source, Map<String, ?> model) {
        Engine current = engine();
        PebbleTemplate template = current.compileString(Objects.requireNonNull(source, "source"));
        StringWriter out = new StringWriter(Math.max(64, source.length() * 2));
        current.evaluate(template, out, current.variables(checked(model), request()));
        return out.toString();
    }

    /**
     * Renders a template while the response is sent, Flask's {@code stream_template}: the body is
     * written in chunks of about 8 KiB as the template produces them (and at each
     * {@code {% flush %}}), so a large page never sits whole in memory and the client sees its
     * start early. The template is found and compiled now, so a missing or malformed one fails
     * here; an error while rendering comes after the status was sent and ends the response early.
     *
     * <p>The body renders after the handler returned, on a thread of its own that runs in the
     * request's context: the model, the request, {@code g} and {@code RequestContext.current()} stay
     * usable, and the teardown functions run only after the render ended (or was stopped because
     * the client went away). The session, though, was already saved with the headers. So this
     * method takes the request's flashed messages out of the session before it returns; the
     * template's {@code get_flashed_messages()} shows them. Context processors run now.
     *
     * @param name the template's name in the folders
     * @param model the variables
     * @return the response, sent with the chunked framing the server chooses
     * @throws TemplateException when the template is missing or does not compile
     */
    public Response stream(String name, Map<String, ?> model) {
        Engine current = engine();
        PebbleTemplate template = current.compile(Objects.requireNonNull(name, "template name"));
        Optional<RequestContext> context = RequestContext.find().filter(c -> c.app() == app);
        Optional<Request> request = context.map(RequestContext::request);
        request.ifPresent(Flash::messages);
        Map<String, Object> variables = current.variables(checked(model), request);
        Consumer<Writer> render = out -> current.evaluate(template, out, variables);
        Consumer<Writer> inContext = out -> context.ifPresentOrElse(c -> c.run(() -> render.accept(out)),
                () -> render.accept(out));   // the render thread sees the request's context, as the handler did
        return Response.chunks(new TemplateStream(inContext), current.contentType(name));
    }

    @Override
    public String toString() {
        Engine current = engine;
        return "Templates[" + (current == null ? "not used yet" : current.describe()) + "]";
    }

    private Optional<Request> request() {
        return RequestContext.find().filter(context -> context.app() == app).map(RequestContext::request);
    }

    private static Map<String, ?> checked(Map<String, ?> model) {
        return Objects.requireNonNull(model, "model; pass Map.of() for none");
    }

    private Engine engine() {
        Engine current = engine;
        if (current == null) {
            synchronized (this) {
                current = engine;
                if (current == null) {
                    current = new Engine(app, setup);
                    engine = current;
                }
            }
        }
        return current;
    }

    /**
     * Configures {@link Templates}; every setting has a default, so {@code Templates.create(app)}
     * is {@code Templates.builder(app).build()}.
     *
     * <pre>{@code
     * Templates templates = Templates.builder(app)
     *         .strict(app.testing())                               // undefined values fail, in tests
     *         .filter("shout", (value, arguments) -> String.valueOf(value).toUpperCase() + "!")
     *         .global("site_name", "Flaskr")
     *         .contextProcessor(request -> Map.of("now", java.time.LocalDate.now()))
     *         .build();
     * }</pre>
     */
    public static final class Builder {

        private final App app;
        private String classpathFolder = "templates/";
        private Optional<Path> folder = Optional.empty();
        private ClassLoader classLoader;
        private boolean strict;
        private Optional<Boolean> reload = Optional.empty();
        private Optional<JsonMapper> json = Optional.empty();
        private final Map<String, TemplateFilter> filters = new LinkedHashMap<>();
        private final Map<String, TemplateTest> tests = new LinkedHashMap<>();
        private final Map<String, TemplateFunction> functions = new LinkedHashMap<>();
        private final Map<String, Object> globals = new LinkedHashMap<>();
        private final List<ContextProcessor> processors = new ArrayList<>();

        private Builder(App app) {
            this.app = Objects.requireNonNull(app, "app");
            ClassLoader context = Thread.currentThread().getContextClassLoader();
            this.classLoader = context != null ? context : Templates.class.getClassLoader();
        }

        /**
         * The app's classpath folder (default {@code templates}, that is
         * {@code src/main/resources/templates/} in a Maven project): where apps packaged as a jar
         * keep their templates.
         *
         * @param folder a relative resource folder such as {@code templates} or {@code web/templates}
         * @return this builder
         * @throws IllegalArgumentException for an empty, absolute or {@code ..} folder
         */
        public Builder classpathFolder(String folder) {
            String trimmed = Objects.requireNonNull(folder, "folder").replaceAll("^/+|/+$", "");
            Optional<String> problem = TemplateNames.problem(trimmed);
            if (problem.isPresent()) {
                throw new IllegalArgumentException("Template classpath folder '" + folder + "' is not usable: "
                        + problem.get() + ". Pass a resource folder such as 'templates'.");
            }
            this.classpathFolder = trimmed + "/";
            this.folder = Optional.empty();
            return this;
        }

        /**
         * A folder on the file system instead of the classpath folder, like Flask's
         * {@code template_folder}: handy in development, where edits then show at once in debug mode.
         *
         * @param folder the folder, relative to the working directory or absolute
         * @return this builder
         * @throws IllegalArgumentException when it is not a directory
         */
        public Builder folder(Path folder) {
            Objects.requireNonNull(folder, "folder");
            if (!Files.isDirectory(folder)) {
                throw new IllegalArgumentException("Template folder '" + folder + "' (absolute: '"
                        + folder.toAbsolutePath().normalize() + "') is not a directory. Create it, or fix the path: it"
                        + " is resolved against the working directory '" + Path.of("").toAbsolutePath() + "'.");
            }
            this.folder = Optional.of(folder);
            return this;
        }

        /**
         * The class loader that reads classpath folders (default: the current thread's context class
         * loader when the builder is created).
         *
         * @param classLoader the class loader
         * @return this builder
         */
        public Builder classLoader(ClassLoader classLoader) {
            this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
            return this;
        }

        /**
         * Strict mode (off by default): an undefined variable or attribute fails the render with a
         * {@link TemplateException} naming it, instead of rendering as empty as Jinja does. Turn it
         * on in development and tests to catch typos.
         *
         * @param on true for strict mode
         * @return this builder
         */
        public Builder strict(boolean on) {
            this.strict = on;
            return this;
        }

        /**
         * Whether templates are compiled again on every render, so that edits show without a
         * restart. By default it follows the {@code TEMPLATES_AUTO_RELOAD} config key, or the App's
         * debug mode when the key is not set: on in debug mode, off (compiled once) otherwise.
         *
         * @param on true to compile on every render
         * @return this builder
         */
        public Builder reload(boolean on) {
            this.reload = Optional.of(on);
            return this;
        }

        /**
         * The mapper the {@code tojson} filter writes with, instead of the App's ({@code app.json()},
         * which is Carafe's default or the mapper given to {@code app.json(mapper)}).
         *
         * @param mapper the mapper
         * @return this builder
         */
        public Builder json(JsonMapper mapper) {
            this.json = Optional.of(Objects.requireNonNull(mapper, "mapper"));
            return this;
        }

        /**
         * Adds a filter, Flask's {@code add_template_filter}; it wins over a built-in of the same name.
         *
         * @param name the name templates use, letters, digits and {@code _}
         * @param filter the filter
         * @return this builder
         * @throws IllegalArgumentException for a malformed or already registered name
         */
        public Builder filter(String name, TemplateFilter filter) {
            filters.put(name(name, "filter", filters), Objects.requireNonNull(filter, "filter"));
            return this;
        }

        /**
         * Adds a test, Flask's {@code add_template_test}: {@code {% if value is name %}}.
         *
         * @param name the name templates use
         * @param test the test
         * @return this builder
         * @throws IllegalArgumentException for a malformed or already registered name
         */
        public Builder test(String name, TemplateTest test) {
            tests.put(name(name, "test", tests), Objects.requireNonNull(test, "test"));
            return this;
        }

        /**
         * Adds a function, Flask's {@code add_template_global} for a callable: {@code {{ name(...) }}}.
         *
         * @param name the name templates use
         * @param function the function
         * @return this builder
         * @throws IllegalArgumentException for a malformed or already registered name
         */
        public Builder function(String name, TemplateFunction function) {
            functions.put(name(name, "function", functions), Objects.requireNonNull(function, "function"));
            return this;
        }

        /**
         * Adds a global value, Flask's {@code add_template_global}: every template sees it unless
         * the model or a context processor has a variable of the same name.
         *
         * @param name the name templates use
         * @param value the value, not null
         * @return this builder
         * @throws IllegalArgumentException for a malformed or already registered name
         */
        public Builder global(String name, Object value) {
            globals.put(name(name, "global", globals), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Adds a context processor, Flask's {@code context_processor}.
         *
         * @param processor the processor
         * @return this builder
         */
        public Builder contextProcessor(ContextProcessor processor) {
            processors.add(Objects.requireNonNull(processor, "processor"));
            return this;
        }

        /** @return the templates, whose engine is built at the first render */
        public Templates build() {
            Optional<JsonMapper> own = json;
            Supplier<JsonMapper> mapper = own.isPresent() ? own::get : app::json;
            return new Templates(app, new TemplateSetup(classpathFolder, folder, classLoader, strict, reload, mapper,
                    filters, tests, functions, globals, processors));
        }

        private static String name(String name, String kind, Map<String, ?> registered) {
            Objects.requireNonNull(name, kind + " name");
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new IllegalArgumentException("Template " + kind + " name '" + name + "' cannot be written in a "
                        + "template: use letters, digits and '_', not starting with a digit, for example 'format_date'.");
            }
            if (registered.containsKey(name)) {
                throw new IllegalArgumentException("A template " + kind + " named '" + name + "' is already "
                        + "registered on this builder; register each name once.");
            }
            return name;
        }
    }
}
