package dev.carafe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carafe.gateway.server.GatewayServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Through a real gateway server: a streamed body runs in its request's contexts, torn down when the server closes it. */
class StreamedContextOverSocketTest {

    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private final List<Optional<Throwable>> errors = Collections.synchronizedList(new ArrayList<>());
    private volatile CountDownLatch tornDown = new CountDownLatch(1);
    private GatewayServer server;

    @BeforeEach
    void start() throws IOException {
        App app = new App();
        app.beforeRequest(request -> {
            request.g().put("db", "connection");
            return Optional.empty();
        });
        app.get("/rows", request -> IntStream.range(0, 3).mapToObj(i -> {
            log.add("element " + i + " " + RequestContext.current().g().get("db"));
            return i + "\n";
        }));
        app.get("/broken", request -> IntStream.range(0, 3).mapToObj(i -> {
            if (i == 1) {
                throw new IllegalStateException("cursor lost");
            }
            log.add("element " + i);
            return i + "\n";
        }));
        app.teardownAppContext((context, error) -> {
            log.add("teardown");
            errors.add(error);
            tornDown.countDown();
        });
        server = app.start("127.0.0.1", 0);
        log.clear();                       // starting ran the App's onStart functions in an app context
        errors.clear();
        tornDown = new CountDownLatch(1);
    }

    @AfterEach
    void stop() {
        server.stop(Duration.ofMillis(200));
    }

    /** Sends one request with {@code Connection: close} and reads the whole answer. */
    private String exchange(String method, String path) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(500);
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private void awaitTeardown() throws InterruptedException {
        assertTrue(tornDown.await(500, TimeUnit.MILLISECONDS), "the teardown functions ran; log: " + log);
    }

    @Test
    void theElementsAreSentInTheContextAndTheTeardownRunsAfterTheLast() throws Exception {
        String answer = exchange("GET", "/rows");
        awaitTeardown();

        assertTrue(answer.startsWith("HTTP/1.1 200 OK\r\n"), answer);
        assertTrue(answer.endsWith("2\r\n0\n\r\n2\r\n1\n\r\n2\r\n2\n\r\n0\r\n\r\n"), answer);
        assertEquals(List.of("element 0 connection", "element 1 connection", "element 2 connection", "teardown"), log);
        assertEquals(List.of(Optional.empty()), errors);
    }

    @Test
    void aHeadRequestTearsDownOnce() throws Exception {
        String answer = exchange("HEAD", "/rows");
        awaitTeardown();

        assertTrue(answer.startsWith("HTTP/1.1 200 OK\r\n") && answer.endsWith("\r\n\r\n"), answer);
        assertEquals(List.of("element 0 connection", "teardown"), log);
    }

    @Test
    void aStreamThatFailsMidwayEndsTheResponseAndTearsDownOnceWithTheError() throws Exception {
        String answer = exchange("GET", "/broken");
        awaitTeardown();

        assertTrue(answer.startsWith("HTTP/1.1 200 OK\r\n"), answer);
        assertFalse(answer.endsWith("0\r\n\r\n"), "the chunked body is cut short, not ended: " + answer);
        assertEquals(List.of("element 0", "teardown"), log);
        assertEquals("cursor lost", errors.get(0).orElseThrow().getMessage());
        assertEquals(1, errors.size());
    }
}
