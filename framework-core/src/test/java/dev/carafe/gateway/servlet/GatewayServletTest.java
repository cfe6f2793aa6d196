package dev.carafe.gateway.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.servlet.ServletException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What is particular to the Servlet host: naming the application, and the mappings. */
class GatewayServletTest {

    private final Server server = new Server();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    /** Starts Jetty with the servlet in context "/ctx" under {@code mapping}; returns the body of GET {@code path}. */
    private String get(ServletHolder holder, String mapping, String path) throws Exception {
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/ctx");
        context.addServlet(holder, mapping);
        server.setHandler(context);
        server.start();
        URI uri = URI.create("http://127.0.0.1:" + connector.getLocalPort() + path);
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + response.body();
    }

    private static ServletHolder named(String application) {
        ServletHolder holder = new ServletHolder(GatewayServlet.class);
        holder.setInitParameter(GatewayServlet.APPLICATION, application);
        return holder;
    }

    @Test
    void applicationNamedByItsClassIsServed() throws Exception {
        assertEquals("200 class /ctx/app|/x",
                get(named(TestApplications.ByClass.class.getName()), "/app/*", "/ctx/app/x"));
    }

    @Test
    void applicationNamedByAStaticFieldIsServed() throws Exception {
        assertEquals("200 field /ctx|/a/b.do",
                get(named(TestApplications.class.getName() + ":FIELD"), "*.do", "/ctx/a/b.do"));
    }

    @Test
    void applicationNamedByAStaticMethodIsServed() throws Exception {
        assertEquals("200 method /ctx/exact|", get(named(TestApplications.class.getName() + ":method"), "/exact",
                "/ctx/exact"));
    }

    @Test
    void defaultMappingLeavesTheWholePathBelowTheContextToPathInfo() throws Exception {
        assertEquals("200 field /ctx|/any/where",
                get(new ServletHolder(new GatewayServlet(TestApplications.FIELD)), "/", "/ctx/any/where"));
    }

    @Test
    void missingInitParameterSaysHowToNameTheApplication() {
        ServletException e = assertThrows(ServletException.class,
                () -> ApplicationLoader.load(null, List.of(getClass().getClassLoader()), "shop"));
        assertEquals("Servlet 'shop' has no application: set its init parameter 'application' to CLASS (a class"
                + " implementing dev.carafe.gateway.Application with a public no-argument constructor) or CLASS:MEMBER"
                + " (a public static field or no-argument method returning an Application), or create the servlet"
                + " with new GatewayServlet(app).", e.getMessage());
    }

    @Test
    void classThatIsNotAnApplicationIsRejected() {
        ServletException e = assertThrows(ServletException.class,
                () -> ApplicationLoader.load("java.lang.String", List.of(getClass().getClassLoader()), "shop"));
        assertEquals("Class 'java.lang.String' named by init parameter application='java.lang.String' does not"
                + " implement dev.carafe.gateway.Application; name a class that does, or use CLASS:MEMBER to name a"
                + " static field or method holding one.", e.getMessage());
    }

    @Test
    void memberThatDoesNotExistIsRejected() {
        String spec = TestApplications.class.getName() + ":APP";
        ServletException e = assertThrows(ServletException.class,
                () -> ApplicationLoader.load(spec, List.of(getClass().getClassLoader()), "shop"));
        assertEquals("Class 'dev.carafe.gateway.servlet.TestApplications' has no public static field or no-argument"
                + " method 'APP' (init parameter application='" + spec + "').", e.getMessage());
    }

    @Test
    void memberThatIsNotAnApplicationIsRejected() {
        String spec = TestApplications.class.getName() + ":NOT_AN_APPLICATION";
        ServletException e = assertThrows(ServletException.class,
                () -> ApplicationLoader.load(spec, List.of(getClass().getClassLoader()), "shop"));
        assertEquals("Init parameter application='" + spec + "' gives a java.lang.String, not an"
                + " dev.carafe.gateway.Application; name a class implementing it, or a static field or method holding"
                + " one.", e.getMessage());
    }

    @Test
    void classThatCannotBeLoadedIsRejected() {
        ServletException e = assertThrows(ServletException.class,
                () -> ApplicationLoader.load("com.example.Missing", List.of(getClass().getClassLoader()), "shop"));
        assertEquals("Init parameter application='com.example.Missing' names class 'com.example.Missing', which"
                + " cannot be loaded (java.lang.ClassNotFoundException: com.example.Missing); check the spelling and"
                + " that the class is in the web application.", e.getMessage());
    }
}
