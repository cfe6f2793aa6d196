package dev.carafe.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carafe.App;
import dev.carafe.AppTestClient;
import dev.carafe.Flash;
import dev.carafe.Response;
import dev.carafe.gateway.testing.TestResponse;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Flask's template context: url_for, request, session, g, config, get_flashed_messages, context processors. */
class TemplateContextTest {

    private static App app(String source) {
        App app = new App().secretKey("dev");
        Templates templates = Templates.create(app);
        app.route("/<int:id>/update", Set.of("GET"), "blog.update", request -> Response.text("update"));
        app.get("/page", request -> templates.renderString(source, Map.of()));
        return app;
    }

    private static String page(String source) {
        return app(source).testClient().get("/page").text();
    }

    @Test
    void urlForTakesTheRuleValuesByNameAndPutsTheOthersInTheQuery() {
        assertEquals("/7/update /7/update?tab=a+b", page("{{ url_for('blog.update', id=7) }} "
                + "{{ url_for('blog.update', id=7, tab='a b') }}"));
    }

    @Test
    void urlForBuildsUnderTheMountPointAndExternalUrlsWithTheRequestsHost() {
        App app = app("{{ url_for('blog.update', id=1) }} {{ url_for('blog.update', id=1, _external=true) }} "
                + "{{ url_for('blog.update', id=1, _anchor='comments') }}");

        String page = app.testClient().request("GET", "/page").environ("SCRIPT_NAME", "/blog")
                .header("Host", "example.com").send().text();

        assertEquals("/blog/1/update http://example.com/blog/1/update /blog/1/update#comments", page);
    }

    @Test
    void urlForTakesFlasksMethodAndSchemeOptionsTheSchemeOnlyWithExternal() {
        assertEquals("/1/update https://localhost/1/update", page("{{ url_for('blog.update', id=1, _method='GET') }} "
                + "{{ url_for('blog.update', id=1, _scheme='https', _external=true) }}"));

        App schemeOnly = app("{{ url_for('blog.update', id=1, _scheme='https') }}").testing(true);
        TemplateException error = assertThrows(TemplateException.class, () -> schemeOnly.testClient().get("/page"));
        assertTrue(error.getMessage().contains("url_for('blog.update', _scheme=...) builds an absolute URL: add "
                + "_external=true, as Flask requires"), error.getMessage());
        App noPostRule = app("{{ url_for('blog.update', id=1, _method='POST') }}").testing(true);
        assertThrows(TemplateException.class, () -> noPostRule.testClient().get("/page"), "no POST rule to build");
    }

    @Test
    void urlForStaticUsesTheStaticFilesPlaceWhenTheAppHasNoStaticEndpoint() {
        assertEquals("/static/style.css /static/css/site%20v2.css?v=3", page("{{ url_for('static', filename='style.css') }} "
                + "{{ url_for('static', filename='css/site v2.css', v=3) }}"));
    }

    @Test
    void urlForStaticUsesTheAppsStaticFolderWhenItServesOne() {
        App app = new App();
        Templates templates = Templates.create(app);
        app.staticFolder("classpath:bp").staticUrlPath("/assets");
        app.get("/page", request -> templates.renderString("{{ url_for('static', filename='style.css') }}", Map.of()));

        assertEquals("/assets/style.css", app.testClient().get("/page").text());
    }

    @Test
    void urlForStaticFallsBackOnlyWhenThereIsNoStaticEndpointWhateverTheMessageSays() {
        App app = new App().testing(true);
        Templates templates = Templates.create(app);
        app.route("/files/<int:filename>", Set.of("GET"), "static", request -> "file");
        app.get("/page", request -> templates.renderString("{{ url_for('static', filename='no such endpoint') }}",
                Map.of()));

        TemplateException e = assertThrows(TemplateException.class, () -> app.testClient().get("/page"));

        assertEquals("Template '<string>', line 1: url_for('static') failed: Cannot build a URL for 'static': value "
                + "'no such endpoint' (String) for 'filename' does not fit <int:filename> "
                + "(rule '/files/<int:filename>'): 'no such endpoint' is not an integer.", e.getMessage());
    }

    @Test
    void urlForOfAnUnknownEndpointNamesTheTemplateLineAndTheRoutersReason() {
        App app = new App().testing(true);
        Templates templates = Templates.create(app);
        app.route("/<int:id>/update", Set.of("GET"), "blog.update", request -> Response.text("update"));
        app.get("/page", request -> templates.renderString("line 1\n{{ url_for('blog.updat', id=1) }}", Map.of()));

        TemplateException e = assertThrows(TemplateException.class, () -> app.testClient().get("/page"));

        assertEquals("Template '<string>', line 2: url_for('blog.updat') failed: Cannot build a URL for endpoint "
                + "'blog.updat': no such endpoint. Did you mean 'blog.update'?", e.getMessage());
    }

    @Test
    void urlForWithASecondPositionalArgumentSaysToPassValuesByName() {
        App app = app("{{ url_for('blog.update', 7) }}");
        app.testing(true);

        TemplateException e = assertThrows(TemplateException.class, () -> app.testClient().get("/page"));

        assertEquals("Template '<string>', line 1: url_for('blog.update', ...) takes one positional argument, the "
                + "endpoint; pass the rule's values by name, for example url_for('blog.update', id=post.id)",
                e.getMessage());
    }

    @Test
    void requestArgsFormHeadersAndAccessorsReadLikeJinja() {
        App app = app("{{ request.method }} {{ request.path }} {{ request.args['q'] }} {{ request.args.page }} "
                + "{{ request.headers['X-Name'] }} {{ request.endpoint }} [{{ request.args['none'] }}]");

        String page = app.testClient().request("GET", "/page").query("q", "tea").query("page", "2")
                .header("X-Name", "ada").send().text();

        assertEquals("GET /page tea 2 ada page []", page);
    }

    @Test
    void requestArgsHaveWerkzeugsGetWithADefaultAndGetlist() {
        App app = app("[{{ request.args.get('q') }}][{{ request.args.get('none') }}][{{ request.args.get('none', 'd') }}]"
                + "[{{ request.args.getlist('tag') | join(',') }}][{{ request.args.getlist('none') | length }}]");

        String page = app.testClient().request("GET", "/page").query("q", "tea").query("tag", "a").query("tag", "b")
                .send().text();

        assertEquals("[tea][][d][a,b][0]", page);
    }

    @Test
    void gHoldsMapsAndRecordsReadByKeyOrAttribute() {
        record User(int id, String username) {
        }
        App app = new App();
        Templates templates = Templates.create(app);
        app.beforeRequest(request -> {
            request.g().put("user", Map.of("username", "ada"));
            request.g().put("author", new User(1, "grace"));
            return Optional.empty();
        });
        app.get("/", request -> templates.renderString("{{ g.user['username'] }} {{ g.user.username }} "
                + "{{ g.author['username'] }} {{ g.author.username }} {{ g.author.id }}", Map.of()));

        assertEquals("ada ada grace grace 1", app.testClient().get("/").text());
    }

    @Test
    void theSessionAndTheConfigReadByKeyOrAttribute() {
        App app = new App().secretKey("dev");
        app.config().put("SITE", "Flaskr");
        Templates templates = Templates.create(app);
        app.get("/login", request -> {
            request.session().put("user_id", 1);
            return "ok";
        });
        app.get("/", request -> templates.renderString("{{ session['user_id'] }} {{ session.user_id }} "
                + "{{ session contains 'user_id' }} {{ config['SITE'] }} {{ config.DEBUG }}", Map.of()));
        AppTestClient client = app.testClient();

        client.get("/login");

        assertEquals("1 1 true Flaskr false", client.get("/").text());
    }

    @Test
    void theSessionAndTheConfigCanBeIteratedButNotChanged() {
        App app = new App().secretKey("dev");
        app.config().put("SITE", "Flaskr");
        Templates templates = Templates.create(app);
        app.get("/login", request -> {
            request.session().put("user_id", 1);
            request.session().put("theme", "dark");
            return "ok";
        });
        app.get("/", request -> templates.renderString("{% for entry in session %}{{ entry.key }}={{ entry.value }} "
                + "{% endfor %}{{ session | length }} {{ session is empty }} {{ config['SITE'] }}", Map.of()));
        AppTestClient client = app.testClient();

        client.get("/login");

        assertEquals("user_id=1 theme=dark 2 false Flaskr", client.get("/").text());
    }

    @Test
    void aTemplateThatDoesNotReadTheSessionLeavesItUnopened() {
        App app = new App().secretKey("dev");
        Templates templates = Templates.create(app);
        app.get("/", request -> templates.renderString("{{ config.DEBUG }}", Map.of()));

        TestResponse page = app.testClient().get("/");

        assertEquals("false", page.text());
        assertEquals(Optional.empty(), page.header("Vary"));
    }

    @Test
    void flashedMessagesShowWithTheirCategoriesAndThroughACategoryFilter() {
        App app = new App().secretKey("dev");
        Templates templates = Templates.create(app);
        app.get("/", request -> {
            Flash.flash(request, "Saved.");
            Flash.flash(request, "Title is required.", "error");
            return templates.render("flashes.html", Map.of());
        });

        String page = app.testClient().get("/").text();

        assertEquals("[Saved.][Title is required.]\n[message: Saved.][error: Title is required.]\n"
                + "[error Title is required.]\n", page);
    }

    @Test
    void flashedMessagesShowOnceAfterARedirect() {
        App app = new App().secretKey("dev");
        Templates templates = Templates.create(app);
        app.post("/create", request -> {
            Flash.flash(request, "Post created.");
            return Response.redirect("/");
        });
        app.get("/", request -> templates.renderString("{% for m in get_flashed_messages() %}{{ m }}{% endfor %}",
                Map.of()));
        AppTestClient client = app.testClient();

        client.post("/create").send();

        assertEquals("Post created.", client.get("/").text());
        assertEquals("", client.get("/").text());
    }

    @Test
    void contextProcessorsAddVariablesThatTheModelOverrides() {
        App app = new App();
        Templates templates = Templates.builder(app)
                .contextProcessor(request -> Map.of("site", "Flaskr", "title", "Home", "path", request.path()))
                .build();
        app.get("/", request -> templates.renderString("{{ site }} {{ title }} {{ path }}", Map.of("title", "Posts")));

        assertEquals("Flaskr Posts /", app.testClient().get("/").text());
    }

    @Test
    void aModelEntryHidesTheTemplateContextOfTheSameName() {
        App app = new App();
        Templates templates = Templates.create(app);
        app.get("/", request -> templates.renderString("{{ request }} {{ g }}", Map.of("request", "mine", "g", 9)));

        assertEquals("mine 9", app.testClient().get("/").text());
    }

    @Test
    void outsideARequestTemplatesSeeTheConfigAndUrlForButNoRequestAndProcessorsDoNotRun() {
        App app = new App();
        app.config().put("SITE", "Flaskr");
        app.route("/<int:id>/update", Set.of("GET"), "blog.update", request -> Response.text("update"));
        Templates templates = Templates.builder(app)
                .contextProcessor(request -> Map.of("processed", "yes"))
                .build();

        String text = templates.renderString("{{ config.SITE }} {{ url_for('blog.update', id=3) }} [{{ request }}]"
                + "[{{ session }}][{{ g }}][{{ processed }}][{% for m in get_flashed_messages() %}{{ m }}{% endfor %}]",
                Map.of());

        assertEquals("Flaskr /3/update [][][][][]", text);
    }
}
