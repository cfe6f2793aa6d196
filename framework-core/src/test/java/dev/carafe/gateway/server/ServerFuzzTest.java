package dev.carafe.gateway.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carafe.gateway.Application;
import dev.carafe.gateway.Environ;
import dev.carafe.gateway.Header;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Throws hundreds of mutated requests at a running server, each on a fresh connection, and checks
 * what must hold for any input (see {@link FuzzInvariants}); after every batch a well-formed
 * request still gets 200, and at the end no connection is left open. The cases come from a fixed
 * seed: a failure names the seed and the case index, and prints the bytes to replay.
 */
class ServerFuzzTest {

    /** The run's seed; {@code -Dcarafe.fuzz.seed=N} replays another run (a failure message names its seed). */
    private static final long SEED = Long.getLong("carafe.fuzz.seed", 20_240_917L);
    private static final int CASES = 500;
    private static final int CHUNKED_CASES = 200;
    private static final int BATCH = 50;
    /** Clients at once: cases left open wait for a server timeout, so they run side by side. */
    private static final int CLIENTS = 12;
    private static final Duration TIMEOUT = Duration.ofMillis(300);
    /** A request may wait for three timeouts in a row (keep-alive, head, body); the rest is margin for a busy machine. */
    private static final long CLOSE_WITHIN_MILLIS = 3000;

    private final ServerTestSupport support = new ServerTestSupport();
    private final ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    private final FuzzInvariants invariants = new FuzzInvariants(CLOSE_WITHIN_MILLIS);
    private GatewayServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = support.start(echo(), ServerTestSupport.settings().headerTimeout(TIMEOUT).keepAliveTimeout(TIMEOUT)
                .bodyTimeout(TIMEOUT).maxBodyBytes(1 << 20).build());
    }

    @AfterEach
    void stopServer() {
        clients.shutdownNow();
        support.close();
    }

    /** Reads the whole body and answers what it saw: method, raw target, the X-Fuzz field, body length and CRC. */
    private static Application echo() {
        return (environ, startResponse) -> {
            byte[] body = ((InputStream) environ.get(Environ.GATEWAY_INPUT)).readAllBytes();
            String method = (String) environ.get(Environ.REQUEST_METHOD);
            String text = FuzzInvariants.echo(method, (String) environ.get(Environ.REQUEST_URI),
                    (String) environ.getOrDefault("HTTP_X_FUZZ", "-"), body);
            startResponse.start("200 OK", List.of(new Header("Content-Type", "text/plain; charset=iso-8859-1"),
                    new Header("X-Echo-Method", method)));
            return List.of(text.getBytes(StandardCharsets.ISO_8859_1));
        };
    }

    @Test
    void mutatedRequestsAreAnsweredOrRefusedCleanlyAndTheServerKeepsServing() throws Exception {
        List<FuzzCase> cases = new FuzzMutator(SEED).cases(CASES);
        Map<String, Integer> outcomes = new ConcurrentSkipListMap<>();
        for (int from = 0; from < cases.size(); from += BATCH) {
            run(cases.subList(from, Math.min(cases.size(), from + BATCH)), request -> {
                List<FuzzResponses.Response> finals = exchange(request);
                outcomes.merge(finals.stream().map(r -> Integer.toString(r.status()))
                        .collect(Collectors.joining(",", "[", "]")), 1, Integer::sum);
                if (!request.mutated()) {
                    int requests = FuzzMutator.SEEDS.get(request.index()).requests();
                    assertEquals(requests, finals.stream().filter(r -> r.status() == 200).count(),
                            () -> "every request of an unmutated seed gets 200: " + request.describe());
                }
            });
            assertStillServes();
        }
        assertEveryConnectionCloses();
        // The mutants reach past the first check: some are still served, others refused or timed out.
        for (String outcome : List.of("[200]", "[400]", "[408]", "[]")) {
            assertTrue(outcomes.containsKey(outcome), () -> "no case answered " + outcome + ": " + outcomes);
        }
    }

    @Test
    void chunkedBodiesAreDecodedExactlyOrRefusedWithTheirStatus() throws Exception {
        List<FuzzChunks.Chunked> cases = new FuzzChunks(SEED).cases(CHUNKED_CASES);
        for (int from = 0; from < cases.size(); from += BATCH) {
            List<FuzzCase> batch = cases.subList(from, Math.min(cases.size(), from + BATCH)).stream()
                    .map(FuzzChunks.Chunked::request).toList();
            run(batch, request -> {
                FuzzChunks.Chunked expected = cases.get(request.index());
                List<FuzzResponses.Response> finals = exchange(request);
                String what = request.describe();
                assertEquals(1, finals.size(), () -> "one response for " + what);
                assertEquals(expected.status(), finals.get(0).status(), () -> finals.get(0).text() + what);
                if (expected.body() != null) {
                    assertEquals(FuzzInvariants.echo("POST", "/chunks", "-", expected.body()), finals.get(0).text(), what);
                }
            });
            assertStillServes();
        }
        assertEveryConnectionCloses();
    }

    /** Found by the chunked fuzz: the running total plus a huge size overflowed, and the cap was skipped. */
    @Test
    void chunkSizeOverflowingTheRunningTotalIsAnswered413() throws IOException {
        try (RawClient client = new RawClient(server.port())) {
            String response = client.send("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "1\r\na\r\n7fffffffffffffff\r\nabc").readAll();
            assertTrue(response.startsWith("HTTP/1.1 413 Content Too Large\r\n"), response);
            assertTrue(response.endsWith("\nThe request body is larger than 1048576 bytes.\n"), response);
        }
    }

    private List<FuzzResponses.Response> exchange(FuzzCase request) throws IOException {
        return invariants.check(request, FuzzExchange.send(server.port(), request));
    }

    /** A check of one case that may fail with an assertion or an I/O error. */
    private interface CaseCheck {
        void check(FuzzCase request) throws IOException;
    }

    /** Runs the cases side by side and fails with every failure of the batch, in case order. */
    private void run(List<FuzzCase> batch, CaseCheck check) throws InterruptedException {
        List<Future<String>> results = new ArrayList<>();
        for (FuzzCase request : batch) {
            results.add(clients.submit(() -> {
                try {
                    check.check(request);
                    return null;
                } catch (AssertionError | IOException e) {
                    return e + (e instanceof IOException ? "\n  request: " + request.describe() : "");
                }
            }));
        }
        List<String> failures = new ArrayList<>();
        for (Future<String> result : results) {
            try {
                failures.add(result.get(2 * CLOSE_WITHIN_MILLIS, TimeUnit.MILLISECONDS));
            } catch (ExecutionException | TimeoutException e) {
                failures.add("a case did not finish: " + e);
            }
        }
        failures.removeIf(Objects::isNull);
        assertTrue(failures.isEmpty(), () -> failures.size() + " of " + batch.size() + " cases failed:\n"
                + String.join("\n\n", failures));
    }

    private void assertStillServes() throws IOException {
        FuzzCase probe = new FuzzCase(SEED, -1, "probe", "", FuzzCase.bytes(
                "GET /probe HTTP/1.1\r\nHost: example.test\r\nConnection: close\r\n\r\n"), false);
        List<FuzzResponses.Response> finals = exchange(probe);
        assertEquals(List.of(200), finals.stream().map(FuzzResponses.Response::status).toList(), probe.describe());
    }

    /** Once every client closed its side, the server's count of open connections falls back to zero. */
    private void assertEveryConnectionCloses() throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (server.openConnections() > 0 && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        assertEquals(0, server.openConnections(), "connections still open after every client closed");
    }
}
