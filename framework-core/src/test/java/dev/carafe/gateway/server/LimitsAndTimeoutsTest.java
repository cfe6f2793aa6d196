package dev.carafe.gateway.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carafe.gateway.Environ;
import dev.carafe.gateway.Header;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each limit answers its status with Connection: close; each timeout closes; the server keeps serving. */
class LimitsAndTimeoutsTest {

    private final ServerTestSupport support = new ServerTestSupport();

    @AfterEach
    void stopServers() {
        support.close();
    }

    private GatewayServer start(ServerSettings settings) throws IOException {
        return support.start((environ, startResponse) -> {
            byte[] body = ((InputStream) environ.get(Environ.GATEWAY_INPUT)).readAllBytes();
            startResponse.start("200 OK", List.of(new Header("Content-Type", "text/plain")));
            return List.of(("read " + body.length).getBytes(StandardCharsets.UTF_8));
        }, settings);
    }

    private static String exchange(GatewayServer server, String request) throws IOException {
        try (RawClient client = new RawClient(server.port())) {
            return client.send(request).readAll();
        }
    }

    private static void assertAnswered(String response, String statusLine, String detail) {
        assertTrue(response.startsWith("HTTP/1.1 " + statusLine + "\r\n"), response);
        assertTrue(response.contains("\r\nConnection: close\r\n"), response);
        assertTrue(response.contains("\r\nContent-Type: text/plain; charset=utf-8\r\n"), response);
        assertTrue(response.endsWith(statusLine + "\n" + detail + "\n"), response);
    }

    private static void assertStillServes(GatewayServer server) throws IOException {
        String ok = exchange(server, "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertTrue(ok.startsWith("HTTP/1.1 200 OK"), ok);
    }

    @Test
    void longRequestLineIsAnswered414() throws IOException {
        GatewayServer server = start(ServerTestSupport.settings().maxRequestLineBytes(64).build());
        assertAnswered(exchange(server, "GET /" + "a".repeat(60) + " HTTP/1.1\r\nHost: x\r\n\r\n"),
                "414 URI Too Long", "The request line is longer than 64 bytes.");
        assertStillServes(server);
    }

    @Test
    void tooManyHeaderFieldsAreAnswered431() throws IOException {
        GatewayServer server = start(ServerTestSupport.settings().maxHeaderCount(3).build());
        assertAnswered(exchange(server, "GET / HTTP/1.1\r\nHost: x\r\nA: 1\r\nB: 2\r\nC: 3\r\n\r\n"),
                "431 Request Header Fields Too Large", "The request has more than 3 header fields.");
        assertStillServes(server);
    }

    @Test
    void longHeaderFieldIsAnswered431() throws IOException {
        GatewayServer server = start(ServerTestSupport.settings().maxHeaderFieldBytes(32).build());
        assertAnswered(exchange(server, "GET / HTTP/1.1\r\nHost: x\r\nX-Long: " + "v".repeat(40) + "\r\n\r\n"),
                "431 Request Header Fields Too Large", "The header field is longer than 32 bytes.");
        assertStillServes(server);
    }

    @Test
    void largeHeadIsAnswered431() throws IOException {
        GatewayServer server = start(ServerTestSupport.settings().maxHeaderBytes(100).build());
        assertAnswered(exchange(server, "GET / HTTP/1.1\r\nHost: x\r\nA: " + "1".repeat(40) + "\r\nB: "
                + "2".repeat(40) + "\r\n\r\n"), "431 Request Header Fields Too Large",
                "The request head is larger than 100 bytes.");
        assertStillServes(server);
    }

    @Test
    void largeContentLengthIsAnswered413BeforeTheApplicationRuns() throws IOException {
        GatewayServer server = start(ServerTestSupport.settings().maxBodyBytes(10).build());
        assertAnswered(exchange(server, "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\n"),
                "413 Content Too Large", "The request body is larger than 10 bytes.");
        assertAnswered(exchange(server, "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999999\r\n\r\n"),
                "413 Content Too Large", "The request body is larger than 10 bytes.");
        assertStillServes(server);
    }

    @Test
    void largeChunkedBodyIsAnswered413WhileDecoding() throws IOException {
        GatewayServer server = start(ServerTestSupport.settings().maxBodyBytes(10).build());
        assertAnswered(exchange(server, "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "8\r\n12345678\r\n8\r\n12345678\r\n0\r\n\r\n"),
                "413 Content Too Large", "The request body is larger than 10 bytes.");
        assertStillServes(server);
    }

    @Test
    void slowlorisIsCutAtTheHeadDeadline() throws Exception {
        GatewayServer server = start(ServerTestSupport.settings().headerTimeout(Duration.ofMillis(300)).build());
        try (RawClient client = new RawClient(server.port())) {
            String head = "GET / HTTP/1.1\r\nHost: x\r\nX-Slow: " + "a".repeat(100);
            for (int i = 0; i < head.length(); i++) {
                try {
                    client.send(head.substring(i, i + 1));
                } catch (IOException closed) {
                    break;
                }
                Thread.sleep(20);
                if (client.socket().getInputStream().available() > 0) {
                    break;
                }
            }
            String response = client.readAll();
            assertAnswered(response, "408 Request Timeout", "The request head did not arrive within 300 ms.");
        }
        assertStillServes(server);
    }

    @Test
    void silentNewConnectionIsClosedWithoutAnswerAtTheHeadDeadline() throws IOException {
        GatewayServer server = start(ServerTestSupport.settings().headerTimeout(Duration.ofMillis(200)).build());
        try (RawClient client = new RawClient(server.port())) {
            assertEquals("", client.readAll());
        }
    }

    @Test
    void idleKeepAliveConnectionIsClosedSilently() throws IOException {
        GatewayServer server = start(ServerTestSupport.settings().keepAliveTimeout(Duration.ofMillis(200)).build());
        try (RawClient client = new RawClient(server.port())) {
            String first = client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
            assertTrue(first.startsWith("HTTP/1.1 200 OK"), first);
            assertEquals("", client.readAll());
        }
    }

    @Test
    void stalledBodyIsAnswered408AfterTheBodyTimeout() throws IOException {
        GatewayServer server = start(ServerTestSupport.settings().bodyTimeout(Duration.ofMillis(200)).build());
        try (RawClient client = new RawClient(server.port())) {
            String response = client.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc").readAll();
            assertAnswered(response, "408 Request Timeout", "The client stopped sending the request body.");
        }
        assertStillServes(server);
    }
}
