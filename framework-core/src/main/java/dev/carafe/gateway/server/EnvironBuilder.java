package dev.carafe.gateway.server;

import dev.carafe.gateway.Environ;
import dev.carafe.gateway.FileWrapper;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the environ of each request of one connection (PEP 3333 "environ Variables", gateway.md
 * §1.2–1.4). What is fixed for the connection (the addresses of both ends) is formatted once, and
 * the {@code HTTP_*} keys of the header names the client sent are remembered, so that a request on
 * a persistent connection mostly fills a fresh map.
 */
final class EnvironBuilder {

    /** The {@code SERVER_SOFTWARE} value. */
    static final String SOFTWARE = "Carafe/0.1";

    /** How many distinct header names one connection remembers the keys of. */
    private static final int REMEMBERED_NAMES = 64;

    private final ServerContext server;
    private final Map<String, String> configured;
    private final String serverName;
    private final String serverPort;
    private final String remoteAddr;
    private final String remotePort;
    /** The mount point as it appears in a raw request path (percent-encoded where it must be); "" for none. */
    private final String rawScriptName;
    private final Map<String, Optional<String>> headerKeys = new HashMap<>();

    EnvironBuilder(ServerContext server, InetSocketAddress local, InetSocketAddress remote) {
        this.server = server;
        this.configured = server.settings().environ();
        this.serverName = local.getAddress().getHostAddress();
        this.serverPort = Integer.toString(local.getPort());
        this.remoteAddr = remote.getAddress().getHostAddress();
        this.remotePort = Integer.toString(remote.getPort());
        this.rawScriptName = Environ.quotePath(server.settings().scriptName());
    }

    /** @return the client's address, the {@code REMOTE_ADDR} of the connection's requests */
    String remoteAddr() {
        return remoteAddr;
    }

    /** @return a fresh environ for the request */
    Map<String, Object> build(RequestHead head, InputStream input) {
        ServerSettings settings = server.settings();
        Map<String, Object> environ = new HashMap<>(64);
        environ.putAll(configured);
        environ.put(Environ.REQUEST_METHOD, head.method());
        // The mount point is matched on the raw path, so that an encoded slash (/app%2Fx) is not a
        // segment boundary; a path outside it keeps SCRIPT_NAME "" so that the URL rebuilt from the
        // environ is the one the client asked for.
        String raw = head.path();
        String scriptName = settings.scriptName();
        boolean mounted = !scriptName.isEmpty() && raw.startsWith(rawScriptName)
                && (raw.length() == rawScriptName.length() || raw.charAt(rawScriptName.length()) == '/');
        environ.put(Environ.SCRIPT_NAME, mounted ? scriptName : "");
        environ.put(Environ.PATH_INFO, Environ.decodePath(mounted ? raw.substring(rawScriptName.length()) : raw));
        environ.put(Environ.QUERY_STRING, head.query());
        environ.put(Environ.REQUEST_URI, head.target());
        environ.put(Environ.RAW_URI, head.target());
        environ.put(Environ.SERVER_NAME, serverName);
        environ.put(Environ.SERVER_PORT, serverPort);
        environ.put(Environ.SERVER_PROTOCOL, head.version());
        environ.put(Environ.SERVER_SOFTWARE, SOFTWARE);
        environ.put(Environ.REMOTE_ADDR, remoteAddr);
        environ.put(Environ.REMOTE_PORT, remotePort);
        if (settings.urlScheme().equals("https")) {
            environ.put(Environ.HTTPS, "on");
        }
        for (RequestHead.Field field : head.fields()) {
            Optional<String> key = headerKey(field.name());
            if (key.isEmpty() || key.get().equals("HTTP_TRANSFER_ENCODING")) {
                continue;
            }
            String name = key.get();
            Object previous = environ.putIfAbsent(name, field.value());
            if (previous != null) {
                environ.put(name, previous + (name.equals("HTTP_COOKIE") ? "; " : ", ") + field.value());
            }
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

    private Optional<String> headerKey(String fieldName) {
        Optional<String> key = headerKeys.get(fieldName);
        if (key == null) {
            key = Environ.headerKey(fieldName);
            if (headerKeys.size() < REMEMBERED_NAMES) {
                headerKeys.put(fieldName, key);
            }
        }
        return key;
    }
}
