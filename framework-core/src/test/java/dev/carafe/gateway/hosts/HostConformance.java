package dev.carafe.gateway.hosts;

/**
 * The host conformance kit: every case a host must pass to run gateway applications unchanged.
 * A host joins by one small class that implements this interface and returns its
 * {@link HostFixture}: the mount point it gives applications, its {@link HostCapabilities} and how
 * to start it; see {@link JdkRootHostTest} or {@link GatewayServerHostTest}.
 */
interface HostConformance extends EnvironCases, RequestBodyCases, ResponseCases, BodyCases {
}
