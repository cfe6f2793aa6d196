package dev.carafe.gateway.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The requests the server refuses before the application runs are in the access log; connections
 * that asked nothing are not.
 */
class AccessLogRefusalsTest {

    private static final String FORMAT = "%(h)s \"%(r)s\" %(s)s %(b)s";

    private final ServerTestSupport support = new ServerTestSupport();

    @TempDir
    Path dir;

    @AfterEach
    void stopServers() {
        support.close();
    }

    private GatewayServer start(ServerSettings.Builder settings) throws IOException {
        return support.start(ServerTestSupport.text("hello"),
                settings.accessLog(dir.resolve("access.log").toString()).build());
    }

    /** Stops the server, so that every line is written, and returns the log's lines. */
    private List<String> lines(GatewayServer server) throws IOException {
        server.stop(Duration.ofMillis(500));
        return Files.readAllLines(dir.resolve("access.log"), StandardCharsets.ISO_8859_1);
    }

    private static String exchange(GatewayServer server, String request) throws IOException {
        try (RawClient client = new RawClient(server.port())) {
            return client.send(request).readAll();
        }
    }

    /** Starts a server, sends one request on a connection of its own, stops it and returns the log's lines. */
    private List<String> logged(ServerSettings.Builder settings, String request) throws IOException {
        GatewayServer server = start(settings);
        exchange(server, request);
        return lines(server);
    }

    /** The length of the error page's body for a status line and its detail. */
    private static int body(String statusLine, String detail) {
        return (statusLine + "\n" + detail + "\n").getBytes(StandardCharsets.UTF_8).length;
    }

    @Test
    void requestWithContentLengthAndTransferEncodingIsLoggedAs400WithItsRequestLineAndBodyLength() throws IOException {
        GatewayServer server = start(ServerTestSupport.settings().accessLogFormat(FORMAT));
        String response = exchange(server, "POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n");
        assertTrue(response.startsWith("HTTP/1.1 400 Bad Request\r\n"), response);
        int length = body("400 Bad Request", "A request must not have both Content-Length and Transfer-Encoding.");
        assertTrue(response.contains("\r\nContent-Length: " + length + "\r\n"), response);
        assertEquals(List.of("127.0.0.1 \"POST /upload HTTP/1.1\" 400 " + length), lines(server));
    }

    @Test
    void overLongRequestLineIsLoggedAs414WithADashForTheRequestLine() throws IOException {
        List<String> lines = logged(ServerTestSupport.settings().maxRequestLineBytes(64)
                .accessLogFormat(ServerSettings.DEFAULT_ACCESS_LOG_FORMAT),
                "GET /" + "a".repeat(60) + " HTTP/1.1\r\nHost: x\r\nUser-Agent: curl/8\r\n\r\n");
        assertEquals(1, lines.size(), lines.toString());
        int length = body("414 URI Too Long", "The request line is longer than 64 bytes.");
        assertTrue(lines.get(0).matches("127\\.0\\.0\\.1 - - \\[\\d\\d/\\w{3}/\\d{4}:\\d\\d:\\d\\d:\\d\\d [+-]\\d{4}] "
                + "\"-\" 414 " + length + " \"-\" \"-\""), lines.get(0));
    }

    @Test
    void tooManyHeaderFieldsAreLoggedAs431WithTheRequestLine() throws IOException {
        assertEquals(List.of("127.0.0.1 \"GET /many?x=1 HTTP/1.1\" 431 "
                + body("431 Request Header Fields Too Large", "The request has more than 3 header fields.")),
                logged(ServerTestSupport.settings().maxHeaderCount(3).accessLogFormat(FORMAT),
                        "GET /many?x=1 HTTP/1.1\r\nHost: x\r\nA: 1\r\nB: 2\r\nC: 3\r\n\r\n"));
    }

    @Test
    void unsupportedVersionIsLoggedAs505WithTheRequestLineItRefused() throws IOException {
        assertEquals(List.of("127.0.0.1 \"GET / HTTP/2.0\" 505 "
                + body("505 HTTP Version Not Supported", "This server speaks HTTP/1.1 and HTTP/1.0 only.")),
                logged(ServerTestSupport.settings().accessLogFormat(FORMAT), "GET / HTTP/2.0\r\nHost: x\r\n\r\n"));
    }

    @Test
    void requestLineWithAControlCharacterIsLoggedWithADashNotItsBytes() throws IOException {
        assertEquals(List.of("127.0.0.1 \"-\" 400 "
                + body("400 Bad Request", "The request target contains a space or a control character.")),
                logged(ServerTestSupport.settings().accessLogFormat(FORMAT),
                        "GET /a\u001b[2Jb HTTP/1.1\r\nHost: x\r\n\r\n"));
    }

    @Test
    void headThatStartedButDidNotFinishInTimeIsLoggedAs408() throws IOException {
        GatewayServer server = start(ServerTestSupport.settings().headerTimeout(Duration.ofMillis(300))
                .accessLogFormat(FORMAT));
        String fieldsMissing = exchange(server, "GET /slow HTTP/1.1\r\nHost: x\r\n");
        String lineUnfinished = exchange(server, "GET /slo");
        assertTrue(fieldsMissing.startsWith("HTTP/1.1 408 Request Timeout\r\n"), fieldsMissing);
        assertTrue(lineUnfinished.startsWith("HTTP/1.1 408 Request Timeout\r\n"), lineUnfinished);
        int length = body("408 Request Timeout", "The request head did not arrive within 300 ms.");
        assertEquals(List.of("127.0.0.1 \"GET /slow HTTP/1.1\" 408 " + length, "127.0.0.1 \"-\" 408 " + length),
                lines(server));
    }

    @Test
    void connectionsThatNeverStartedAHeadLeaveNoLine() throws IOException {
        GatewayServer server = start(ServerTestSupport.settings().headerTimeout(Duration.ofMillis(200))
                .keepAliveTimeout(Duration.ofMillis(200)).accessLogFormat(FORMAT));
        new RawClient(server.port()).close();
        assertEquals("", exchange(server, ""));
        try (RawClient client = new RawClient(server.port())) {
            String first = client.send("GET /one HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
            assertTrue(first.startsWith("HTTP/1.1 200 OK"), first);
            assertEquals("", client.readAll());
        }
        assertEquals(List.of("127.0.0.1 \"GET /one HTTP/1.1\" 200 5"), lines(server));
    }

    @Test
    void customFormatRendersTheErrorPagesHeadersAndDashesForTheUncheckedHead() throws IOException {
        List<String> lines = logged(ServerTestSupport.settings().accessLogFormat("%({Content-Type}o)s|"
                + "%({Content-Length}o)s|%({Connection}o)s|%(m)s|%(U)s|%(q)s|%(H)s|%(f)s|%(a)s|%({Host}i)s|%(B)s"),
                "GET /x?y=1 HTTP/1.1\r\nHost: example.com\r\nUser-Agent: curl/8\r\nReferer: http://r/\r\n"
                + "Content-Length: 1\r\nContent-Length: 2\r\n\r\n");
        int length = body("400 Bad Request", "The request has 2 Content-Length fields; exactly one is allowed.");
        assertEquals(List.of("text/plain; charset=utf-8|" + length + "|close|-|-|-|-|-|-|-|" + length), lines);
    }
}
