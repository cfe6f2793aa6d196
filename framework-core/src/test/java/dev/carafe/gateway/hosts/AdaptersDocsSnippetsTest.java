package dev.carafe.gateway.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import dev.carafe.gateway.Application;
import dev.carafe.gateway.Environ;
import dev.carafe.gateway.Header;
import dev.carafe.gateway.jdk.GatewayHandler;
import dev.carafe.gateway.jdk.JdkServer;
import dev.carafe.gateway.servlet.GatewayServlet;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The code of docs/adapters.md, run: each snippet hosts the same application and answers a request. */
class AdaptersDocsSnippetsTest {

    // tag::app[]
    Application hello = (environ, startResponse) -> {
        String who = Environ.utf8((String) environ.get(Environ.PATH_INFO));
        startResponse.start("200 OK", List.of(new Header("Content-Type", "text/plain; charset=utf-8")));
        return List.of(("Hello from " + environ.get(Environ.SCRIPT_NAME) + who).getBytes(StandardCharsets.UTF_8));
    };
    // end::app[]

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();

    private String get(int port, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void jdkServerHostsTheApplicationAtTheRoot() throws Exception {
        List<String> replies = new ArrayList<>();
        // tag::jdk-server[]
        try (JdkServer server = JdkServer.start(hello, new InetSocketAddress("127.0.0.1", 0))) {
            System.out.println("Serving on http://127.0.0.1:" + server.port() + "/");
            replies.add(get(server.port(), "/world"));      // requests are served until the block ends
        }
        // end::jdk-server[]
        assertEquals(List.of("Hello from /world"), replies);
    }

    @Test
    void jdkHandlerHostsTheApplicationInAContext() throws Exception {
        // tag::jdk-handler[]
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/shop", GatewayHandler.of(hello));     // SCRIPT_NAME is "/shop"
        ExecutorService threads = Executors.newCachedThreadPool();  // the default runs requests one at a time
        server.setExecutor(threads);
        server.start();
        // end::jdk-handler[]
        try {
            assertEquals("Hello from /shop/caf\u00E9", get(server.getAddress().getPort(), "/shop/caf%C3%A9"));
        } finally {
            // tag::jdk-stop[]
            server.stop(0);
            threads.shutdownNow();
            // end::jdk-stop[]
        }
    }

    @Test
    void jettyHostsTheServlet() throws Exception {
        // tag::jetty[]
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);                                       // 0: any free port
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/ctx");
        context.addServlet(new ServletHolder(new GatewayServlet(hello)), "/app/*");
        server.setHandler(context);
        server.start();                                             // SCRIPT_NAME is "/ctx/app"
        // end::jetty[]
        try {
            assertEquals("Hello from /ctx/app/x", get(connector.getLocalPort(), "/ctx/app/x"));
        } finally {
            server.stop();
        }
    }

    @Test
    void tomcatHostsTheServlet(@TempDir Path baseDir) throws Exception {
        // tag::tomcat[]
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(baseDir.toString());                      // Tomcat's work directory
        Connector connector = new Connector();
        connector.setProperty("address", "127.0.0.1");
        connector.setPort(0);
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("/ctx", null);
        Tomcat.addServlet(context, "gateway", new GatewayServlet(hello));
        context.addServletMappingDecoded("/*", "gateway");          // SCRIPT_NAME is "/ctx"
        tomcat.start();
        // end::tomcat[]
        try {
            assertEquals("Hello from /ctx/y", get(connector.getLocalPort(), "/ctx/y"));
        } finally {
            tomcat.stop();
            tomcat.destroy();
        }
    }
}
