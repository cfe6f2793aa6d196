package dev.carafe.templates;

import dev.carafe.App;
import dev.carafe.Blueprint;
import dev.carafe.Flash;
import dev.carafe.Response;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The code of docs/templates.md; TemplatesSnippetsTest runs it. */
final class TemplatesSnippets {

    /** A post as flaskr's index shows it. */
    record Post(int id, String title, String body, LocalDateTime created, String username) {
    }

    private TemplatesSnippets() {
    }

    static App setup(List<Post> posts) {
        // tag::setup[]
        App app = new App().secretKey(System.getenv().getOrDefault("SECRET_KEY", "dev"));
        Templates templates = Templates.create(app);         // src/main/resources/templates/

        app.route("/", Set.of("GET"), "blog.index",
                request -> templates.render("docs/index.html", Map.of("posts", posts)));
        app.route("/<int:id>/update", Set.of("GET", "POST"), "blog.update",
                request -> templates.render("docs/update.html", Map.of()));
        // end::setup[]
        return app;
    }

    static Templates folder(App app, Path folder) {
        // tag::folder[]
        Templates templates = Templates.builder(app)
                .folder(folder)                                  // for example Path.of("src/main/resources/templates")
                .build();
        // end::folder[]
        return templates;
    }

    static App blueprint(App app, Templates templates) {
        // tag::blueprint[]
        Blueprint auth = new Blueprint("auth").urlPrefix("/auth").templateFolder("classpath:bp/auth/templates");
        auth.get("/login", request -> templates.render("auth/login.html", Map.of()));   // bp/auth/templates/auth/login.html
        app.register(auth);
        // end::blueprint[]
        return app;
    }

    static App flash(App app, Templates templates) {
        // tag::flash[]
        app.post("/create", request -> {
            if (request.form().first("title").orElse("").isBlank()) {
                Flash.flash(request, "Title is required.", "error");
                return templates.render("docs/create.html", Map.of());   // shown in this very page
            }
            Flash.flash(request, "Post created.");
            return Response.redirect("/");                                  // shown on the next page
        });
        // end::flash[]
        return app;
    }

    static Templates custom(App app) {
        // tag::custom[]
        Templates templates = Templates.builder(app)
                .filter("shorten", (value, arguments) -> {                // {{ post.body | shorten(20) }}
                    int max = arguments.at(0).map(n -> ((Number) n).intValue()).orElse(80);
                    String text = String.valueOf(value);
                    return text.length() <= max ? text : text.substring(0, max) + "…";
                })
                .test("prime", (value, arguments) ->                      // {% if n is prime %}
                        BigInteger.valueOf(((Number) value).longValue()).isProbablePrime(20))
                .function("now", arguments -> LocalDateTime.now())        // {{ now() | date('yyyy') }}
                .global("site_name", "Flaskr")                            // {{ site_name }}
                .contextProcessor(request -> Map.of(                      // every page rendered in a request
                        "user_agent", request.header("User-Agent").orElse("")))
                .build();
        // end::custom[]
        return templates;
    }

    static String safe(Templates templates) {
        // tag::safe[]
        String page = templates.renderString("{{ title }} {{ banner }}", Map.of(
                "title", "<b>Bold</b>",                          // printed as &lt;b&gt;Bold&lt;/b&gt;
                "banner", new SafeHtml("<b>Welcome</b>")));      // printed as <b>Welcome</b>
        // end::safe[]
        return page;
    }

    static Templates strict(App app) {
        // tag::strict[]
        Templates templates = Templates.builder(app)
                .strict(app.testing() || app.debug())            // undefined values fail in tests and development
                .build();
        // end::strict[]
        return templates;
    }

    static App stream(App app, Templates templates, List<Post> posts) {
        // tag::stream[]
        app.get("/archive", request -> templates.stream("docs/archive.html", Map.of("posts", posts)));
        // end::stream[]
        return app;
    }

    static Optional<String> outside(App app, Templates templates) {
        // tag::outside[]
        String mail = templates.renderToString("docs/welcome.txt", Map.of("name", "Ada"));
        // end::outside[]
        return Optional.of(mail);
    }
}
