package dev.carafe.gateway.hosts;

import dev.carafe.gateway.jdk.JdkServer;
import java.net.InetSocketAddress;

// tag::host[]
/** The kit against the JDK HTTP server, the application at the root context "/". */
class JdkRootHostTest implements HostConformance {

    private final HostFixture fixture = new HostFixture("", HostCapabilities.ADAPTER.withEagerContinue(), app -> {
        JdkServer server = JdkServer.start(app, new InetSocketAddress("127.0.0.1", 0));
        return new HostFixture.Running(server.port(), server);
    });

    @Override
    public HostFixture fixture() {
        return fixture;
    }
}
// end::host[]
