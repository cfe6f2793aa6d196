package dev.carafe.gateway.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carafe.gateway.Application;
import dev.carafe.gateway.Environ;
import dev.carafe.gateway.Header;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Keep-alive for HTTP/1.1 and 1.0, Connection: close both ways, pipelining in order. */
class PersistentConnectionTest {

    private final ServerTestSupport support = new ServerTestSupport();

    /** Answers with the request's path and query. */
    private final Application echoPath = (environ, startResponse) -> {
        startResponse.start("200 OK", List.of(new Header("Content-Type", "text/plain")));
        String text = environ.get(Environ.PATH_INFO) + "?" + environ.get(Environ.QUERY_STRING);
        return List.of(text.getBytes(StandardCharsets.ISO_8859_1));
    };

    /** Answers through a generator-like body whose length the server cannot know in advance. */
    private final Application streaming = (environ, startResponse) -> {
        startResponse.start("200 OK", List.of());
        return () -> List.of("ab".getBytes(StandardCharsets.US_ASCII), "cde".getBytes(StandardCharsets.US_ASCII))
                .iterator();
    };

    @AfterEach
    void stopServers() {
        support.close();
    }

    @Test
    void http11ConnectionServesSeveralRequests() throws IOException {
        GatewayServer server = support.start(echoPath);
        try (RawClient client = new RawClient(server.port())) {
            String first = client.send("GET /a HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
            assertTrue(first.endsWith("/a?"), first);
            assertFalse(first.contains("Connection:"), first);
            String second = client.send("GET /b?q=1 HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
            assertTrue(second.endsWith("/b?q=1"), second);
        }
    }

    @Test
    void clientConnectionCloseIsHonoured() throws IOException {
        GatewayServer server = support.start(echoPath);
        try (RawClient client = new RawClient(server.port())) {
            String response = client.send("GET /a HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").readResponse();
            assertTrue(response.contains("\r\nConnection: close\r\n"), response);
            assertTrue(client.closedByServer());
        }
    }

    @Test
    void http10ClosesByDefault() throws IOException {
        GatewayServer server = support.start(echoPath);
        try (RawClient client = new RawClient(server.port())) {
            String response = client.send("GET /a HTTP/1.0\r\n\r\n").readAll();
            assertTrue(response.startsWith("HTTP/1.1 200 OK\r\n"), response);
            assertTrue(response.contains("\r\nConnection: close\r\n"), response);
            assertTrue(response.endsWith("/a?"), response);
        }
    }

    @Test
    void http10KeepAliveIsHonouredForLengthDelimitedResponses() throws IOException {
        GatewayServer server = support.start(echoPath);
        try (RawClient client = new RawClient(server.port())) {
            String first = client.send("GET /a HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").readResponse();
            assertTrue(first.contains("\r\nConnection: keep-alive\r\n"), first);
            String second = client.send("GET /b HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").readResponse();
            assertTrue(second.endsWith("/b?"), second);
        }
    }

    @Test
    void http10KeepAliveEndsWhenTheResponseLengthIsUnknown() throws IOException {
        GatewayServer server = support.start(streaming);
        try (RawClient client = new RawClient(server.port())) {
            String response = client.send("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").readAll();
            assertTrue(response.contains("\r\nConnection: close\r\n"), response);
            assertFalse(response.contains("Transfer-Encoding"), response);
            assertTrue(response.endsWith("\r\n\r\nabcde"), response);
        }
    }

    @Test
    void http11ResponseOfUnknownLengthIsChunked() throws IOException {
        GatewayServer server = support.start(streaming);
        try (RawClient client = new RawClient(server.port())) {
            String response = client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
            assertTrue(response.contains("\r\nTransfer-Encoding: chunked\r\n"), response);
            assertTrue(response.endsWith("\r\n\r\n2\r\nab\r\n3\r\ncde\r\n0\r\n\r\n"), response);
            String again = client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
            assertTrue(again.startsWith("HTTP/1.1 200 OK"), again);
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() throws IOException {
        GatewayServer server = support.start(echoPath);
        try (RawClient client = new RawClient(server.port())) {
            client.send("GET /1 HTTP/1.1\r\nHost: x\r\n\r\nGET /2 HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "POST /3 HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n\r\nbody"
                    + "GET /4 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            String all = client.readAll();
            int one = all.indexOf("/1?");
            int two = all.indexOf("/2?");
            int three = all.indexOf("/3?");
            int four = all.indexOf("/4?");
            assertTrue(one > 0 && one < two && two < three && three < four, all);
            assertEquals(4, all.split("HTTP/1.1 200 OK", -1).length - 1, all);
        }
    }

    @Test
    void pipelinedInvalidRequestIsAnsweredAfterTheValidOnesThenClosed() throws IOException {
        GatewayServer server = support.start(echoPath);
        try (RawClient client = new RawClient(server.port())) {
            String all = client.send("GET /1 HTTP/1.1\r\nHost: x\r\n\r\nGET /2 HTTP/1.1\r\nHost: x\nX: y\r\n\r\n"
                    + "GET /3 HTTP/1.1\r\nHost: x\r\n\r\n").readAll();
            assertTrue(all.startsWith("HTTP/1.1 200 OK"), all);
            assertTrue(all.contains("/1?"), all);
            assertTrue(all.contains("HTTP/1.1 400 Bad Request"), all);
            assertFalse(all.contains("/3?"), all);
        }
    }

    @Test
    void emptyLinesBeforeTheRequestLineAreIgnored() throws IOException {
        GatewayServer server = support.start(echoPath);
        try (RawClient client = new RawClient(server.port())) {
            String response = client.send("\r\n\r\nGET /a HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
            assertTrue(response.endsWith("/a?"), response);
        }
    }

    @Test
    void fragmentIsIgnoredAndRawHighBytesInTheTargetAreKept() throws IOException {
        GatewayServer server = support.start(echoPath);
        try (RawClient client = new RawClient(server.port())) {
            String response = client.send("GET /caf\u00e9%20x?q=1#top HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
            assertTrue(response.endsWith("/caf\u00e9 x?q=1"), response);
        }
    }

    @Test
    void absoluteFormTargetGivesPathAndHost() throws IOException {
        GatewayServer server = support.start((environ, startResponse) -> {
            startResponse.start("200 OK", List.of());
            String text = environ.get(Environ.PATH_INFO) + " " + environ.get("HTTP_HOST") + " "
                    + environ.get(Environ.REQUEST_URI);
            return List.of(text.getBytes(StandardCharsets.ISO_8859_1));
        });
        try (RawClient client = new RawClient(server.port())) {
            String response = client.send("GET http://example.com:8080/p%20q?x=1 HTTP/1.1\r\nHost: other\r\n\r\n")
                    .readResponse();
            assertTrue(response.endsWith("/p q example.com:8080 http://example.com:8080/p%20q?x=1"), response);
        }
    }
}
