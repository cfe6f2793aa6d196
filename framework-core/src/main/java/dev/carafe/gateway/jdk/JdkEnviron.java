package dev.carafe.gateway.jdk;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsExchange;
import dev.carafe.gateway.Environ;
import dev.carafe.gateway.host.Hosting;
import dev.carafe.gateway.host.PathSplit;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds the environ of one {@code com.sun.net.httpserver} exchange. */
final class JdkEnviron {

    private static final String SOFTWARE = "jdk.httpserver/" + Runtime.version().feature();

    private JdkEnviron() {
    }

    /** The environ, or empty if the request path lies outside the context's mount point. */
    static Optional<Map<String, Object>> of(HttpExchange exchange, PrintWriter errors) {
        URI target = exchange.getRequestURI();
        String rawPath = target.getRawPath() == null ? "" : target.getRawPath();
        Optional<PathSplit> split = PathSplit.of(rawPath, mount(exchange.getHttpContext().getPath()));
        if (split.isEmpty()) {
            return Optional.empty();
        }
        boolean https = exchange instanceof HttpsExchange;
        String scheme = https ? "https" : "http";
        Map<String, Object> environ = new HashMap<>();
        environ.put(Environ.REQUEST_METHOD, exchange.getRequestMethod());
        environ.put(Environ.SCRIPT_NAME, split.get().scriptName());
        environ.put(Environ.PATH_INFO, split.get().pathInfo());
        environ.put(Environ.QUERY_STRING, target.getRawQuery() == null ? "" : target.getRawQuery());
        environ.put(Environ.REQUEST_URI, target.toString());
        environ.put(Environ.RAW_URI, target.toString());
        environ.put(Environ.SERVER_PROTOCOL, exchange.getProtocol());
        environ.put(Environ.SERVER_SOFTWARE, SOFTWARE);
        exchange.getRequestHeaders().forEach((name, values) -> putHeader(environ, name, values));
        putServer(environ, exchange, scheme);
        InetSocketAddress remote = exchange.getRemoteAddress();
        environ.put(Environ.REMOTE_ADDR, remote.getAddress().getHostAddress());
        environ.put(Environ.REMOTE_PORT, Integer.toString(remote.getPort()));
        if (https) {
            environ.put(Environ.HTTPS, "on");
        }
        environ.put(Environ.GATEWAY_VERSION, Environ.VERSION_1_0);
        environ.put(Environ.GATEWAY_URL_SCHEME, scheme);
        environ.put(Environ.GATEWAY_INPUT, Hosting.input(exchange.getRequestBody()));
        environ.put(Environ.GATEWAY_ERRORS, errors);
        environ.put(Environ.GATEWAY_MULTITHREAD, Boolean.TRUE);
        environ.put(Environ.GATEWAY_MULTIPROCESS, Boolean.FALSE);
        environ.put(Environ.GATEWAY_RUN_ONCE, Boolean.FALSE);
        environ.put(Environ.GATEWAY_INPUT_TERMINATED, Boolean.TRUE);
        return Optional.of(environ);
    }

    /** The mount point of a context path: "/" is the root (""), a trailing slash is dropped. */
    static String mount(String contextPath) {
        String mount = contextPath.endsWith("/") ? contextPath.substring(0, contextPath.length() - 1) : contextPath;
        return new String(mount.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    private static void putHeader(Map<String, Object> environ, String name, List<String> values) {
        Environ.headerKey(name).ifPresent(key ->
                environ.put(key, String.join(name.equalsIgnoreCase("Cookie") ? "; " : ", ", values)));
    }

    /**
     * SERVER_NAME and SERVER_PORT from the Host header when it has a name and a decimal port (or
     * none), else from the local address: the JDK's server does not check Host, and SERVER_PORT is
     * decimal digits whatever a client sends.
     */
    private static void putServer(Map<String, Object> environ, HttpExchange exchange, String scheme) {
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (host != null && !host.isBlank()) {
            int close = host.startsWith("[") ? host.indexOf(']') : -1;
            int colon = host.indexOf(':', Math.max(close, 0));
            String name = colon < 0 ? host : host.substring(0, colon);
            String port = colon < 0 ? (scheme.equals("https") ? "443" : "80") : host.substring(colon + 1);
            if (!name.isEmpty() && !port.isEmpty() && port.length() <= 5
                    && port.chars().allMatch(c -> c >= '0' && c <= '9')) {
                environ.put(Environ.SERVER_NAME, name);
                environ.put(Environ.SERVER_PORT, port);
                return;
            }
        }
        InetSocketAddress local = exchange.getLocalAddress();
        environ.put(Environ.SERVER_NAME, local.getAddress().getHostAddress());
        environ.put(Environ.SERVER_PORT, Integer.toString(local.getPort()));
    }
}
