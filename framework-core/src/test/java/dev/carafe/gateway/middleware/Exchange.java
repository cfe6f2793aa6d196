package dev.carafe.gateway.middleware;

import dev.carafe.gateway.Application;
import dev.carafe.gateway.BodyWriter;
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
import java.util.Optional;

/**
 * Calls an application directly, the way a server would: a valid environ, a start-response that
 * records the status and headers (honouring excInfo), the body collected chunk by chunk, and the
 * body closed at the end whatever happened.
 */
final class Exchange {

    /** What came back: status, headers, each chunk, and the whole body. */
    record Result(String status, List<Header> headers, List<byte[]> chunks, byte[] body) {

        int code() {
            return Integer.parseInt(status.substring(0, 3));
        }

        Optional<String> header(String name) {
            return headers.stream().filter(h -> h.is(name)).map(Header::value).findFirst();
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private Exchange() {
    }

    /** A valid environ for a request; the target is split into a decoded PATH_INFO and QUERY_STRING. */
    static Map<String, Object> environ(String method, String target, String... headerPairs) {
        Map<String, Object> environ = new HashMap<>();
        int q = target.indexOf('?');
        String rawPath = q < 0 ? target : target.substring(0, q);
        environ.put(Environ.REQUEST_METHOD, method);
        environ.put(Environ.SCRIPT_NAME, "");
        environ.put(Environ.PATH_INFO, Environ.decodePath(rawPath));
        environ.put(Environ.QUERY_STRING, q < 0 ? "" : target.substring(q + 1));
        environ.put(Environ.REQUEST_URI, target);
        environ.put(Environ.SERVER_NAME, "localhost");
        environ.put(Environ.SERVER_PORT, "80");
        environ.put(Environ.SERVER_PROTOCOL, "HTTP/1.1");
        environ.put(Environ.REMOTE_ADDR, "10.0.0.1");
        environ.put(Environ.GATEWAY_VERSION, Environ.VERSION_1_0);
        environ.put(Environ.GATEWAY_URL_SCHEME, "http");
        environ.put(Environ.GATEWAY_INPUT, new ByteArrayInputStream(new byte[0]));
        environ.put(Environ.GATEWAY_ERRORS, new PrintWriter(new StringWriter()));
        environ.put(Environ.GATEWAY_MULTITHREAD, Boolean.TRUE);
        environ.put(Environ.GATEWAY_MULTIPROCESS, Boolean.FALSE);
        environ.put(Environ.GATEWAY_RUN_ONCE, Boolean.FALSE);
        environ.put(Environ.GATEWAY_INPUT_TERMINATED, Boolean.TRUE);
        for (int i = 0; i < headerPairs.length; i += 2) {
            environ.put(Environ.headerKey(headerPairs[i]).orElseThrow(), headerPairs[i + 1]);
        }
        return environ;
    }

    static Result run(Application app, String method, String target, String... headerPairs) throws Exception {
        return run(app, environ(method, target, headerPairs));
    }

    /** Runs the application; the body is closed even when iteration throws (the exception propagates). */
    static Result run(Application app, Map<String, Object> environ) throws Exception {
        String[] status = new String[1];
        List<List<Header>> headers = new ArrayList<>();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        List<byte[]> chunks = new ArrayList<>();
        BodyWriter writer = chunk -> {
            all.writeBytes(chunk);
            chunks.add(chunk);
        };
        StartResponse startResponse = (line, list, excInfo) -> {
            if (status[0] != null && excInfo == null) {
                throw new IllegalStateException("start called twice without excInfo");
            }
            status[0] = line;
            headers.clear();
            headers.add(List.copyOf(list));
            return writer;
        };
        Iterable<byte[]> body = app.call(environ, startResponse);
        try {
            for (byte[] chunk : body) {
                all.writeBytes(chunk);
                chunks.add(chunk);
            }
        } finally {
            if (body instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
        if (status[0] == null) {
            throw new IllegalStateException("the application never called start");
        }
        return new Result(status[0], headers.get(0), chunks, all.toByteArray());
    }
}
