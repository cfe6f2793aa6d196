package dev.carafe.gateway.hosts;

import com.sun.net.httpserver.HttpServer;
import dev.carafe.gateway.jdk.GatewayHandler;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The kit against the JDK HTTP server, the application in the context "/shop". */
class JdkMountedHostTest implements HostConformance {

    private final HostFixture fixture = new HostFixture("/shop", HostCapabilities.ADAPTER.withEagerContinue(), app -> {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/shop", GatewayHandler.of(app));
        ExecutorService threads = Executors.newCachedThreadPool();
        server.setExecutor(threads);
        server.start();
        return new HostFixture.Running(server.getAddress().getPort(), () -> {
            server.stop(0);
            threads.shutdownNow();
        });
    });

    @Override
    public HostFixture fixture() {
        return fixture;
    }
}
