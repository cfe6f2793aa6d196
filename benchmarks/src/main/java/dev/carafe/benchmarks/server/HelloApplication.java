package dev.carafe.benchmarks.server;

import dev.carafe.gateway.Application;
import dev.carafe.gateway.Environ;
import dev.carafe.gateway.Header;
import dev.carafe.gateway.StartResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The wrk benchmark as a raw gateway application, written against {@link Application},
 * {@link StartResponse} and {@link Header} only: the TechEmpower-style app with no framework, and
 * {@link HelloWorld#BLOCKING_PATH}, an answer that blocks its thread first.
 *
 * <p>It reads {@code PATH_INFO}, starts the response with {@code Content-Type} and
 * {@code Content-Length}, and returns the body as one chunk. The header list is a fresh mutable
 * list per request because the contract lets the server modify it.
 */
public final class HelloApplication implements Application {

    private static final String OK = "200 OK";

    @Override
    public Iterable<byte[]> call(Map<String, Object> environ, StartResponse startResponse) throws Exception {
        Object path = environ.get(Environ.PATH_INFO);
        if (HelloWorld.PLAINTEXT_PATH.equals(path)) {
            return respond(startResponse, HelloWorld.TEXT_PLAIN, HelloWorld.plaintext());
        }
        if (HelloWorld.JSON_PATH.equals(path)) {
            return respond(startResponse, HelloWorld.APPLICATION_JSON, HelloWorld.json());
        }
        if (HelloWorld.BLOCKING_PATH.equals(path)) {
            Thread.sleep(HelloWorld.BLOCKING_MILLIS);
            return respond(startResponse, HelloWorld.TEXT_PLAIN, HelloWorld.plaintext());
        }
        startResponse.start("404 Not Found", headers("text/plain", 0));
        return List.of();
    }

    private static Iterable<byte[]> respond(StartResponse startResponse, String contentType, byte[] body)
            throws Exception {
        startResponse.start(OK, headers(contentType, body.length));
        return List.of(body);
    }

    private static List<Header> headers(String contentType, int contentLength) {
        List<Header> headers = new ArrayList<>(2);
        headers.add(new Header("Content-Type", contentType));
        headers.add(new Header("Content-Length", Integer.toString(contentLength)));
        return headers;
    }
}
