package dev.carafe.gateway.hosts;

import dev.carafe.gateway.servlet.GatewayServlet;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The kit against the Servlet adapter in embedded Jetty 12 (ee11): context path "/ctx", servlet
 * mapping "/app/*", so SCRIPT_NAME is "/ctx/app". Jetty rejects an encoded '/' by default; this
 * host allows it (URI compliance and ambiguous-URI decoding), as docs/adapters.md explains.
 */
class JettyHostTest implements HostConformance {

    private final HostFixture fixture = new HostFixture("/ctx/app", HostCapabilities.ADAPTER, app -> {
        Server server = new Server();
        HttpConfiguration http = new HttpConfiguration();
        http.setUriCompliance(UriCompliance.DEFAULT.with("encoded-slash",
                UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR));
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/ctx");
        context.addServlet(new ServletHolder(new GatewayServlet(app)), "/app/*");
        context.getServletHandler().setDecodeAmbiguousURIs(true);
        server.setHandler(context);
        server.start();
        return new HostFixture.Running(connector.getLocalPort(), server::stop);
    });

    @Override
    public HostFixture fixture() {
        return fixture;
    }
}
