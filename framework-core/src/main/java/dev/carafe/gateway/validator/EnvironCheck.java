package dev.carafe.gateway.validator;

import static dev.carafe.gateway.validator.Values.quote;
import static dev.carafe.gateway.validator.Values.show;

import dev.carafe.gateway.Environ;
import dev.carafe.gateway.FileWrapper;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Rules 1 to 14: the environ a server passes in. */
final class EnvironCheck {

    static final List<String> REQUIRED = List.of(Environ.REQUEST_METHOD, Environ.SERVER_NAME, Environ.SERVER_PORT,
            Environ.GATEWAY_VERSION, Environ.GATEWAY_URL_SCHEME, Environ.GATEWAY_INPUT, Environ.GATEWAY_ERRORS,
            Environ.GATEWAY_MULTITHREAD, Environ.GATEWAY_MULTIPROCESS, Environ.GATEWAY_RUN_ONCE,
            Environ.GATEWAY_INPUT_TERMINATED);

    private static final List<String> FLAGS = List.of(Environ.GATEWAY_MULTITHREAD, Environ.GATEWAY_MULTIPROCESS,
            Environ.GATEWAY_RUN_ONCE, Environ.GATEWAY_INPUT_TERMINATED);

    private static final List<String> METHODS =
            List.of("GET", "HEAD", "POST", "OPTIONS", "PATCH", "PUT", "DELETE", "TRACE");

    private EnvironCheck() {
    }

    /** Checks an environ, throwing on the first error and sending warnings to the sink. */
    static void check(Map<String, Object> environ, Consumer<String> warnings) {
        checkType(environ);
        checkRequired(environ);
        for (String key : List.of("HTTP_CONTENT_TYPE", "HTTP_CONTENT_LENGTH")) {
            if (environ.containsKey(key)) {
                String proper = key.substring(Environ.HTTP_PREFIX.length());
                throw Rule.CONTENT_KEYS.violation("the environ has " + quote(key) + "; expected the field under "
                        + proper + " only. Map request fields with Environ.headerKey, which yields " + proper + ".");
            }
        }
        if (!environ.containsKey(Environ.QUERY_STRING)) {
            Rule.QUERY_STRING.warn(warnings, "the environ has no QUERY_STRING; expected it on every request, \"\" "
                    + "when the target has no query. Have the server set QUERY_STRING.");
        }
        checkCgiValues(environ);
        Object version = environ.get(Environ.GATEWAY_VERSION);
        if (!Environ.VERSION_1_0.equals(version)) {
            throw Rule.VERSION.violation("gateway.version is " + show(version) + "; expected List.of(1, 0). "
                    + "Set it to Environ.VERSION_1_0.");
        }
        Object scheme = environ.get(Environ.GATEWAY_URL_SCHEME);
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw Rule.URL_SCHEME.violation("gateway.url_scheme is " + show(scheme) + "; expected \"http\" or "
                    + "\"https\". Set it from the connection: \"https\" over TLS, else \"http\".");
        }
        checkStreams(environ);
        String method = (String) environ.get(Environ.REQUEST_METHOD);
        if (!METHODS.contains(method)) {
            Rule.REQUEST_METHOD.warn(warnings, "the request method " + quote(method) + " is not one of "
                    + String.join(", ", METHODS) + "; expected a standard method. Check that the client "
                    + "meant an extension method (methods are case-sensitive).");
        }
        checkPaths(environ);
        checkNumbers(environ);
        checkHeaderKeys(environ);
    }

    private static void checkType(Map<String, Object> environ) {
        if (environ == null) {
            throw Rule.ENVIRON_TYPE.violation("the environ is null; expected a fresh java.util.HashMap. "
                    + "Pass a new HashMap to Application.call for each request.");
        }
        if (environ.getClass() != HashMap.class) {
            throw Rule.ENVIRON_TYPE.violation("the environ is a " + environ.getClass().getName() + "; expected "
                    + "exactly a java.util.HashMap (mutable, not a subclass or a view). Build the environ with "
                    + "new HashMap<>() for each request.");
        }
        for (Object key : environ.keySet()) {
            if (!(key instanceof String)) {
                throw Rule.ENVIRON_TYPE.violation("the environ has the key " + show(key) + "; expected String "
                        + "keys only. Put only String keys in the environ.");
            }
        }
    }

    private static void checkRequired(Map<String, Object> environ) {
        for (String key : REQUIRED) {
            if (!environ.containsKey(key)) {
                throw Rule.REQUIRED_KEYS.violation("the environ has no " + quote(key) + "; expected the keys "
                        + String.join(", ", REQUIRED) + ". Have the server set " + quote(key)
                        + " on every request.");
            }
        }
        for (String key : FLAGS) {
            Object value = environ.get(key);
            if (!(value instanceof Boolean)) {
                throw Rule.REQUIRED_KEYS.violation(key + " is " + show(value) + "; expected a java.lang.Boolean. "
                        + "Set it to Boolean.TRUE or Boolean.FALSE.");
            }
        }
    }

    private static void checkCgiValues(Map<String, Object> environ) {
        for (Map.Entry<String, Object> entry : environ.entrySet()) {
            if (entry.getKey().indexOf('.') >= 0) {
                continue;
            }
            Object value = entry.getValue();
            if (!(value instanceof String s)) {
                throw Rule.CGI_VALUES.violation("the CGI key " + quote(entry.getKey()) + " maps to " + show(value)
                        + "; expected a String. Store every key without a dot as a String.");
            }
            int at = Values.firstNonLatin1(s);
            if (at >= 0) {
                throw Rule.CGI_VALUES.violation("the CGI key " + quote(entry.getKey()) + " maps to " + quote(s)
                        + ", whose char at index " + at + " is " + String.format("U+%04X", (int) s.charAt(at))
                        + ", above U+00FF; expected one char per byte. Decode the wire bytes with "
                        + "StandardCharsets.ISO_8859_1.");
            }
        }
    }

    private static void checkStreams(Map<String, Object> environ) {
        Object input = environ.get(Environ.GATEWAY_INPUT);
        if (!(input instanceof InputStream)) {
            throw Rule.STREAM_TYPES.violation("gateway.input is " + show(input) + "; expected a java.io.InputStream "
                    + "that ends where the body ends. Set it to the request body's stream.");
        }
        Object errors = environ.get(Environ.GATEWAY_ERRORS);
        if (!(errors instanceof PrintWriter)) {
            throw Rule.STREAM_TYPES.violation("gateway.errors is " + show(errors) + "; expected a "
                    + "java.io.PrintWriter. Wrap the server's error log in a PrintWriter.");
        }
        Object wrapper = environ.get(Environ.GATEWAY_FILE_WRAPPER);
        if (environ.containsKey(Environ.GATEWAY_FILE_WRAPPER) && !(wrapper instanceof FileWrapper)) {
            throw Rule.STREAM_TYPES.violation("gateway.file_wrapper is " + show(wrapper) + "; expected a "
                    + "dev.carafe.gateway.FileWrapper. Set it to the server's FileWrapper or leave the key out.");
        }
    }

    private static void checkPaths(Map<String, Object> environ) {
        String script = (String) environ.getOrDefault(Environ.SCRIPT_NAME, "");
        if (script.equals("/")) {
            throw Rule.SCRIPT_NAME.violation("SCRIPT_NAME is \"/\"; expected \"\" for an application mounted at "
                    + "the root. Set SCRIPT_NAME to \"\" and start PATH_INFO with the \"/\".");
        }
        if (!script.isEmpty() && !script.startsWith("/")) {
            throw Rule.SCRIPT_NAME.violation("SCRIPT_NAME is " + quote(script) + "; expected \"\" or a path "
                    + "starting with \"/\". Mount the application at \"\" or at a path such as \"/app\".");
        }
        if (!environ.containsKey(Environ.PATH_INFO)) {
            if (script.isEmpty()) {
                throw Rule.PATH_INFO.violation("the environ has no PATH_INFO while SCRIPT_NAME is empty; expected "
                        + "PATH_INFO, at least \"/\", for an application mounted at the root. Set PATH_INFO to "
                        + "the decoded request path.");
            }
            return;
        }
        String path = (String) environ.get(Environ.PATH_INFO);
        boolean asterisk = path.equals("*") && "OPTIONS".equals(environ.get(Environ.REQUEST_METHOD));
        if (!path.isEmpty() && !path.startsWith("/") && !asterisk) {
            throw Rule.PATH_INFO.violation("PATH_INFO is " + quote(path) + "; expected \"\" or a path starting "
                    + "with \"/\" (or \"*\" for OPTIONS *). Set it to the decoded path after SCRIPT_NAME, for "
                    + "example \"/" + path + "\".");
        }
    }

    private static void checkNumbers(Map<String, Object> environ) {
        String length = (String) environ.getOrDefault(Environ.CONTENT_LENGTH, "");
        if (!length.isEmpty() && !Values.digits(length)) {
            throw Rule.CONTENT_LENGTH.violation("CONTENT_LENGTH is " + quote(length) + "; expected \"\" or decimal "
                    + "digits only (no sign, no spaces). Set it to the Content-Length field as received, or "
                    + "leave it out when the request has none.");
        }
        String name = (String) environ.get(Environ.SERVER_NAME);
        if (name.isEmpty()) {
            throw Rule.SERVER_ADDRESS.violation("SERVER_NAME is \"\"; expected the server's host name or address. "
                    + "Set SERVER_NAME to the name the server listens on.");
        }
        String port = (String) environ.get(Environ.SERVER_PORT);
        if (!Values.digits(port)) {
            throw Rule.SERVER_ADDRESS.violation("SERVER_PORT is " + quote(port) + "; expected decimal digits "
                    + "such as \"8080\". Set SERVER_PORT to the port the request arrived on.");
        }
    }

    private static void checkHeaderKeys(Map<String, Object> environ) {
        for (String key : environ.keySet()) {
            if (!key.startsWith(Environ.HTTP_PREFIX)) {
                continue;
            }
            for (int i = 0; i < key.length(); i++) {
                char c = key.charAt(i);
                if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) {
                    throw Rule.HEADER_KEYS.violation("the key " + quote(key) + " has chars other than A-Z, 0-9 "
                            + "and _; expected keys as Environ.headerKey makes them. Map request fields with "
                            + "Environ.headerKey and drop the fields it rejects.");
                }
            }
        }
    }
}
