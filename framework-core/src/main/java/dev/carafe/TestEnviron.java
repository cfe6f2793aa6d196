package dev.carafe;

import dev.carafe.gateway.Environ;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/** The environ of the made-up {@code GET} request of {@link App#testRequestContext}. */
final class TestEnviron {

    private TestEnviron() {
    }

    /**
     * Builds a complete environ for {@code GET target} on {@code http://localhost}.
     *
     * @param target a path with an optional query, for example {@code /users/7?tab=posts}
     * @param overrides entries added or replaced last
     * @return a fresh mutable environ
     */
    static Map<String, Object> build(String target, Map<String, ?> overrides) {
        Objects.requireNonNull(target, "target");
        if (!target.startsWith("/")) {
            throw new IllegalArgumentException("The target '" + target + "' must start with '/', for example "
                    + "\"/users/7?tab=posts\".");
        }
        int question = target.indexOf('?');
        String path = question < 0 ? target : target.substring(0, question);
        Map<String, Object> environ = new HashMap<>();
        environ.put(Environ.REQUEST_METHOD, "GET");
        environ.put(Environ.SCRIPT_NAME, "");
        environ.put(Environ.PATH_INFO, Environ.decodePath(path));
        environ.put(Environ.QUERY_STRING, question < 0 ? "" : target.substring(question + 1));
        environ.put(Environ.REQUEST_URI, target);
        environ.put(Environ.SERVER_NAME, "localhost");
        environ.put(Environ.SERVER_PORT, "80");
        environ.put(Environ.SERVER_PROTOCOL, "HTTP/1.1");
        environ.put(Environ.REMOTE_ADDR, "127.0.0.1");
        environ.put("HTTP_HOST", "localhost");
        environ.put(Environ.GATEWAY_VERSION, Environ.VERSION_1_0);
        environ.put(Environ.GATEWAY_URL_SCHEME, "http");
        environ.put(Environ.GATEWAY_INPUT, InputStream.nullInputStream());
        environ.put(Environ.GATEWAY_ERRORS, new PrintWriter(Writer.nullWriter()));
        environ.put(Environ.GATEWAY_MULTITHREAD, Boolean.FALSE);
        environ.put(Environ.GATEWAY_MULTIPROCESS, Boolean.FALSE);
        environ.put(Environ.GATEWAY_RUN_ONCE, Boolean.FALSE);
        environ.put(Environ.GATEWAY_INPUT_TERMINATED, Boolean.TRUE);
        environ.putAll(overrides);
        return environ;
    }
}
