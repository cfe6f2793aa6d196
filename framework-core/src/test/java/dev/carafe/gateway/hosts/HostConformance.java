package dev.carafe.gateway.hosts;

/**
 * The host conformance kit: every case a host must pass to run gateway applications unchanged.
 * A host joins by one small class that implements this interface and returns its
 * {@link HostFixture}: the mount point it gives applications, its {@link HostCapabilities} and how
 * to start it. For example, the gateway server:
 *
 * <pre>{@code
 * class GatewayServerHostTest implements HostConformance {
 *     private final HostFixture fixture = new HostFixture("", new HostCapabilities(true, true, false), app -> {
 *         GatewayServer server = GatewayServer.start(app, ServerSettings.builder().host("127.0.0.1").port(0).build());
 *         return new HostFixture.Running(server.port(), server::close);
 *     });
 *
 *     public HostFixture fixture() {
 *         return fixture;
 *     }
 * }
 * }</pre>
 */
interface HostConformance extends EnvironCases, RequestBodyCases, ResponseCases, BodyCases {
}
