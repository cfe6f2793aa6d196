package dev.carafe.gateway.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carafe.gateway.Environ;
import dev.carafe.gateway.Header;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Expect: 100-continue is answered once, on the application's first read, for HTTP/1.1 only. */
class ExpectContinueTest {

    private static final String CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n";

    private final ServerTestSupport support = new ServerTestSupport();

    @AfterEach
    void stopServers() {
        support.close();
    }

    private GatewayServer reader() throws IOException {
        return support.start((environ, startResponse) -> {
            InputStream input = (InputStream) environ.get(Environ.GATEWAY_INPUT);
            byte[] first = input.readNBytes(2);
            byte[] rest = input.readAllBytes();
            startResponse.start("200 OK", List.of(new Header("Content-Type", "text/plain")));
            return List.of(first, rest);
        });
    }

    @Test
    void continueIsSentOnceWhenTheApplicationReads() throws IOException {
        GatewayServer server = reader();
        try (RawClient client = new RawClient(server.port())) {
            client.send("PUT / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n");
            assertEquals(CONTINUE, client.readUntil("\r\n\r\n"));
            client.send("hello");
            String response = client.readResponse();
            assertTrue(response.startsWith("HTTP/1.1 200 OK"), response);
            assertTrue(response.endsWith("hello"), response);
            assertFalse(response.contains("100 Continue"), response);
        }
    }

    @Test
    void continueIsNotSentWhenTheApplicationAnswersWithoutReading() throws IOException {
        GatewayServer server = support.start(ServerTestSupport.text("no thanks"));
        try (RawClient client = new RawClient(server.port())) {
            String response = client.send("PUT / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n"
                    + "Expect: 100-continue\r\n\r\n").readAll();
            assertTrue(response.startsWith("HTTP/1.1 200 OK"), response);
            assertFalse(response.contains("100 Continue"), response);
            assertTrue(response.contains("\r\nConnection: close\r\n"), response);
        }
    }

    @Test
    void continueIsIgnoredForHttp10() throws IOException {
        GatewayServer server = reader();
        try (RawClient client = new RawClient(server.port())) {
            String response = client.send("PUT / HTTP/1.0\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\nhello")
                    .readAll();
            assertTrue(response.startsWith("HTTP/1.1 200 OK"), response);
            assertFalse(response.contains("100 Continue"), response);
            assertTrue(response.endsWith("hello"), response);
        }
    }

    @Test
    void otherExpectationsAreAnswered417() throws IOException {
        GatewayServer server = reader();
        try (RawClient client = new RawClient(server.port())) {
            String response = client.send("PUT / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: 200-ok\r\n\r\n")
                    .readAll();
            assertTrue(response.startsWith("HTTP/1.1 417 Expectation Failed"), response);
            assertTrue(new String(response.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8)
                    .contains("Connection: close"), response);
        }
    }
}
