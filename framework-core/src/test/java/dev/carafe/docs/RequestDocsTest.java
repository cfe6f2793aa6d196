package dev.carafe.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.carafe.App;
import dev.carafe.AppTestClient;
import dev.carafe.HttpError;
import dev.carafe.Response;
import dev.carafe.UploadedFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The examples of the "Requests" part of docs/request-response.md. */
class RequestDocsTest {

    /** A comment sent as JSON. */
    record Comment(String author, String text) {
    }

    @Test
    void urlParts() {
        App app = new App();
        // tag::url-parts[]
        app.get("/caf\u00e9/<name>", request -> String.join("\n",
                request.method(),        // GET
                request.path(),          // /café/menu      (decoded, below the mount point)
                request.scriptRoot(),    // /shop           (the mount point, "" at the root)
                request.url(),           // http://localhost/shop/caf%C3%A9/menu?lang=fr
                request.rootUrl(),       // http://localhost/shop/
                request.host(),          // localhost
                request.scheme(),        // http
                request.queryString()));  // lang=fr        (raw, not decoded)
        // end::url-parts[]

        String text = app.testClient().request("GET", "/caf%C3%A9/menu?lang=fr").environ("SCRIPT_NAME", "/shop")
                .send().text();

        assertEquals(String.join("\n", "GET", "/caf\u00e9/menu", "/shop", "http://localhost/shop/caf%C3%A9/menu?lang=fr",
                "http://localhost/shop/", "localhost", "http", "lang=fr"), text);
    }

    @Test
    void argsAndForms() {
        App app = new App();
        // tag::args-form[]
        app.get("/search", request -> {
            String query = request.args().get("q");                      // missing: 400 naming "q"
            int page = request.args().first("page").map(Integer::parseInt).orElse(1);
            List<String> tags = request.args().all("tag");               // ?tag=a&tag=b: [a, b]
            return query + " " + page + " " + tags;
        });
        app.post("/register", request -> {
            String username = request.form().get("username");
            boolean newsletter = request.form().contains("newsletter");
            return username + " " + newsletter;
        });
        // end::args-form[]
        AppTestClient client = app.testClient();

        assertEquals("tea 1 [a, b]", client.get("/search?q=tea&tag=a&tag=b").text());
        assertEquals(400, client.get("/search").status());
        assertEquals("ada true", client.post("/register").form("username", "ada").form("newsletter", "on").send()
                .text());
    }

    @Test
    void uploads(@TempDir Path uploads) throws Exception {
        App app = new App();
        // tag::files[]
        app.post("/avatar", request -> {
            UploadedFile file = request.files().get("avatar").get(0);
            String name = file.safeFilename().orElse("avatar.bin");      // never trust the client's name
            file.transferTo(uploads.resolve(name));
            return name + " " + file.size() + " bytes, " + file.contentType();
        });
        // end::files[]

        String text = app.testClient().post("/avatar").file("avatar", "../me.png", "image/png", new byte[] {1, 2, 3})
                .send().text();

        assertEquals("me.png 3 bytes, image/png", text);
        assertEquals(3, Files.size(uploads.resolve("me.png")));
    }

    @Test
    void jsonAndRawBodies() {
        App app = new App();
        // tag::json[]
        app.post("/comments", request -> {
            Comment comment = request.json(Comment.class);   // 415 unless JSON, 400 if malformed
            return comment.author() + ": " + comment.text();
        });
        app.post("/import", request -> {
            byte[] csv = request.body();                     // or request.stream() for large bodies
            return new String(csv, StandardCharsets.UTF_8).lines().count() + " lines";
        });
        // end::json[]
        AppTestClient client = app.testClient();

        assertEquals("ada: hi", client.post("/comments").json("{\"author\":\"ada\",\"text\":\"hi\"}").send().text());
        assertEquals("2 lines", client.post("/import").body("a,b\nc,d\n".getBytes(), "text/csv").send().text());
    }

    @Test
    void headersCookiesAndContext() {
        App app = new App();
        // tag::headers[]
        app.get("/whoami", request -> String.join(" ",
                request.header("User-Agent").orElse("unknown"),   // any case: "user-agent" too
                request.cookie("theme").orElse("light"),
                request.remoteAddr().orElse("?"),                  // the client's, behind ProxyFix
                request.endpoint().orElse("-"),                    // "whoami"
                String.valueOf(request.viewArgs())));              // {} here; {id=7} for /users/<int:id>
        // end::headers[]

        String text = app.testClient().request("GET", "/whoami").header("User-Agent", "curl/8")
                .header("Cookie", "theme=dark").send().text();

        assertEquals("curl/8 dark 127.0.0.1 whoami {}", text);
    }

    @Test
    void contentNegotiation() {
        App app = new App();
        // tag::accept[]
        app.get("/report", request -> switch (request.accept().bestMatch("text/html", "text/csv").orElse("none")) {
            case "text/csv" -> Response.bytes("id,title\n1,Hello\n".getBytes(StandardCharsets.UTF_8),
                    "text/csv; charset=utf-8");
            case "text/html" -> Response.html("<table><tr><td>1<td>Hello</table>");
            default -> throw HttpError.abort(406, "This report is HTML or CSV.");
        });
        // end::accept[]
        AppTestClient client = app.testClient();

        assertEquals("id,title\n1,Hello\n", client.request("GET", "/report").header("Accept", "text/csv").send().text());
        assertEquals(Optional.of("text/html; charset=utf-8"), client.get("/report").header("Content-Type"));
        assertEquals(Optional.of("text/html; charset=utf-8"), client.request("GET", "/report")
                .header("Accept", "text/*;q=0.5, text/html").send().header("Content-Type"));
        assertEquals(406, client.request("GET", "/report").header("Accept", "application/json").send().status());
    }
}
