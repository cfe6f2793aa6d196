package dev.carafe.gateway.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.carafe.gateway.Header;
import dev.carafe.gateway.RecordingLifespan;
import dev.carafe.gateway.jdk.JdkServer;
import dev.carafe.gateway.servlet.GatewayServlet;
import jakarta.servlet.ServletException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The JDK adapter and the Servlet adapter (in Jetty) call a Lifespan application's started() and stopping(). */
class HostLifespanTest {

    private final List<String> events = new CopyOnWriteArrayList<>();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
    private final Server jetty = new Server();

    @AfterEach
    void stopJetty() throws Exception {
        jetty.stop();
    }

    private RecordingLifespan recording() {
        return RecordingLifespan.of(events, (environ, startResponse) -> {
            startResponse.start("200 OK", List.of(new Header("Content-Type", "text/plain")));
            return List.of("ok".getBytes(StandardCharsets.UTF_8));
        });
    }

    private String get(int port, String path) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + response.body();
    }

    @Test
    void theJdkServerStartsTheApplicationBeforeServingAndStopsItWhenClosed() throws Exception {
        JdkServer server = JdkServer.start(recording(), new InetSocketAddress("127.0.0.1", 0));
        try {
            assertEquals(List.of("started"), events);
            assertEquals("200 ok", get(server.port(), "/"));
        } finally {
            server.close();
            server.close();
        }
        assertEquals(List.of("started", "request", "stopping"), events);
    }

    @Test
    void theJdkServerDoesNotStartWhenTheApplicationFailsToStart() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        IllegalStateException failure = new IllegalStateException("no database");
        assertSame(failure, assertThrows(IllegalStateException.class,
                () -> JdkServer.start(recording().failingToStart(failure), new InetSocketAddress("127.0.0.1", port))));
        assertThrows(ConnectException.class, () -> new Socket(InetAddress.getLoopbackAddress(), port).close());
        assertEquals(List.of(), events);
    }

    private int startJetty(ServletHolder holder) throws Exception {
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        context.addServlet(holder, "/*");
        jetty.setHandler(context);
        jetty.start();
        return connector.getLocalPort();
    }

    @Test
    void theServletAdapterStartsTheApplicationAtInitAndStopsItAtDestroy() throws Exception {
        ServletHolder holder = new ServletHolder(new GatewayServlet(recording()));
        holder.setInitOrder(0);                 // load-on-startup: init when the context starts
        int port = startJetty(holder);
        assertEquals(List.of("started"), events);
        assertEquals("200 ok", get(port, "/"));
        jetty.stop();
        assertEquals(List.of("started", "request", "stopping"), events);
    }

    @Test
    void aServletWhoseApplicationFailsToStartFailsTheContextStart() {
        ServletHolder holder = new ServletHolder(new GatewayServlet(recording().failingToStart(new IllegalStateException("no db"))));
        holder.setName("shop");
        holder.setInitOrder(0);
        ServletException failure = assertThrows(ServletException.class, () -> startJetty(holder));
        assertEquals("The application of servlet 'shop' failed to start: java.lang.IllegalStateException: no db; the "
                + "servlet is unavailable.", failure.getMessage());
        assertEquals(List.of(), events, "stopping() is not called after a failed start");
    }
}
