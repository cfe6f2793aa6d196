package dev.carafe.gateway.hosts;

import dev.carafe.gateway.server.GatewayServer;
import dev.carafe.gateway.server.ServerSettings;

/** The kit against Carafe's own gateway server, the application at the root. */
class GatewayServerHostTest implements HostConformance {

    private final HostFixture fixture = new HostFixture("", HostCapabilities.ADAPTER.withReasonPhrase(), app -> {
        GatewayServer server = GatewayServer.start(app, ServerSettings.builder().host("127.0.0.1").port(0).build());
        return new HostFixture.Running(server.port(), server);
    });

    @Override
    public HostFixture fixture() {
        return fixture;
    }
}
