package dev.carafe.gateway.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MainTest {

    private final ExecutorService runner = Executors.newSingleThreadExecutor();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final CompletableFuture<GatewayServer> started = new CompletableFuture<>();

    @AfterEach
    void stopWhatWasStarted() {
        started.thenAccept(GatewayServer::close);
        runner.shutdownNow();
    }

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), started::complete);
    }

    static String get(int port, String path) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    /** A request that says it is from 203.0.113.7 over https, as a proxy would forward it. */
    private static String getForwarded(int port) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(("GET / HTTP/1.1\r\nHost: test\r\nX-Forwarded-For: 203.0.113.7\r\n"
                    + "X-Forwarded-Proto: https\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void theCommandLineServesTheNamedApplicationUntilItIsStopped() throws Exception {
        Future<Integer> status = runner.submit(() -> run(CommandLineApps.Hello.class.getName() + ":factory",
                "--bind", "127.0.0.1:0", "--threads", "platform", "--platform-threads", "2", "--server-header", "Test"));
        GatewayServer server = started.get(10, TimeUnit.SECONDS);
        String response = get(server.port(), "/");
        assertTrue(response.startsWith("HTTP/1.1 200 OK\r\n"), response);
        assertTrue(response.contains("\r\nServer: Test\r\n"), response);
        assertTrue(response.endsWith("\r\n\r\nmethod"), response);
        server.stop(java.time.Duration.ofSeconds(1));
        assertEquals(0, status.get(10, TimeUnit.SECONDS));
        assertEquals("Carafe gateway server: serving " + CommandLineApps.Hello.class.getName() + ":factory on "
                + "http://127.0.0.1:" + server.port() + " (threads: a pool of 2 platform threads, mode platform)\n"
                + "Carafe gateway server: stopped.\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void proxyFixWrapsTheApplicationSoItSeesTheClientBehindTheProxy() throws Exception {
        runner.submit(() -> run(CommandLineApps.Hello.class.getName() + ":client", "--bind", "127.0.0.1:0",
                "--proxy-fix", "for=1,proto=1"));
        GatewayServer server = started.get(10, TimeUnit.SECONDS);
        String response = getForwarded(server.port());
        assertTrue(response.endsWith("\r\n\r\n203.0.113.7 https"), response);
        String direct = get(server.port(), "/");
        assertTrue(direct.endsWith("\r\n\r\n127.0.0.1 http"), "no forwarded headers: the peer as it is");
    }

    @Test
    void forwardedAllowIpsMakesProxyFixIgnoreThePeersItDoesNotName() throws Exception {
        runner.submit(() -> run(CommandLineApps.Hello.class.getName() + ":client", "--bind", "127.0.0.1:0",
                "--proxy-fix", "for=1,proto=1", "--forwarded-allow-ips", "10.0.0.0/8,fd00::/8"));
        GatewayServer server = started.get(10, TimeUnit.SECONDS);
        String response = getForwarded(server.port());
        assertTrue(response.endsWith("\r\n\r\n127.0.0.1 http"), "127.0.0.1 is not a named proxy: " + response);
    }

    @Test
    void helpAndVersionPrintAndExitWithZero() {
        assertEquals(0, run("--help"));
        assertEquals(CommandLine.usage(), out.toString(StandardCharsets.UTF_8));
        out.reset();
        assertEquals(0, run("--version"));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("Carafe gateway server 0.1 (Java "));
    }

    @Test
    void aBadCommandLineExitsWithTwoAndSaysWhy() {
        assertEquals(Main.USAGE_ERROR, run("com.example.Helo:app"));
        assertEquals("carafe: class not found: com.example.Helo (is it on the classpath? -cp must list the folder "
                + "or jar that holds it)\n", err.toString(StandardCharsets.UTF_8));
        err.reset();
        assertEquals(Main.USAGE_ERROR, run(CommandLineApps.Hello.class.getName(), "--backlog", "0"));
        assertEquals("carafe: --backlog: expected a whole number of 1 or more, got '0'\n",
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aPortInUseExitsWithOne() throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            assertEquals(Main.START_FAILED, run(CommandLineApps.Hello.class.getName(), "--bind",
                    "127.0.0.1:" + taken.getLocalPort()));
            assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("carafe: cannot start the server on 127.0.0.1:"
                    + taken.getLocalPort() + ": "), err.toString(StandardCharsets.UTF_8));
        }
    }
}
