package dev.carafe.benchmarks.app;

import dev.carafe.App;
import dev.carafe.benchmarks.server.HelloApplication;
import dev.carafe.gateway.Application;
import dev.carafe.gateway.Environ;
import dev.carafe.gateway.StartResponse;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The App's per-request cost without the server and the network: one gateway call of
 * {@link ApiApp} (an App with 50 rules) and of the raw {@link HelloApplication}, on
 * {@code GET /plaintext} and {@code GET /json}, each with a fresh environ as the server builds one
 * and the body iterated as the server would. With {@code -prof gc} it gives the bytes the App
 * allocates per request on top of the raw application.
 *
 * <pre>{@code java -jar benchmarks/target/benchmarks.jar 'app.DispatchBenchmark' -f 1 -wi 3 -i 5 -prof gc}</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DispatchBenchmark {

    private static final StartResponse START = (status, headers, excInfo) -> chunk -> { };

    App app;
    Application raw;
    Map<String, Object> plaintext;
    Map<String, Object> json;

    @Setup
    public void setup() throws Exception {
        app = ApiApp.create();
        raw = new HelloApplication();
        plaintext = environ("/plaintext");
        json = environ("/json");
        for (Map<String, Object> environ : List.of(plaintext, json)) {
            int expected = send(raw, environ);
            if (send(app, environ) != expected || expected == 0) {
                throw new IllegalStateException("the App and the raw application answer " + environ.get(Environ.PATH_INFO)
                        + " with different bodies");
            }
        }
    }

    /** The environ GatewayServer builds for {@code GET path} from wrk. */
    private static Map<String, Object> environ(String path) {
        Map<String, Object> environ = new HashMap<>();
        environ.put(Environ.REQUEST_METHOD, "GET");
        environ.put(Environ.SCRIPT_NAME, "");
        environ.put(Environ.PATH_INFO, path);
        environ.put(Environ.QUERY_STRING, "");
        environ.put(Environ.REQUEST_URI, path);
        environ.put(Environ.SERVER_NAME, "127.0.0.1");
        environ.put(Environ.SERVER_PORT, "8080");
        environ.put(Environ.SERVER_PROTOCOL, "HTTP/1.1");
        environ.put(Environ.REMOTE_ADDR, "127.0.0.1");
        environ.put(Environ.REMOTE_PORT, "50000");
        environ.put("HTTP_HOST", "127.0.0.1:8080");
        environ.put(Environ.GATEWAY_VERSION, List.of(1, 0));
        environ.put(Environ.GATEWAY_URL_SCHEME, "http");
        environ.put(Environ.GATEWAY_INPUT, new ByteArrayInputStream(new byte[0]));
        environ.put(Environ.GATEWAY_ERRORS, new PrintWriter(OutputStream.nullOutputStream()));
        environ.put(Environ.GATEWAY_MULTITHREAD, true);
        environ.put(Environ.GATEWAY_MULTIPROCESS, false);
        environ.put(Environ.GATEWAY_RUN_ONCE, false);
        environ.put(Environ.GATEWAY_INPUT_TERMINATED, true);
        return environ;
    }

    /** One request as the server makes it: a fresh environ, the call, every chunk; returns the body's length. */
    private static int send(Application application, Map<String, Object> template) throws Exception {
        Iterable<byte[]> body = application.call(new HashMap<>(template), START);
        int length = 0;
        for (byte[] chunk : body) {
            length += chunk.length;
        }
        if (body instanceof AutoCloseable closeable) {
            closeable.close();
        }
        return length;
    }

    @Benchmark
    public int appPlaintext() throws Exception {
        return send(app, plaintext);
    }

    @Benchmark
    public int rawPlaintext() throws Exception {
        return send(raw, plaintext);
    }

    @Benchmark
    public int appJson() throws Exception {
        return send(app, json);
    }

    @Benchmark
    public int rawJson() throws Exception {
        return send(raw, json);
    }
}
