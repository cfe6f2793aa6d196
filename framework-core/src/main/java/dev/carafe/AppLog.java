package dev.carafe;

import dev.carafe.gateway.Environ;
import java.util.Map;

/**
 * Where the framework logs: one {@link System.Logger} named {@value #NAME} (what {@code app.logger()}
 * returns), and the request line its messages about a request carry, as access logs write it:
 * {@code "GET /users?page=2 HTTP/1.1"}.
 */
final class AppLog {

    /** The name of the framework's logger. */
    static final String NAME = "dev.carafe.App";

    private AppLog() {
    }

    /** @return the framework's logger */
    static System.Logger logger() {
        return System.getLogger(NAME);
    }

    /**
     * The request line of a request, quoted: the method, the target as the client sent it
     * ({@code REQUEST_URI}, else rebuilt from the path and query) and the protocol.
     *
     * @param environ the request's environ
     * @return for example {@code "GET /users?page=2 HTTP/1.1"}
     */
    static String requestLine(Map<String, Object> environ) {
        String target = environ.get(Environ.REQUEST_URI) instanceof String uri && !uri.isEmpty() ? uri : rebuilt(environ);
        Object protocol = environ.get(Environ.SERVER_PROTOCOL);
        return "\"" + environ.getOrDefault(Environ.REQUEST_METHOD, "GET") + " " + target
                + (protocol instanceof String p && !p.isEmpty() ? " " + p : "") + "\"";
    }

    private static String rebuilt(Map<String, Object> environ) {
        String path = Environ.quotePath(String.valueOf(environ.getOrDefault(Environ.SCRIPT_NAME, ""))
                + environ.getOrDefault(Environ.PATH_INFO, ""));
        Object query = environ.get(Environ.QUERY_STRING);
        return (path.isEmpty() ? "/" : path) + (query instanceof String q && !q.isEmpty() ? "?" + q : "");
    }
}
