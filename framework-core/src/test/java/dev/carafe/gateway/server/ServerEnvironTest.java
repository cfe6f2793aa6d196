package dev.carafe.gateway.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carafe.gateway.Environ;
import dev.carafe.gateway.FileBody;
import dev.carafe.gateway.FileWrapper;
import dev.carafe.gateway.Header;
import dev.carafe.gateway.validator.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The environ the server builds, and file bodies. */
class ServerEnvironTest {

    private final ServerTestSupport support = new ServerTestSupport();
    private final Map<String, Object> seen = new ConcurrentHashMap<>();

    @TempDir
    Path dir;

    @AfterEach
    void stopServers() {
        support.close();
    }

    private Map<String, Object> environOf(String request, ServerSettings settings) throws IOException {
        GatewayServer server = support.start((environ, startResponse) -> {
            seen.putAll(environ);
            seen.put("class", environ.getClass());
            startResponse.start("200 OK", List.of());
            return List.of();
        }, settings);
        try (RawClient client = new RawClient(server.port())) {
            client.send(request).readAll();
        }
        return seen;
    }

    @Test
    void environHasTheCgiAndGatewayKeys() throws IOException {
        Map<String, Object> environ = environOf("POST /a%20b/%2Fc?x=%20&y HTTP/1.1\r\nHost: example.com:8080\r\n"
                + "Content-Type: text/plain\r\nContent-Length: 0\r\nX-Tag: one\r\nX-Tag: two\r\n"
                + "Cookie: a=1\r\nCookie: b=2\r\nConnection: close\r\n\r\n", ServerTestSupport.settings().build());
        assertEquals(HashMap.class, environ.get("class"));
        assertEquals("POST", environ.get(Environ.REQUEST_METHOD));
        assertEquals("", environ.get(Environ.SCRIPT_NAME));
        assertEquals("/a b//c", environ.get(Environ.PATH_INFO));
        assertEquals("x=%20&y", environ.get(Environ.QUERY_STRING));
        assertEquals("/a%20b/%2Fc?x=%20&y", environ.get(Environ.REQUEST_URI));
        assertEquals("/a%20b/%2Fc?x=%20&y", environ.get(Environ.RAW_URI));
        assertEquals("text/plain", environ.get(Environ.CONTENT_TYPE));
        assertEquals("0", environ.get(Environ.CONTENT_LENGTH));
        assertFalse(environ.containsKey("HTTP_CONTENT_TYPE"));
        assertFalse(environ.containsKey("HTTP_CONTENT_LENGTH"));
        assertEquals("example.com:8080", environ.get("HTTP_HOST"));
        assertEquals("one, two", environ.get("HTTP_X_TAG"));
        assertEquals("a=1; b=2", environ.get("HTTP_COOKIE"));
        assertEquals("127.0.0.1", environ.get(Environ.SERVER_NAME));
        assertTrue(((String) environ.get(Environ.SERVER_PORT)).matches("\\d+"));
        assertEquals("HTTP/1.1", environ.get(Environ.SERVER_PROTOCOL));
        assertEquals("Carafe/0.1", environ.get(Environ.SERVER_SOFTWARE));
        assertEquals("127.0.0.1", environ.get(Environ.REMOTE_ADDR));
        assertTrue(((String) environ.get(Environ.REMOTE_PORT)).matches("\\d+"));
        assertEquals(List.of(1, 0), environ.get(Environ.GATEWAY_VERSION));
        assertEquals("http", environ.get(Environ.GATEWAY_URL_SCHEME));
        assertTrue(environ.get(Environ.GATEWAY_INPUT) instanceof InputStream);
        assertTrue(environ.get(Environ.GATEWAY_ERRORS) instanceof PrintWriter);
        assertEquals(Boolean.TRUE, environ.get(Environ.GATEWAY_MULTITHREAD));
        assertEquals(Boolean.FALSE, environ.get(Environ.GATEWAY_MULTIPROCESS));
        assertEquals(Boolean.FALSE, environ.get(Environ.GATEWAY_RUN_ONCE));
        assertEquals(Boolean.TRUE, environ.get(Environ.GATEWAY_INPUT_TERMINATED));
        assertTrue(environ.get(Environ.GATEWAY_FILE_WRAPPER) instanceof FileWrapper);
        assertFalse(environ.containsKey(Environ.HTTPS));
    }

    @Test
    void aRequestToTheServerAsAWholeHasTheAsteriskAsItsPathAndPassesTheValidator() throws IOException {
        Map<String, Object> environ = environOf("OPTIONS * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                ServerTestSupport.settings().build());
        assertEquals("*", environ.get(Environ.PATH_INFO));
        assertEquals("*", environ.get(Environ.REQUEST_URI));
        assertEquals("", environ.get(Environ.QUERY_STRING));
        GatewayServer server = support.start(Validator.create().wrap((env, startResponse) -> {
            startResponse.start("200 OK", new ArrayList<>(List.of(new Header("Allow", "GET, OPTIONS"))));
            return List.of();
        }), ServerTestSupport.settings().build());
        try (RawClient client = new RawClient(server.port())) {
            String response = client.send("OPTIONS * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").readAll();
            assertTrue(response.startsWith("HTTP/1.1 200 OK\r\n"), response);
        }
    }

    @Test
    void anAbsoluteTargetWithOnlyAFragmentHasTheRootAsItsPathLikeOneWithout() throws IOException {
        Map<String, Object> environ = environOf("GET http://example.com#top HTTP/1.1\r\nHost: x\r\n"
                + "Connection: close\r\n\r\n", ServerTestSupport.settings().build());
        assertEquals("/", environ.get(Environ.PATH_INFO));
        assertEquals("example.com", environ.get("HTTP_HOST"));
    }

    @Test
    void scriptNameSchemeAndExtrasComeFromTheSettings() throws IOException {
        Map<String, Object> environ = environOf("GET /app/users HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                ServerTestSupport.settings().scriptName("/app").urlScheme("https")
                        .environ("myapp.stage", "production").build());
        assertEquals("/app", environ.get(Environ.SCRIPT_NAME));
        assertEquals("/users", environ.get(Environ.PATH_INFO));
        assertEquals("https", environ.get(Environ.GATEWAY_URL_SCHEME));
        assertEquals("on", environ.get(Environ.HTTPS));
        assertEquals("production", environ.get("myapp.stage"));
    }

    @Test
    void theMountPointIsMatchedOnTheRawPathAndAPathOutsideItHasNoScriptName() throws IOException {
        ServerSettings mounted = ServerTestSupport.settings().scriptName("/app").build();
        Map<String, Object> root = environOf("GET /app HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", mounted);
        assertEquals(List.of("/app", ""), List.of(root.get(Environ.SCRIPT_NAME), root.get(Environ.PATH_INFO)));
        seen.clear();
        Map<String, Object> encoded = environOf("GET /app%2Fx HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                mounted);
        assertEquals(List.of("", "/app/x"), List.of(encoded.get(Environ.SCRIPT_NAME), encoded.get(Environ.PATH_INFO)),
                "an encoded slash is not the mount's boundary");
        seen.clear();
        Map<String, Object> outside = environOf("GET /x HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                mounted);
        assertEquals(List.of("", "/x"), List.of(outside.get(Environ.SCRIPT_NAME), outside.get(Environ.PATH_INFO)));
        assertEquals("http://x/x", Environ.requestUrl(outside), "the URL rebuilt is the one the client asked for");
        seen.clear();
        Map<String, Object> longer = environOf("GET /application HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                mounted);
        assertEquals(List.of("", "/application"), List.of(longer.get(Environ.SCRIPT_NAME),
                longer.get(Environ.PATH_INFO)));
    }

    @Test
    void fileBodyIsSentWholeWithItsLength() throws IOException {
        Path file = dir.resolve("data.bin");
        byte[] content = "0123456789".repeat(20_000).getBytes(StandardCharsets.US_ASCII);
        Files.write(file, content);
        GatewayServer server = support.start((environ, startResponse) -> {
            startResponse.start("200 OK", List.of());
            FileWrapper wrapper = (FileWrapper) environ.get(Environ.GATEWAY_FILE_WRAPPER);
            return wrapper.wrap(FileChannel.open(file), 5, content.length - 10);
        });
        try (RawClient client = new RawClient(server.port())) {
            String response = client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
            assertTrue(response.contains("\r\nContent-Length: " + (content.length - 10) + "\r\n"),
                    response.substring(0, 200));
            String body = response.substring(response.indexOf("\r\n\r\n") + 4);
            assertEquals(new String(content, 5, content.length - 10, StandardCharsets.US_ASCII), body);
            assertTrue(client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").readResponse().startsWith("HTTP/1.1 200"));
        }
    }

    @Test
    void fileBodyAfterWriterOutputIsSentInChunks() throws IOException {
        Path file = dir.resolve("tail.txt");
        Files.writeString(file, "tail");
        GatewayServer server = support.start((environ, startResponse) -> {
            startResponse.start("200 OK", List.of()).write("head,".getBytes(StandardCharsets.US_ASCII));
            return FileBody.open(file, 0, 4);
        });
        try (RawClient client = new RawClient(server.port())) {
            String response = client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
            assertTrue(response.endsWith("\r\n\r\n5\r\nhead,\r\n4\r\ntail\r\n0\r\n\r\n"), response);
        }
    }
}
