package dev.carafe.benchmarks.server;

import java.nio.charset.StandardCharsets;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every wrk target serves, so that all of them send the same bytes: the two paths, the two
 * bodies and their content types, and the port argument every main takes.
 */
public final class HelloWorld {

    /** The plaintext path: answers {@link #PLAINTEXT} as {@link #TEXT_PLAIN}. */
    public static final String PLAINTEXT_PATH = "/plaintext";

    /** The JSON path: answers {@link #json()} as {@link #APPLICATION_JSON}. */
    public static final String JSON_PATH = "/json";

    /**
     * The blocking path, served by Carafe's target only: waits {@link #BLOCKING_MILLIS} ms (a
     * stand-in for a database query), then answers {@link #PLAINTEXT} as {@link #TEXT_PLAIN}. It
     * compares the server's thread modes on an application that blocks (benchmarks/RESULTS.md).
     */
    public static final String BLOCKING_PATH = "/blocking";

    /** How long {@link #BLOCKING_PATH} waits before it answers, in milliseconds. */
    public static final int BLOCKING_MILLIS = 20;

    /** The plaintext content type, exactly as every target sends it. */
    public static final String TEXT_PLAIN = "text/plain";

    /** The JSON content type, exactly as every target sends it. */
    public static final String APPLICATION_JSON = "application/json";

    /** The address every target listens on: wrk runs on the same machine. */
    public static final String HOST = "127.0.0.1";

    private static final byte[] PLAINTEXT = "Hello, World!".getBytes(StandardCharsets.US_ASCII);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private HelloWorld() {
    }

    /**
     * The plaintext body, {@code Hello, World!}.
     *
     * @return a fresh copy of the 13 bytes
     */
    public static byte[] plaintext() {
        return PLAINTEXT.clone();
    }

    /**
     * The JSON body: a new {@link Message} serialized by Jackson on every call, as the benchmark
     * requires (no cached bytes).
     *
     * @return {@code {"message":"Hello, World!"}} in UTF-8
     */
    public static byte[] json() {
        return JSON.writeValueAsBytes(new Message("Hello, World!"));
    }

    /**
     * The port every main takes as its only argument.
     *
     * @param args the main's arguments
     * @return the port, 1..65535
     * @throws IllegalArgumentException if there is not exactly one argument or it is not a port
     */
    public static int port(String[] args) {
        if (args.length != 1) {
            throw new IllegalArgumentException("expected one argument, the port to listen on (1..65535), got "
                    + args.length + " arguments; usage: java -cp benchmarks.jar <Main> 8080");
        }
        int port;
        try {
            port = Integer.parseInt(args[0]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("port must be a number 1..65535, got '" + args[0] + "'", e);
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port must be 1..65535, got " + port);
        }
        return port;
    }

    /**
     * The thread count every target uses for its I/O or worker threads where that is configurable:
     * one per core, as Undertow's default I/O thread count.
     *
     * @return {@link Runtime#availableProcessors()}
     */
    public static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * Prints the line {@code benchmarks/wrk.sh} and a human watch for: which server, where.
     *
     * @param server the server's name
     * @param port the port it listens on
     */
    public static void announce(String server, int port) {
        System.out.println(server + " listening on http://" + HOST + ":" + port + " (" + PLAINTEXT_PATH + ", "
                + JSON_PATH + "), " + cores() + " cores, java " + Runtime.version());
    }
}
