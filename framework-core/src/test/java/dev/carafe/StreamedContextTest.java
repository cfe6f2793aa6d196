package dev.carafe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carafe.gateway.testing.TestResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A streamed body runs inside its request's contexts; the teardown functions run when it is closed. */
class StreamedContextTest {

    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private final List<Optional<Throwable>> errors = Collections.synchronizedList(new ArrayList<>());

    /** An App whose teardown functions log, as one closing a connection kept in g would. */
    private App app() {
        App app = new App();
        app.teardownRequest((request, error) -> {
            log.add("teardown request");
            errors.add(error);
        });
        app.teardownAppContext((context, error) -> {
            log.add("teardown (db closed)");
            errors.add(error);
        });
        return app;
    }

    private Stream<String> elements() {
        return IntStream.range(0, 3).mapToObj(i -> {
            log.add("element " + i);
            return i + "\n";
        });
    }

    @Test
    void theTeardownFunctionsRunAfterTheLastStreamedElement() {
        App app = app();
        app.get("/rows", request -> elements());

        TestResponse response = app.testClient().get("/rows");

        assertEquals("0\n1\n2\n", response.text());
        assertEquals(List.of("element 0", "element 1", "element 2", "teardown request", "teardown (db closed)"), log);
        assertEquals(List.of(Optional.empty(), Optional.empty()), errors);
    }

    @Test
    void theRequestContextSessionAndGAreAvailableWhileStreaming() {
        App app = app().secretKey("dev");
        app.post("/login", request -> {
            request.session().put("user", "ada");
            return "ok";
        });
        app.beforeRequest(request -> {
            request.g().put("db", "connection");
            return Optional.empty();
        });
        app.get("/rows", request -> IntStream.range(0, 2).mapToObj(i -> {
            RequestContext context = RequestContext.current();
            return context.request().path() + " " + context.session().get("user").orElse("-") + " "
                    + context.g().get("db") + " " + context.appContext().closed() + "\n";
        }));
        AppTestClient client = app.testClient();
        client.post("/login").send();

        assertEquals("/rows ada connection false\n/rows ada connection false\n", client.get("/rows").text());
        assertTrue(client.context().appContext().closed(), "the app context is closed once the body was closed");
    }

    @Test
    void afterRequestFunctionsRunBeforeTheBodyStreams() {
        App app = app();
        app.get("/rows", request -> elements());
        app.afterRequest((request, response) -> {
            log.add("after request");
            return response.withHeader("X-Seen", "yes");
        });

        TestResponse response = app.testClient().get("/rows");

        assertEquals("yes", response.header("X-Seen").orElseThrow());
        assertEquals(List.of("element 0", "after request", "element 1", "element 2", "teardown request",
                "teardown (db closed)"), log);   // the first element is produced when the handler returns
    }

    @Test
    void aHeadRequestTearsDownOnceWithoutStreaming() {
        App app = app();
        app.get("/rows", request -> elements());

        TestResponse response = app.testClient().request("HEAD", "/rows").send();

        assertEquals("", response.text());
        assertEquals(List.of("element 0", "teardown request", "teardown (db closed)"), log);
    }

    @Test
    void aStreamThatFailsMidwayTearsDownOnceWithItsException() {
        App app = app();
        IllegalStateException failure = new IllegalStateException("cursor lost");
        app.get("/rows", request -> IntStream.range(0, 3).mapToObj(i -> {
            if (i == 1) {
                throw failure;
            }
            log.add("element " + i);
            return i + "\n";
        }));

        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> app.testClient().get("/rows"));

        assertSame(failure, thrown);
        assertEquals(List.of("element 0", "teardown request", "teardown (db closed)"), log);
        assertEquals(List.of(Optional.of(failure), Optional.of(failure)), errors);
    }

    @Test
    void chunksAndInputStreamsReturnedAsResponsesAlsoStreamInTheContext() {
        App app = app();
        app.get("/chunks", request -> Response.chunks(() -> new Iterator<>() {
            private int left = 2;

            @Override
            public boolean hasNext() {
                return left > 0;
            }

            @Override
            public byte[] next() {
                left--;
                log.add("chunk in " + RequestContext.current().request().path());
                return "c".getBytes(StandardCharsets.UTF_8);
            }
        }, "text/plain"));

        assertEquals("cc", app.testClient().get("/chunks").text());
        assertEquals(List.of("chunk in /chunks", "chunk in /chunks", "teardown request", "teardown (db closed)"), log);
    }

    @Test
    void aStreamAnErrorHandlerReturnsTearsDownAfterItWithTheUnhandledException() {
        App app = app();
        IllegalArgumentException failure = new IllegalArgumentException("bad row");
        app.get("/rows", request -> {
            throw failure;
        });
        app.errorHandler(500, (request, error) -> Response.chunks(
                () -> Stream.of(("500 in " + RequestContext.current().request().path()).getBytes(StandardCharsets.UTF_8))
                        .iterator(), "text/plain").withStatus(500));

        TestResponse response = app.testClient().get("/rows");

        assertEquals(500, response.status());
        assertEquals("500 in /rows", response.text());
        assertEquals(List.of("teardown request", "teardown (db closed)"), log);
        assertEquals(List.of(Optional.of(failure), Optional.of(failure)), errors);
    }

    @Test
    void aResponseKnownWhenTheHandlerReturnsIsTornDownBeforeCallReturns() throws Exception {
        App app = app();
        app.get("/text", request -> "whole");

        Iterable<byte[]> body = app.call(TestEnviron.build(app.config(), "/text", Map.of()), (status, headers, excInfo) -> chunk -> {
        });

        assertEquals(List.of("teardown request", "teardown (db closed)"), log);
        assertFalse(body instanceof AutoCloseable, "nothing is left to close");
    }

    @Test
    void aStreamedBodyIteratedOnAnotherThreadStillRunsInItsContextAndTearsDownOnlyWhenClosed() throws Exception {
        App app = app();
        app.get("/rows", request -> IntStream.range(0, 2)
                .mapToObj(i -> RequestContext.current().request().path() + " " + i + "\n"));

        Iterable<byte[]> body = app.call(TestEnviron.build(app.config(), "/rows", Map.of()), (status, headers, excInfo) -> chunk -> {
        });
        assertEquals(List.of(), log);

        String sent = CompletableFuture.supplyAsync(() -> {
            StringBuilder text = new StringBuilder();
            body.forEach(chunk -> text.append(new String(chunk, StandardCharsets.UTF_8)));
            return text.toString();
        }).get();
        assertEquals("/rows 0\n/rows 1\n", sent);
        assertEquals(List.of(), log);
        assertThrows(IllegalStateException.class, RequestContext::current, "the context is not left bound");

        ((AutoCloseable) body).close();
        ((AutoCloseable) body).close();
        assertEquals(List.of("teardown request", "teardown (db closed)"), log);
    }

    @Test
    void runGivesAnotherThreadTheRequestsContextForTheTimeOfTheAction() {
        App app = app();
        app.get("/work", request -> {
            RequestContext context = request.context();
            List<String> seen = new ArrayList<>();
            Thread worker = new Thread(() -> {
                context.run(() -> seen.add(RequestContext.current().request().path()));
                seen.add("after run: " + RequestContext.find().isPresent());
            });
            worker.start();
            worker.join();
            return String.join(", ", seen);
        });

        assertEquals("/work, after run: false", app.testClient().get("/work").text());
    }
}
