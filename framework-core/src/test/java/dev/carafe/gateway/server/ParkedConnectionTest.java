package dev.carafe.gateway.server;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** A connection parked on an event loop between requests, seen from the inside. */
class ParkedConnectionTest {

    @Test
    void aParkedConnectionHoldsNoBuffersAndGetsThemBackForItsNextRequest() throws Exception {
        ServerSettings settings = ServerTestSupport.settings().build();
        ExecutorService threads = Executors.newCachedThreadPool();
        try (ServerSocketChannel listener = ServerSocketChannel.open()) {
            listener.bind(new InetSocketAddress("127.0.0.1", 0));
            InetSocketAddress address = (InetSocketAddress) listener.getLocalAddress();
            ServerContext context = new ServerContext(ServerTestSupport.text("ok"), settings, address,
                    new DateCache(Clock.systemUTC()), Optional.empty(), new PrintWriter(new StringWriter()), true,
                    new ConnectionRegistry(10));
            EventLoops loops = EventLoops.open(1, threads, address.getPort());
            loops.start();
            try (RawClient client = new RawClient(address.getPort())) {
                Connection connection = Connection.parked(context, listener.accept(), loops.next());
                context.registry().add(connection);
                assertFalse(connection.holdsBuffers(), "a new connection waits for its first request without buffers");
                connection.parkFirst();
                client.timeout(5000);
                for (int i = 0; i < 3; i++) {
                    assertTrue(client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").readResponse().endsWith("ok"));
                    // The loop takes the buffers back right after it parks the connection, just
                    // after the response left: give it a moment.
                    for (int wait = 0; wait < 100 && connection.holdsBuffers(); wait++) {
                        Thread.sleep(10);
                    }
                    assertFalse(connection.holdsBuffers(), "parked again after request " + (i + 1));
                }
            } finally {
                loops.close();
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
