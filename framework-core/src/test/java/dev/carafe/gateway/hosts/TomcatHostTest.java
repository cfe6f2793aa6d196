package dev.carafe.gateway.hosts;

import dev.carafe.gateway.Application;
import dev.carafe.gateway.servlet.GatewayServlet;
import java.nio.file.Path;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kit against the Servlet adapter in embedded Tomcat 11: root context, default mapping "/",
 * so SCRIPT_NAME is "" and the whole path is PATH_INFO. Tomcat rejects an encoded '/' by
 * default; this host passes it through ({@code encodedSolidusHandling}), as docs/adapters.md
 * explains.
 */
class TomcatHostTest implements HostConformance {

    private final HostFixture fixture;

    /** @param baseDir Tomcat's work directory, one for the whole class (the host runs for all its cases) */
    TomcatHostTest(@TempDir Path baseDir) {
        fixture = new HostFixture("", HostCapabilities.ADAPTER.withEagerContinue().withoutNotModifiedLength(),
                app -> start(app, baseDir));
    }

    static HostFixture.Running start(Application app, Path baseDir) throws LifecycleException {
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(baseDir.toString());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        connector.setEncodedSolidusHandling("passthrough");
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", null);
        Tomcat.addServlet(context, "gateway", new GatewayServlet(app));
        context.addServletMappingDecoded("/", "gateway");
        tomcat.start();
        return new HostFixture.Running(connector.getLocalPort(), () -> {
            tomcat.stop();
            tomcat.destroy();
        });
    }

    @Override
    public HostFixture fixture() {
        return fixture;
    }
}
