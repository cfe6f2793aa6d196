package dev.carafe.gateway.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carafe.gateway.Environ;
import dev.carafe.gateway.Header;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The access-log atoms, and the log written by a running server. */
class AccessLogTest {

    @TempDir
    Path dir;

    private static AccessLogEntry entry() {
        Map<String, Object> environ = new HashMap<>();
        environ.put("REMOTE_ADDR", "10.0.0.7");
        String auth = "Basic " + Base64.getEncoder().encodeToString("alice:secret".getBytes(StandardCharsets.UTF_8));
        RequestHead head = new RequestHead("GET", "/path/x?q=1", "/path/x", "q=1", "HTTP/1.1",
                List.of(new RequestHead.Field("Host", "example.com"), new RequestHead.Field("Referer", "http://r/"),
                        new RequestHead.Field("User-Agent", "curl/8"), new RequestHead.Field("Authorization", auth),
                        new RequestHead.Field("X-Request-Id", "abc")),
                Optional.of("example.com"), OptionalLong.empty(), false, false, true);
        return AccessLogEntry.answered(environ, head, 201, 1234, List.of(new Header("Content-Type", "text/html")),
                971_184_136_000L, Duration.ofMillis(2_345).plusNanos(678_000).toNanos());
    }

    private static String format(String format) {
        return AccessLogFormat.parse(format).format(entry());
    }

    /** A request refused before the application ran: no checked head, the error page's headers. */
    private static AccessLogEntry refused(Optional<String> requestLine) {
        ErrorPage.Sent sent = new ErrorPage.Sent(List.of(new Header("Date", "Sun, 06 Nov 1994 08:49:37 GMT"),
                new Header("Content-Type", "text/plain; charset=utf-8"), new Header("Content-Length", "70"),
                new Header("Connection", "close")), 70);
        return AccessLogEntry.refused("10.0.0.7", requestLine, 431, sent, 971_184_136_000L,
                Duration.ofMillis(12).toNanos());
    }

    @Test
    void defaultFormatIsGunicorns() {
        String line = format(ServerSettings.DEFAULT_ACCESS_LOG_FORMAT);
        assertTrue(line.matches("10\\.0\\.0\\.7 - alice \\[\\d\\d/(Oct|Nov)/2000:\\d\\d:\\d\\d:16 [+-]\\d{4}] "
                + "\"GET /path/x\\?q=1 HTTP/1\\.1\" 201 1234 \"http://r/\" \"curl/8\""), line);
    }

    @Test
    void everyAtomRenders() {
        assertEquals("GET|/path/x|q=1|HTTP/1.1|201|1234|1234|2|2345|2345678|2.345678",
                format("%(m)s|%(U)s|%(q)s|%(H)s|%(s)s|%(B)s|%(b)s|%(T)s|%(M)s|%(D)s|%(L)s"));
        assertEquals("abc text/html - 100%", format("%({x-request-id}i)s %({content-type}o)s %({x-missing}i)s 100%%"));
        assertEquals("<" + ProcessHandle.current().pid() + ">", format("%(p)s"));
        String path = System.getenv("PATH");
        assertEquals(path == null ? "-" : path, format("%({path}e)s"));
    }

    @Test
    void everyAtomRendersForARefusedRequestWithoutAHead() {
        AccessLogFormat format = AccessLogFormat.parse("%(h)s|%(l)s|%(u)s|%(r)s|%(m)s|%(U)s|%(q)s|%(H)s|%(s)s|%(B)s|"
                + "%(b)s|%(f)s|%(a)s|%(T)s|%(M)s|%(D)s|%(L)s|%({host}i)s|%({content-type}o)s|%({connection}o)s");
        assertEquals("10.0.0.7|-|-|-|-|-|-|-|431|70|70|-|-|0|12|12000|0.012000|-|text/plain; charset=utf-8|close",
                format.format(refused(Optional.empty())));
        assertEquals("10.0.0.7|-|-|GET /x HTTP/1.1|-|-|-|-|431|70|70|-|-|0|12|12000|0.012000|-|"
                + "text/plain; charset=utf-8|close", format.format(refused(Optional.of("GET /x HTTP/1.1"))));
    }

    @Test
    void defaultFormatOfARefusedRequestPrintsDashesForWhatWasNotRead() {
        String line = AccessLogFormat.parse(ServerSettings.DEFAULT_ACCESS_LOG_FORMAT).format(refused(Optional.empty()));
        assertTrue(line.matches("10\\.0\\.0\\.7 - - \\[\\d\\d/(Oct|Nov)/2000:\\d\\d:\\d\\d:16 [+-]\\d{4}] "
                + "\"-\" 431 70 \"-\" \"-\""), line);
    }

    @Test
    void valuesAreEscapedSoThatNoClientCanForgeALineOrBreakAQuotedField() {
        assertEquals("plain text/1.0 (x; y)", AccessLogFormat.escape("plain text/1.0 (x; y)"));
        assertEquals("a\\x22b\\x5Cc\\x0Ad\\x09e\\x7Ff\\xE9g\\xE2\\x82\\xACh\\xF0\\x9F\\x98\\x80",
                AccessLogFormat.escape("a\"b\\c\nd\te\u007Ff\u00E9g\u20ACh\uD83D\uDE00"));
    }

    @Test
    void aUserNameWithALineBreakCannotForgeASecondLine() throws IOException {
        Path log = dir.resolve("forged.log");
        String forged = "mallory\n10.0.0.1 - admin \"GET /admin HTTP/1.1\" 200 1";
        String auth = Base64.getEncoder().encodeToString((forged + ":pw").getBytes(StandardCharsets.ISO_8859_1));
        try (ServerTestSupport support = new ServerTestSupport()) {
            GatewayServer server = support.start(ServerTestSupport.text("hello"), ServerTestSupport.settings()
                    .accessLog(log.toString()).accessLogFormat("%(u)s \"%(a)s\"").build());
            try (RawClient client = new RawClient(server.port())) {
                client.send("GET / HTTP/1.1\r\nHost: x\r\nAuthorization: Basic " + auth
                        + "\r\nUser-Agent: quote\" and caf\u00e9\r\nConnection: close\r\n\r\n").readAll();
            }
            server.stop(Duration.ofSeconds(2));
        }
        assertEquals(List.of("mallory\\x0A10.0.0.1 - admin \\x22GET /admin HTTP/1.1\\x22 200 1 \"quote\\x22 and caf\\xE9\""),
                Files.readAllLines(log, StandardCharsets.ISO_8859_1));
    }

    @Test
    void unknownAtomIsRejectedWithTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ServerSettings.builder().accessLogFormat("%(h)s %(z)s"));
        assertEquals("accessLogFormat has an unknown atom %(z)s; known atoms are h l u t r m U q H s B b f a T M D L p "
                + "and {header}i {header}o {variable}e. Format: \"%(h)s %(z)s\"", e.getMessage());
    }

    @Test
    void strayPercentIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ServerSettings.builder().accessLogFormat("100% %(h)s"));
        assertEquals("accessLogFormat has a '%' at index 3 that does not start an atom like %(h)s; write %% for a "
                + "percent sign. Format: \"100% %(h)s\"", e.getMessage());
    }

    @Test
    void runningServerWritesOneLinePerRequestToTheFile() throws IOException {
        Path log = dir.resolve("access.log");
        try (ServerTestSupport support = new ServerTestSupport()) {
            GatewayServer server = support.start(ServerTestSupport.text("hello"), ServerTestSupport.settings()
                    .accessLog(log.toString()).accessLogFormat("%(m)s %(U)s %(s)s %(b)s %({content-type}o)s").build());
            try (RawClient client = new RawClient(server.port())) {
                client.send("GET /one HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
                client.send("HEAD /two HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").readAll();
            }
            server.stop(Duration.ofSeconds(2));
        }
        assertEquals(List.of("GET /one 200 5 text/plain", "HEAD /two 200 - text/plain"), Files.readAllLines(log));
    }

    @Test
    void unwritableAccessLogFailsTheStart() {
        ServerSettings settings = ServerTestSupport.settings().accessLog(dir.toString()).build();
        java.io.UncheckedIOException e = assertThrows(java.io.UncheckedIOException.class,
                () -> GatewayServer.start(ServerTestSupport.text("x"), settings));
        assertTrue(e.getMessage().startsWith("Cannot open the access log \"" + dir + "\" for appending: "),
                e.getMessage());
    }

    @Test
    void failedRequestIsLoggedWithTheServersAnswerAndItsHeaders() throws IOException {
        Path log = dir.resolve("errors.log");
        try (ServerTestSupport support = new ServerTestSupport()) {
            GatewayServer server = support.start((environ, startResponse) -> {
                if (environ.get(Environ.PATH_INFO).equals("/started")) {
                    // Started, but nothing sent: the server's 500 replaces these headers.
                    startResponse.start("200 OK", List.of(new Header("Content-Type", "application/json")));
                }
                throw new IllegalStateException("broken on purpose");
            }, ServerTestSupport.settings().accessLog(log.toString())
                    .accessLogFormat("%(r)s %(s)s %(B)s %({Content-Type}o)s %({Connection}o)s").build());
            for (String path : List.of("/fail", "/started")) {
                try (RawClient client = new RawClient(server.port())) {
                    client.send("GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n").readAll();
                }
            }
            server.stop(Duration.ofSeconds(2));
        }
        assertEquals(List.of("GET /fail HTTP/1.1 500 69 text/plain; charset=utf-8 close",
                "GET /started HTTP/1.1 500 69 text/plain; charset=utf-8 close"), Files.readAllLines(log));
    }
}
