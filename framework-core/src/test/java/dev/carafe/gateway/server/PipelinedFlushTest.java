package dev.carafe.gateway.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carafe.gateway.Application;
import dev.carafe.gateway.BodyWriter;
import dev.carafe.gateway.Environ;
import dev.carafe.gateway.Header;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * When responses are flushed: a response completed while a pipelined request is buffered may wait
 * for the next one, but never behind a read, and streamed bytes still go out at once.
 */
class PipelinedFlushTest {

    private static final int READ_MILLIS = 500;

    private final ServerTestSupport support = new ServerTestSupport();
    private final CountDownLatch clientRead = new CountDownLatch(1);

    /** Answers with the request's path. */
    private final Application echoPath = (environ, startResponse) -> {
        startResponse.start("200 OK", List.of(new Header("Content-Type", "text/plain")));
        return List.of(((String) environ.get(Environ.PATH_INFO)).getBytes(StandardCharsets.ISO_8859_1));
    };

    @AfterEach
    void stopServers() {
        clientRead.countDown();
        support.close();
    }

    @Test
    void pipelinedResponseIsSentWhileTheNextHeadIsStillIncomplete() throws IOException {
        GatewayServer server = support.start(echoPath);
        try (RawClient client = new RawClient(server.port())) {
            client.timeout(READ_MILLIS);
            String first = client.send("GET /one HTTP/1.1\r\nHost: x\r\n\r\nGET /two HTTP/1.1\r\nHo").readResponse();
            assertTrue(first.startsWith("HTTP/1.1 200 OK") && first.endsWith("/one"), first);
            String second = client.send("st: x\r\n\r\n").readResponse();
            assertTrue(second.startsWith("HTTP/1.1 200 OK") && second.endsWith("/two"), second);
        }
    }

    @Test
    void pipelinedResponsesAreSentTogetherAndInOrder() throws IOException {
        GatewayServer server = support.start(echoPath);
        try (RawClient client = new RawClient(server.port())) {
            client.timeout(READ_MILLIS);
            client.send("GET /1 HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "GET /2 HTTP/1.1\r\nHost: x\r\n\r\nGET /3 HTTP/1.1\r\nHost: x\r\n\r\n");
            for (String path : List.of("/1", "/2", "/3")) {
                String response = client.readResponse();
                assertTrue(response.endsWith(path), response);
            }
        }
    }

    @Test
    void chunkShortOfTheDeclaredLengthIsSentBeforeTheNextOneIsProduced() throws IOException {
        Application halves = (environ, startResponse) -> {
            startResponse.start("200 OK", List.of(new Header("Content-Length", "4")));
            return () -> new Iterator<>() {
                private int next;

                @Override
                public boolean hasNext() {
                    return next < 2;
                }

                @Override
                public byte[] next() {
                    if (next++ == 1) {
                        awaitClient();
                        return "cd".getBytes(StandardCharsets.US_ASCII);
                    }
                    return "ab".getBytes(StandardCharsets.US_ASCII);
                }
            };
        };
        GatewayServer server = support.start(halves);
        try (RawClient client = new RawClient(server.port())) {
            client.timeout(READ_MILLIS);
            client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
            String head = client.readUntil("\r\n\r\nab");
            clientRead.countDown();
            assertTrue(head.startsWith("HTTP/1.1 200 OK"), head);
            assertEquals("cd", client.readUntil("cd"));
        }
    }

    @Test
    void writeCompletingTheDeclaredLengthIsSentBeforeTheApplicationReturns() throws IOException {
        Application writer = (environ, startResponse) -> {
            BodyWriter write = startResponse.start("200 OK", List.of(new Header("Content-Length", "2")));
            write.write("ok".getBytes(StandardCharsets.US_ASCII));
            awaitClient();
            return List.of();
        };
        GatewayServer server = support.start(writer);
        try (RawClient client = new RawClient(server.port())) {
            client.timeout(READ_MILLIS);
            String response = client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
            clientRead.countDown();
            assertTrue(response.startsWith("HTTP/1.1 200 OK") && response.endsWith("\r\n\r\nok"), response);
        }
    }

    private void awaitClient() {
        try {
            if (!clientRead.await(2, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the client did not read the first bytes within 2 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
