package dev.carafe.gateway.server;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carafe.gateway.Application;
import dev.carafe.gateway.Environ;
import dev.carafe.gateway.Header;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.time.Clock;
import java.util.List;
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
            EventLoops loops = EventLoops.open(1, threads, threads, address.getPort());
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

    @Test
    void aConnectionThatWaitedForItsBodyHoldsNoSelectorOnceParkedAgain() throws Exception {
        ServerSettings settings = ServerTestSupport.settings().build();
        Application echo = (environ, startResponse) -> {
            byte[] body = ((InputStream) environ.get(Environ.GATEWAY_INPUT)).readAllBytes();
            startResponse.start("200 OK", List.of(new Header("Content-Type", "text/plain")));
            return List.of(body);
        };
        ExecutorService threads = Executors.newCachedThreadPool();
        try (ServerSocketChannel listener = ServerSocketChannel.open()) {
            listener.bind(new InetSocketAddress("127.0.0.1", 0));
            InetSocketAddress address = (InetSocketAddress) listener.getLocalAddress();
            ServerContext context = new ServerContext(echo, settings, address, new DateCache(Clock.systemUTC()),
                    Optional.empty(), new PrintWriter(new StringWriter()), true, new ConnectionRegistry(10));
            EventLoops loops = EventLoops.open(1, threads, threads, address.getPort());
            loops.start();
            try (RawClient client = new RawClient(address.getPort())) {
                Connection connection = Connection.parked(context, listener.accept(), loops.next());
                context.registry().add(connection);
                connection.parkFirst();
                client.timeout(5000);
                for (int i = 0; i < 2; i++) {
                    // Half the body, then a pause: the serve waits for the rest on a selector of its own.
                    client.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nhello");
                    for (int wait = 0; wait < 100 && !connection.holdsWaitSelector(); wait++) {
                        Thread.sleep(10);
                    }
                    assertTrue(connection.holdsWaitSelector(), "the serve waited for the body's second half");
                    assertTrue(client.send("world").readResponse().endsWith("helloworld"));
                    for (int wait = 0; wait < 100 && connection.holdsWaitSelector(); wait++) {
                        Thread.sleep(10);
                    }
                    assertFalse(connection.holdsWaitSelector(), "parked again after request " + (i + 1)
                            + ", the connection holds nothing but its socket");
                }
            } finally {
                loops.close();
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
