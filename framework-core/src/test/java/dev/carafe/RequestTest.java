package dev.carafe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.carafe.gateway.Application;
import dev.carafe.gateway.middleware.ProxyFix;
import dev.carafe.gateway.testing.TestClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestTest {

    /** A record read from and written as JSON. */
    record Post(String title, List<String> tags) {
    }

    @Test
    void methodPathAndUrlPartsComeFromTheEnviron() {
        App app = new App();
        app.get("/caf\u00e9/<name>", request -> String.join("|", request.method(), request.path(), request.scriptRoot(),
                request.url(), request.queryString(), request.host(), request.scheme(), request.rootUrl()));

        String text = app.testClient().request("GET", "/caf%C3%A9/x?q=1").environ("SCRIPT_NAME", "/blog").send().text();

        assertEquals("GET|/caf\u00e9/x|/blog|http://localhost/blog/caf%C3%A9/x?q=1|q=1|localhost|http|"
                + "http://localhost/blog/", text);
    }

    @Test
    void argsKeepEveryValueOfARepeatedName() {
        App app = new App();
        app.get("/search", request -> request.args().all("tag") + " " + request.args().first("page").orElse("1"));

        assertEquals("[a, b c] 1", app.testClient().get("/search?tag=a&tag=b+c").text());
    }

    @Test
    void formFieldsAndUploadedFilesAreParsed() {
        App app = new App();
        app.post("/upload", request -> {
            UploadedFile photo = request.files().get("photo").get(0);
            return request.form().get("title") + " " + photo.filename().orElse("?") + " "
                    + new String(photo.bytes(), StandardCharsets.UTF_8);
        });

        String text = app.testClient().post("/upload").form("title", "Holiday")
                .file("photo", "beach.txt", "text/plain", "sand".getBytes(StandardCharsets.UTF_8)).send().text();

        assertEquals("Holiday beach.txt sand", text);
    }

    @Test
    void jsonBodiesAreReadIntoRecords() {
        App app = new App();
        app.post("/posts", request -> {
            Post post = request.json(Post.class);
            return post.title() + " " + post.tags();
        });

        assertEquals("Hello [a, b]", app.testClient().post("/posts")
                .json("{\"title\":\"Hello\",\"tags\":[\"a\",\"b\"]}").send().text());
    }

    @Test
    void jsonBodiesAreReadIntoGenericTypes() {
        App app = new App();
        app.post("/posts", request -> {
            List<Post> posts = request.json(new tools.jackson.core.type.TypeReference<List<Post>>() { });
            return posts.get(1).title();
        });

        assertEquals("second", app.testClient().post("/posts")
                .json("[{\"title\":\"first\",\"tags\":[]},{\"title\":\"second\",\"tags\":[]}]").send().text());
    }

    @Test
    void rawBodyAndStreamGiveTheSameBytes() {
        App app = new App();
        app.post("/raw", request -> new String(request.body(), StandardCharsets.UTF_8) + "|"
                + new String(request.stream().readAllBytes(), StandardCharsets.UTF_8) + "|"
                + request.contentType().orElse("-") + "|" + request.contentLength().orElse(-1));

        assertEquals("a,b|a,b|text/csv|3", app.testClient().post("/raw").body("a,b".getBytes(), "text/csv").send()
                .text());
    }

    @Test
    void headersAreReadIgnoringCase() {
        App app = new App();
        app.get("/", request -> request.header("x-request-id").orElse("-") + " " + request.headers().get("USER-AGENT")
                + " " + request.headers().containsKey("X-Request-Id"));

        assertEquals("42 probe true", app.testClient().request("GET", "/").header("X-Request-ID", "42")
                .header("User-Agent", "probe").send().text());
    }

    @Test
    void cookiesAreParsed() {
        App app = new App();
        app.get("/", request -> request.cookie("theme").orElse("-") + " " + request.cookies().size());

        assertEquals("dark 2", app.testClient().request("GET", "/").header("Cookie", "theme=dark; lang=\"en\"").send()
                .text());
    }

    @Test
    void remoteAddressAndUrlsFollowTheProxyFix() {
        App app = new App();
        app.get("/where", request -> request.remoteAddr().orElse("-") + " " + request.url() + " "
                + request.externalUrlFor("where", Map.of()));
        Application behindProxy = ProxyFix.builder().xFor(1).xProto(1).xHost(1).xPrefix(1).build().wrap(app);

        String text = TestClient.of(behindProxy).request("GET", "/where")
                .header("X-Forwarded-For", "203.0.113.9").header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "example.com").header("X-Forwarded-Prefix", "/shop").send().text();

        assertEquals("203.0.113.9 https://example.com/shop/where https://example.com/shop/where", text);
    }

    @Test
    void endpointAndViewArgsDescribeTheMatchedRule() {
        App app = new App();
        app.get("/users/<int:id>", request -> request.endpoint().orElse("-") + " " + request.viewArgs());

        assertEquals("users.id {id=7}", app.testClient().get("/users/7").text());
    }
}
