package dev.carafe.gateway.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServerSettingsTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        ServerSettings s = ServerSettings.defaults();
        assertEquals("127.0.0.1", s.host());
        assertEquals(8000, s.port());
        assertEquals(1024, s.backlog());
        assertEquals(10_000, s.maxConnections());
        assertEquals(ServerSettings.ThreadMode.AUTO, s.threadMode());
        assertEquals(200, s.platformThreads());
        assertEquals(Runtime.getRuntime().availableProcessors(), s.ioThreads());
        assertEquals(8192, s.maxRequestLineBytes());
        assertEquals(100, s.maxHeaderCount());
        assertEquals(8190, s.maxHeaderFieldBytes());
        assertEquals(65_536, s.maxHeaderBytes());
        assertEquals(10L * 1024 * 1024, s.maxBodyBytes());
        assertEquals(Duration.ofSeconds(10), s.headerTimeout());
        assertEquals(Duration.ofSeconds(5), s.keepAliveTimeout());
        assertEquals(Duration.ofSeconds(30), s.bodyTimeout());
        assertEquals(Duration.ofSeconds(30), s.writeTimeout());
        assertEquals(Duration.ofSeconds(30), s.gracefulTimeout());
        assertEquals(true, s.requireHost());
        assertEquals(ServerSettings.UnderscoreHeaders.DROP, s.underscoreHeaders());
        assertEquals(Optional.of("Carafe"), s.serverHeader());
        assertEquals("http", s.urlScheme());
        assertEquals("", s.scriptName());
        assertEquals(Optional.empty(), s.accessLog());
        assertEquals("%(h)s %(l)s %(u)s %(t)s \"%(r)s\" %(s)s %(b)s \"%(f)s\" \"%(a)s\"", s.accessLogFormat());
        assertEquals(Map.of(), s.environ());
    }

    @Test
    void toBuilderCopiesEverySetting() {
        ServerSettings s = ServerSettings.builder().host("0.0.0.0").port(9000).maxBodyBytes(5).accessLog("-")
                .environ("app.x", "1").serverHeader(Optional.empty()).build();
        ServerSettings copy = s.toBuilder().build();
        assertEquals(s.toString(), copy.toString());
        assertEquals(9001, s.toBuilder().port(9001).build().port());
        assertEquals(9000, s.port());
    }

    @Test
    void invalidValuesAreRejectedWithTheValueAndTheRange() {
        assertMessage("port must be 0..65535, got 70000", () -> ServerSettings.builder().port(70_000));
        assertMessage("backlog must be 1.., got 0", () -> ServerSettings.builder().backlog(0));
        assertMessage("maxConnections must be 1.., got -1", () -> ServerSettings.builder().maxConnections(-1));
        assertMessage("ioThreads must be 1..1024, got 0", () -> ServerSettings.builder().ioThreads(0));
        assertMessage("maxBodyBytes must be 0 or more, got -5", () -> ServerSettings.builder().maxBodyBytes(-5));
        assertMessage("headerTimeout must be positive, got PT0S",
                () -> ServerSettings.builder().headerTimeout(Duration.ZERO));
        assertMessage("writeTimeout must be positive, got PT-0.001S",
                () -> ServerSettings.builder().writeTimeout(Duration.ofMillis(-1)));
        assertMessage("gracefulTimeout must be zero or more, got PT-1S",
                () -> ServerSettings.builder().gracefulTimeout(Duration.ofSeconds(-1)));
        assertMessage("urlScheme must be \"http\" or \"https\", got \"ftp\"",
                () -> ServerSettings.builder().urlScheme("ftp"));
        assertMessage("scriptName must be \"\" or a path starting with \"/\" and not ending with it, for example "
                + "\"/app\"; got \"/app/\"", () -> ServerSettings.builder().scriptName("/app/"));
        assertMessage("host must be a host name or IP address without spaces, got \"a b\"",
                () -> ServerSettings.builder().host("a b"));
        assertMessage("serverHeader must be a header value without control characters, got \"x\\r\\ny\"",
                () -> ServerSettings.builder().serverHeader(Optional.of("x\r\ny")));
        assertMessage("environ name must not be empty nor a key the server sets itself (CGI keys, HTTP_*, gateway.*), "
                + "got \"PATH_INFO\"; use your own prefix, for example \"myapp.setting\"",
                () -> ServerSettings.builder().environ("PATH_INFO", "/"));
    }

    private static void assertMessage(String message, Runnable call) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, call::run).getMessage());
    }
}
