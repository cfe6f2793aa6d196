package dev.carafe.gateway.jdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.carafe.gateway.Application;
import dev.carafe.gateway.Environ;
import dev.carafe.gateway.Header;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What is particular to the JDK host; the shared behaviour is in the conformance kit. */
class GatewayHandlerTest {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
    private final AtomicReference<Map<String, Object>> seen = new AtomicReference<>();
    private final AtomicInteger calls = new AtomicInteger();
    private final Application recorder = (environ, startResponse) -> {
        calls.incrementAndGet();
        seen.set(environ);
        startResponse.start("200 OK", List.of(new Header("Content-Type", "text/plain")));
        return List.of(((String) environ.get(Environ.PATH_INFO)).getBytes(StandardCharsets.ISO_8859_1));
    };
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
        threads.shutdownNow();
    }

    private URI serve(String contextPath, String pathAndQuery) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(contextPath, GatewayHandler.of(recorder));
        server.setExecutor(threads);
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery);
    }

    private HttpResponse<String> get(URI uri, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void pathThatOnlySharesThePrefixOfTheContextGets404WithoutCallingTheApplication() throws Exception {
        HttpResponse<String> response = get(serve("/shop", "/shopping"));
        assertEquals(404, response.statusCode());
        assertEquals("Not Found\n", response.body());
        assertEquals(0, calls.get());
    }

    @Test
    void contextPathWithATrailingSlashMountsWithoutIt() throws Exception {
        HttpResponse<String> response = get(serve("/shop/", "/shop/cart"));
        assertEquals("/cart", response.body());
        assertEquals("/shop", seen.get().get(Environ.SCRIPT_NAME));
    }

    @Test
    void hostHeaderGivesServerNameAndPort() throws Exception {
        URI uri = serve("/", "/");
        HttpRequest request = HttpRequest.newBuilder(uri).header("Content-Type", "text/plain").build();
        client.send(request, HttpResponse.BodyHandlers.discarding());
        assertEquals("127.0.0.1", seen.get().get(Environ.SERVER_NAME));
        assertEquals(Integer.toString(uri.getPort()), seen.get().get(Environ.SERVER_PORT));
        assertEquals("jdk.httpserver/" + Runtime.version().feature(), seen.get().get(Environ.SERVER_SOFTWARE));
    }

    @Test
    void aHostWithAPortThatIsNotDigitsGivesTheLocalAddressInstead() throws Exception {
        URI uri = serve("/", "/");
        rawGet(uri.getPort(), "example.com:8080");
        assertEquals("example.com", seen.get().get(Environ.SERVER_NAME));
        assertEquals("8080", seen.get().get(Environ.SERVER_PORT));
        rawGet(uri.getPort(), "example.com:abc");
        assertEquals("127.0.0.1", seen.get().get(Environ.SERVER_NAME));
        assertEquals(Integer.toString(uri.getPort()), seen.get().get(Environ.SERVER_PORT));
        assertEquals("example.com:abc", seen.get().get("HTTP_HOST"));
    }

    /** Sends a GET with a Host field the JDK's client would not let us set, and reads the answer. */
    private static void rawGet(int port, String host) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(("GET / HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertTrue(response.startsWith("HTTP/1.1 200"), response);
        }
    }

    @Test
    void jdkServerServesAtTheRootUntilClosed() throws Exception {
        URI uri;
        try (JdkServer jdk = JdkServer.start(recorder, new InetSocketAddress("127.0.0.1", 0))) {
            uri = URI.create("http://127.0.0.1:" + jdk.port() + "/caf%C3%A9");
            HttpResponse<String> response = get(uri);
            assertEquals(200, response.statusCode());
            assertEquals("/caf\u00C3\u00A9", seen.get().get(Environ.PATH_INFO));
            assertEquals(jdk.port(), jdk.address().getPort());
            assertEquals(jdk.port(), jdk.httpServer().getAddress().getPort());
        }
        assertThrows(ConnectException.class, () -> get(uri));
    }
}
