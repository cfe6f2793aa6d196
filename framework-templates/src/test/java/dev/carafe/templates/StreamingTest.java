package dev.carafe.templates;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carafe.App;
import dev.carafe.AppTestClient;
import dev.carafe.Flash;
import dev.carafe.RequestContext;
import dev.carafe.Response;
import dev.carafe.gateway.testing.TestResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** stream(): a body that renders as it is sent, in chunks, and stops when the body is closed. */
class StreamingTest {

    private static final String LINES = IntStream.rangeClosed(1, 5000).mapToObj(i -> "line " + i + "\n")
            .collect(Collectors.joining());

    /** Sends a Response as a server would and returns its body's chunks, without closing it. */
    private static Iterable<byte[]> body(Response response, String method) throws Exception {
        Map<String, Object> environ = new HashMap<>();
        environ.put("REQUEST_METHOD", method);
        return response.call(environ, (status, headers, excInfo) -> chunk -> {
            throw new AssertionError("the body is returned, not written");
        });
    }

    /** Templates whose {@code mark()} function records the thread the template renders on. */
    private static Templates markingRenderer(App app, AtomicReference<Thread> renderer) {
        return Templates.builder(app)
                .function("mark", arguments -> {
                    renderer.set(Thread.currentThread());
                    return "";
                })
                .build();
    }

    private static Response streamedInARequest(App app, Templates templates, String name, Map<String, ?> model) {
        AtomicReference<Response> response = new AtomicReference<>();
        app.testRequestContext("/", context -> response.set(templates.stream(name, model)));
        return response.get();
    }

    @Test
    void aLargeTemplateIsSentInChunksOfAboutEightKilobytes() throws Exception {
        App app = new App();
        Templates templates = Templates.create(app);

        List<byte[]> chunks = new ArrayList<>();
        Iterable<byte[]> body = body(streamedInARequest(app, templates, "lines.txt", Map.of("n", 5000)), "GET");
        body.forEach(chunks::add);
        ((AutoCloseable) body).close();

        assertTrue(chunks.size() > 5, "chunks: " + chunks.size());
        assertEquals(8192, chunks.get(0).length);
        assertEquals(LINES, chunks.stream().map(c -> new String(c, StandardCharsets.UTF_8)).collect(Collectors.joining()));
    }

    @Test
    void throughTheAppTheStreamedPageIsTheRenderedPage() {
        App app = new App();
        Templates templates = Templates.create(app);
        app.get("/lines", request -> templates.stream("lines.txt", Map.of("n", 5000)));

        TestResponse page = app.testClient().get("/lines");

        assertEquals(LINES, page.text());
        assertEquals(Optional.of("text/plain; charset=utf-8"), page.header("Content-Type"));
        assertEquals(Optional.empty(), page.header("Content-Length"));
    }

    @Test
    void theFirstChunkIsSentBeforeTheTemplateHasFinished() throws Exception {
        CountDownLatch firstChunkSeen = new CountDownLatch(1);
        App app = new App();
        Templates templates = Templates.builder(app)
                .function("await_client", arguments -> {
                    if (!firstChunkSeen.await(500, TimeUnit.MILLISECONDS)) {
                        throw new IllegalStateException("the first chunk was not sent before the end of the template");
                    }
                    return "";
                })
                .build();
        app.get("/", request -> "unused");
        Response response = streamedInARequest(app, templates, "flushed.html", Map.of());

        Iterator<byte[]> chunks = body(response, "GET").iterator();
        String first = new String(chunks.next(), StandardCharsets.UTF_8);
        firstChunkSeen.countDown();
        String rest = new String(chunks.next(), StandardCharsets.UTF_8);

        assertEquals("<head><link rel=\"stylesheet\" href=\"/static/style.css\"></head>", first);
        assertEquals("\n<body>done</body>\n", rest);
        assertFalse(chunks.hasNext());
    }

    @Test
    void closingTheBodyStopsTheRender() throws Exception {
        AtomicReference<Thread> renderer = new AtomicReference<>();
        App app = new App();
        Templates templates = markingRenderer(app, renderer);
        Response response = streamedInARequest(app, templates, "endless.txt", Map.of());

        Iterable<byte[]> body = body(response, "GET");
        body.iterator().next();
        ((AutoCloseable) body).close();
        renderer.get().join(500);

        assertFalse(renderer.get().isAlive(), "the render thread still runs after the body was closed");
    }

    @Test
    void aHeadRequestNeverStartsTheRender() throws Exception {
        AtomicReference<Thread> renderer = new AtomicReference<>();
        App app = new App();
        Templates templates = markingRenderer(app, renderer);

        Iterable<byte[]> body = body(streamedInARequest(app, templates, "endless.txt", Map.of()), "HEAD");

        assertFalse(body.iterator().hasNext());
        assertNull(renderer.get());
    }

    @Test
    void aMissingTemplateFailsBeforeTheResponseStarts() {
        Templates templates = Templates.create(new App());

        TemplateException e = assertThrows(TemplateException.class, () -> templates.stream("nope.html", Map.of()));

        assertEquals("nope.html", e.template());
    }

    @Test
    void anErrorWhileRenderingSurfacesFromTheBodyAfterTheChunksBeforeIt() throws Exception {
        App app = new App();
        Templates templates = Templates.builder(app).strict(true).build();
        Response response = streamedInARequest(app, templates, "strict.html", Map.of("title", "T"));

        Iterator<byte[]> chunks = body(response, "GET").iterator();
        TemplateException e = assertThrows(TemplateException.class, chunks::hasNext);

        assertEquals("strict.html", e.template());
        assertEquals(3, e.line().getAsInt());
        assertFalse(chunks.hasNext());
    }

    @Test
    void aStreamedPageShowsTheFlashedMessagesOnceAndTheSessionForgetsThem() {
        App app = new App().secretKey("dev");
        Templates templates = Templates.create(app);
        app.post("/create", request -> {
            Flash.flash(request, "Post created.");
            return Response.redirect("/");
        });
        app.get("/", request -> templates.stream("flashes.html", Map.of()));
        AppTestClient client = app.testClient();

        client.post("/create").send();

        assertTrue(client.get("/").text().startsWith("[Post created.]"));
        assertEquals("\n\n\n", client.get("/").text());
    }

    @Test
    void aStreamedBodyCanBeSentOnce() throws Exception {
        App app = new App();
        Templates templates = Templates.create(app);
        Iterable<byte[]> body = body(streamedInARequest(app, templates, "lines.txt", Map.of("n", 1)), "GET");
        body.iterator();

        IllegalStateException e = assertThrows(IllegalStateException.class, body::iterator);

        assertEquals("A streamed template can be sent once; call templates.stream(...) for each response.",
                e.getMessage());
        ((AutoCloseable) body).close();
    }

    @Test
    void multiByteCharactersAreNeverSplitBetweenChunks() throws Exception {
        App app = new App();
        Templates templates = Templates.create(app);
        String text = "é😀".repeat(6000);

        List<byte[]> chunks = new ArrayList<>();
        Iterable<byte[]> body = body(streamedInARequest(app, templates, "page.txt", Map.of("text", text)), "GET");
        body.forEach(chunks::add);
        ((AutoCloseable) body).close();

        StringBuilder decoded = new StringBuilder();
        for (byte[] chunk : chunks) {
            String part = new String(chunk, StandardCharsets.UTF_8);
            assertArrayEquals(chunk, part.getBytes(StandardCharsets.UTF_8), "a chunk ends inside a character");
            decoded.append(part);
        }
        assertEquals(text + "\n", decoded.toString());
    }

    @Test
    void aStreamedTemplateRendersInTheRequestContextAndTheTeardownRunsAfterTheRender() {
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        App app = new App();
        Templates templates = Templates.builder(app)
                .function("mark", arguments -> {
                    log.add("render " + RequestContext.current().request().path() + " "
                            + RequestContext.current().g().get("db"));
                    return "";
                })
                .build();
        app.beforeRequest(request -> {
            request.g().put("db", "connection");
            return Optional.empty();
        });
        app.teardownAppContext((context, error) -> log.add("teardown"));
        app.get("/marked", request -> templates.stream("marked.txt", Map.of()));

        assertEquals("done\n", app.testClient().get("/marked").text());
        assertEquals(List.of("render /marked connection", "teardown"), log);
    }

    @Test
    void closingAStreamedTemplateEarlyTearsDownOnlyAfterTheRenderStopped() throws Exception {
        AtomicReference<Thread> renderer = new AtomicReference<>();
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        App app = new App();
        Templates templates = markingRenderer(app, renderer);
        app.teardownAppContext((context, error) -> log.add("teardown, render alive: " + renderer.get().isAlive()));
        app.get("/endless", request -> templates.stream("endless.txt", Map.of()));
        Map<String, Object> environ = new HashMap<>(app.testClient().request("HEAD", "/endless").send().environ());
        environ.put("REQUEST_METHOD", "GET");
        log.clear();

        Iterable<byte[]> body = app.call(environ, (status, headers, excInfo) -> chunk -> {
        });
        body.iterator().next();
        ((AutoCloseable) body).close();

        assertEquals(List.of("teardown, render alive: false"), log);
    }
}
