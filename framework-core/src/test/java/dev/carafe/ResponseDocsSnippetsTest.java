package dev.carafe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.carafe.gateway.testing.TestClient;
import dev.carafe.gateway.testing.TestResponse;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The code of docs/request-response.md (Responses, Cookies, Redirects, Files), run. */
class ResponseDocsSnippetsTest {

    record Post(int id, String title) {
    }

    @TempDir
    Path dir;

    @Test
    void responses() {
        // tag::responses[]
        Response hello = Response.text("Hello, World!");                 // 200 text/plain; charset=utf-8
        Response page = Response.html("<h1>Posts</h1>");                 // 200 text/html; charset=utf-8
        Response created = Response.json(new Post(1, "Hello")).withStatus(201)
                .withHeader("Location", "/posts/1");
        Response csv = Response.bytes("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8), "text/csv; charset=utf-8")
                .withHeader("Cache-Control", "no-store");
        Response gone = Response.of(410);
        Response deleted = Response.noContent();                          // 204, no body
        // end::responses[]
        assertEquals("Hello, World!", TestClient.of(hello).get("/").text());
        assertEquals(Optional.of("text/html; charset=utf-8"), page.header("Content-Type"));
        TestResponse sent = TestClient.of(created).get("/");
        assertEquals(201, sent.status());
        assertEquals("{\"id\":1,\"title\":\"Hello\"}", sent.text());
        assertEquals(Optional.of("/posts/1"), sent.header("Location"));
        assertEquals("a,b\n1,2\n", TestClient.of(csv).get("/").text());
        assertEquals(410, gone.status());
        assertEquals(204, deleted.status());
    }

    @Test
    void withers() {
        // tag::withers[]
        Response base = Response.text("ok");
        Response tagged = base.withHeader("X-Trace", "abc")      // replaces any X-Trace
                .withAddedHeader("Vary", "Accept")                      // appends, keeps other Vary headers
                .withAddedHeader("Vary", "Cookie")
                .withoutHeader("X-Trace");
        // base is unchanged: a Response is immutable
        // end::withers[]
        assertEquals(List.of("Accept", "Cookie"), TestClient.of(tagged).get("/").headers("Vary"));
        assertEquals(1, base.headers().size());
    }

    @Test
    void streaming() throws Exception {
        Path log = Files.writeString(dir.resolve("app.log"), "line 1\nline 2\n");
        // tag::streaming[]
        InputStream in = Files.newInputStream(log);
        Response tail = Response.stream(in, "text/plain; charset=utf-8");   // closed once, when sent

        List<byte[]> parts = List.of("one,".getBytes(StandardCharsets.UTF_8), "two".getBytes(StandardCharsets.UTF_8));
        Response chunked = Response.chunks(parts, "text/plain; charset=utf-8");
        // end::streaming[]
        assertEquals("line 1\nline 2\n", TestClient.of(tail).get("/").text());
        assertEquals("one,two", TestClient.of(chunked).get("/").text());
        assertEquals("x", TestClient.of(Response.stream(new ByteArrayInputStream(new byte[] {'x'}), "text/plain"))
                .get("/").text());
    }

    @Test
    void serverSentEvents() {
        App app = new App();
        // tag::server-sent-events[]
        app.get("/clock", request -> Response.chunks(() -> Stream.iterate(1, n -> n + 1).limit(3)
                        .map(n -> {
                            if (n > 1) {
                                sleep(10);                   // a real source waits for its next event
                            }
                            return ("id: " + n + "\ndata: tick " + n + "\n\n").getBytes(StandardCharsets.UTF_8);
                        })
                        .iterator(), "text/event-stream")
                .withHeader("Cache-Control", "no-cache")
                .withHeader("X-Accel-Buffering", "no"));     // nginx: pass each event on at once
        // end::server-sent-events[]
        TestResponse events = app.testClient().get("/clock");
        assertEquals("text/event-stream", events.header("Content-Type").orElseThrow());
        assertEquals("id: 1\ndata: tick 1\n\nid: 2\ndata: tick 2\n\nid: 3\ndata: tick 3\n\n", events.text());
    }

    private static void sleep(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void cookies() {
        // tag::cookies[]
        Cookie theme = Cookie.of("theme", "dark")
                .withMaxAge(Duration.ofDays(30))
                .withHttpOnly(true)
                .withSameSite(Cookie.SameSite.LAX);
        Response saved = Response.text("saved").withCookie(theme);
        // Set-Cookie: theme=dark; Expires=<now + 30 days>; Max-Age=2592000; HttpOnly; Path=/; SameSite=Lax

        Response loggedOut = Response.redirect("/").withDeletedCookie("theme");
        // Set-Cookie: theme=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/
        // end::cookies[]
        String setCookie = saved.header("Set-Cookie").orElseThrow();
        assertEquals(true, setCookie.matches("theme=dark; Expires=\\w{3}, \\d\\d \\w{3} \\d{4} \\d\\d:\\d\\d:\\d\\d GMT;"
                + " Max-Age=2592000; HttpOnly; Path=/; SameSite=Lax"), setCookie);
        assertEquals(Optional.of("theme=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/"),
                loggedOut.header("Set-Cookie"));
    }

    @Test
    void redirects() {
        // tag::redirects[]
        Response toLogin = Response.redirect("/auth/login");             // 302 Found, Location: /auth/login
        Response afterPost = Response.seeOther("/posts/1");              // 303: the browser follows with GET
        Response moved = Response.movedPermanently("https://example.com/new");
        Response keepMethod = Response.redirect("/v2/upload", 307);      // 301, 302, 303, 307 or 308
        // end::redirects[]
        assertEquals(Optional.of("/auth/login"), TestClient.of(toLogin).get("/").header("Location"));
        assertEquals(303, afterPost.status());
        assertEquals(301, moved.status());
        assertEquals(307, keepMethod.status());
    }

    @Test
    void files() throws Exception {
        Path reports = Files.createDirectories(dir.resolve("reports"));
        Files.writeString(reports.resolve("q3.csv"), "quarter,total\n3,42\n");
        Path downloads = reports;
        // tag::files[]
        Response report = Response.sendFile(reports.resolve("q3.csv"), FileOptions.defaults()
                .withAttachment(true)
                .withDownloadName("Report Q3 – 2026.csv")
                .withMaxAge(Duration.ofHours(1)));

        App app = new App();
        app.get("/downloads/<path:name>", request ->
                Response.sendFromDirectory(downloads, (String) request.viewArgs().get("name")));
        // end::files[]
        TestResponse sent = TestClient.of(report).get("/");
        assertEquals("quarter,total\n3,42\n", sent.text());
        assertEquals(Optional.of("attachment; filename=\"Report Q3  2026.csv\"; filename*=UTF-8''Report%20Q3%20%E2%80%93%202026.csv"),
                sent.header("Content-Disposition"));
        assertEquals(Optional.of("public, max-age=3600"), sent.header("Cache-Control"));
        assertEquals(Optional.of("quarter,total\n3,42\n"),
                Optional.of(TestClient.of(Response.sendFromDirectory(downloads, "q3.csv")).get("/").text()));
    }
}
