package dev.carafe.gateway.server;

import dev.carafe.gateway.Environ;
import dev.carafe.gateway.FileWrapper;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Builds the environ of one request (PEP 3333 "environ Variables", gateway.md §1.2–1.4). */
final class EnvironBuilder {

    /** The {@code SERVER_SOFTWARE} value. */
    static final String SOFTWARE = "Carafe/0.1";

    private EnvironBuilder() {
    }

    static Map<String, Object> build(ServerContext server, RequestHead head, InputStream input,
            InetSocketAddress local, InetSocketAddress remote) {
        ServerSettings settings = server.settings();
        Map<String, Object> environ = new HashMap<>(64);
        environ.putAll(settings.environ());
        environ.put(Environ.REQUEST_METHOD, head.method());
        String path = Environ.decodePath(head.path());
        String scriptName = settings.scriptName();
        if (!scriptName.isEmpty()) {
            if (path.equals(scriptName)) {
                path = "";
            } else if (path.startsWith(scriptName + "/")) {
                path = path.substring(scriptName.length());
            }
            environ.put(Environ.SCRIPT_NAME, scriptName);
        } else {
            environ.put(Environ.SCRIPT_NAME, "");
        }
        environ.put(Environ.PATH_INFO, path);
        environ.put(Environ.QUERY_STRING, head.query());
        environ.put(Environ.REQUEST_URI, head.target());
        environ.put(Environ.SERVER_NAME, local.getAddress().getHostAddress());
        environ.put(Environ.SERVER_PORT, Integer.toString(local.getPort()));
        environ.put(Environ.SERVER_PROTOCOL, head.version());
        environ.put(Environ.SERVER_SOFTWARE, SOFTWARE);
        environ.put(Environ.REMOTE_ADDR, remote.getAddress().getHostAddress());
        environ.put(Environ.REMOTE_PORT, Integer.toString(remote.getPort()));
        if (settings.urlScheme().equals("https")) {
            environ.put(Environ.HTTPS, "on");
        }
        for (RequestHead.Field field : head.fields()) {
            Optional<String> key = Environ.headerKey(field.name());
            if (key.isEmpty() || field.name().equalsIgnoreCase("Transfer-Encoding")) {
                continue;
            }
            String name = key.get();
            String joiner = name.equals("HTTP_COOKIE") ? "; " : ", ";
            environ.merge(name, field.value(), (a, b) -> a + joiner + b);
        }
        head.host().ifPresent(host -> environ.put("HTTP_HOST", host));
        head.contentLength().ifPresent(length -> environ.put(Environ.CONTENT_LENGTH, Long.toString(length)));
        environ.put(Environ.GATEWAY_VERSION, Environ.VERSION_1_0);
        environ.put(Environ.GATEWAY_URL_SCHEME, settings.urlScheme());
        environ.put(Environ.GATEWAY_INPUT, input);
        environ.put(Environ.GATEWAY_ERRORS, server.errors());
        environ.put(Environ.GATEWAY_MULTITHREAD, server.multithread());
        environ.put(Environ.GATEWAY_MULTIPROCESS, Boolean.FALSE);
        environ.put(Environ.GATEWAY_RUN_ONCE, Boolean.FALSE);
        environ.put(Environ.GATEWAY_INPUT_TERMINATED, Boolean.TRUE);
        environ.put(Environ.GATEWAY_FILE_WRAPPER, FileWrapper.PLAIN);
        return environ;
    }
}
