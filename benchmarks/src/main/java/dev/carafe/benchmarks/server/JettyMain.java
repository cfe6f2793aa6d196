package dev.carafe.benchmarks.server;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * Raw Jetty 12 core serving the wrk benchmark: one {@code Handler}, no servlets.
 *
 * <p>The handler is non-blocking (it only writes bytes it already has), so Jetty may run it on the
 * selector thread. Selectors: one per core, as Undertow's I/O threads (Jetty's default would be
 * one on two cores); acceptors and the {@code QueuedThreadPool} (8..200 threads) keep Jetty's
 * defaults. Jetty adds {@code Date} and {@code Server: Jetty(12.x)}.
 *
 * <pre>{@code java -cp benchmarks/target/benchmarks.jar dev.carafe.benchmarks.server.JettyMain 8080}</pre>
 */
public final class JettyMain {

    private JettyMain() {
    }

    /**
     * Starts the server and keeps it running until the process is stopped.
     *
     * @param args the port to listen on
     * @throws Exception if Jetty cannot start, for example because the port is taken
     */
    public static void main(String[] args) throws Exception {
        int port = HelloWorld.port(args);
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server, -1, HelloWorld.cores());
        connector.setHost(HelloWorld.HOST);
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(new HelloHandler());
        server.setStopAtShutdown(true);
        server.start();
        HelloWorld.announce("jetty", port);
        server.join();
    }

    /** The two paths; anything else falls through to Jetty's 404. Jetty's API requires extending. */
    private static final class HelloHandler extends Handler.Abstract.NonBlocking {

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            String path = Request.getPathInContext(request);
            if (HelloWorld.PLAINTEXT_PATH.equals(path)) {
                send(response, callback, HelloWorld.TEXT_PLAIN, HelloWorld.plaintext());
                return true;
            }
            if (HelloWorld.JSON_PATH.equals(path)) {
                send(response, callback, HelloWorld.APPLICATION_JSON, HelloWorld.json());
                return true;
            }
            return false;
        }

        private static void send(Response response, Callback callback, String contentType, byte[] body) {
            HttpFields.Mutable headers = response.getHeaders();
            headers.put(HttpHeader.CONTENT_TYPE, contentType);
            headers.put(HttpHeader.CONTENT_LENGTH, body.length);
            response.write(true, ByteBuffer.wrap(body), callback);
        }
    }
}
