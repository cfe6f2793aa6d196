package dev.carafe.gateway.validator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.carafe.gateway.Application;
import dev.carafe.gateway.Environ;
import dev.carafe.gateway.Header;
import dev.carafe.gateway.StartResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.function.Executable;

/** A minimal server for the validator's tests: a valid environ, a recording start, a loop that closes the body. */
final class Harness {

    final List<String> warnings = new ArrayList<>();
    final Validator validator = Validator.create(warnings::add);
    final StringWriter errors = new StringWriter();
    String status;
    List<Header> headers;
    final ByteArrayOutputStream sent = new ByteArrayOutputStream();
    int chunks;
    boolean headersSent;

    /** A valid environ for {@code GET /hello?x=1} with the given body. */
    HashMap<String, Object> environ(String body) {
        HashMap<String, Object> environ = new HashMap<>();
        environ.put(Environ.REQUEST_METHOD, "GET");
        environ.put(Environ.SCRIPT_NAME, "");
        environ.put(Environ.PATH_INFO, "/hello");
        environ.put(Environ.QUERY_STRING, "x=1");
        environ.put(Environ.SERVER_NAME, "localhost");
        environ.put(Environ.SERVER_PORT, "80");
        environ.put(Environ.SERVER_PROTOCOL, "HTTP/1.1");
        environ.put(Environ.REMOTE_ADDR, "127.0.0.1");
        environ.put("HTTP_HOST", "localhost");
        environ.put(Environ.GATEWAY_VERSION, Environ.VERSION_1_0);
        environ.put(Environ.GATEWAY_URL_SCHEME, "http");
        environ.put(Environ.GATEWAY_INPUT, new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
        environ.put(Environ.GATEWAY_ERRORS, new PrintWriter(errors, true));
        environ.put(Environ.GATEWAY_MULTITHREAD, false);
        environ.put(Environ.GATEWAY_MULTIPROCESS, false);
        environ.put(Environ.GATEWAY_RUN_ONCE, false);
        environ.put(Environ.GATEWAY_INPUT_TERMINATED, true);
        return environ;
    }

    HashMap<String, Object> environ() {
        return environ("");
    }

    /** A recording server side of start. */
    StartResponse startResponse() {
        return (newStatus, newHeaders, excInfo) -> {
            if (status != null && excInfo == null) {
                throw new IllegalStateException("second start without excInfo reached the server");
            }
            if (headersSent && excInfo != null) {
                throw (Exception) excInfo;
            }
            status = newStatus;
            headers = newHeaders;
            return chunk -> {
                headersSent |= chunk.length > 0;
                sent.write(chunk);
            };
        };
    }

    /** Serves one request: calls the validated app, sends every chunk, closes the body. */
    String serve(Map<String, Object> environ, Application app) throws Exception {
        Iterable<byte[]> body = validator.wrap(app).call(environ, startResponse());
        try {
            for (byte[] chunk : body) {
                chunks++;
                headersSent |= chunk.length > 0;
                sent.write(chunk);
            }
        } finally {
            ((AutoCloseable) body).close();
        }
        return sent.toString(StandardCharsets.UTF_8);
    }

    String serve(Application app) throws Exception {
        return serve(environ(), app);
    }

    /** Asserts that serving fails with a violation of the rule and returns its message. */
    String violation(int rule, Executable serving) {
        GatewayViolation e = assertThrows(GatewayViolation.class, serving);
        assertEquals(rule, e.rule(), e.getMessage());
        return e.getMessage();
    }

    static Application text(String status, String text) {
        return (environ, startResponse) -> {
            startResponse.start(status, List.of(new Header("Content-Type", "text/plain")));
            return List.of(text.getBytes(StandardCharsets.UTF_8));
        };
    }

    static Application ok() {
        return text("200 OK", "ok");
    }
}
