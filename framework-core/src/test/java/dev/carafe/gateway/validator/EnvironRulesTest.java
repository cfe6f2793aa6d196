package dev.carafe.gateway.validator;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.carafe.gateway.Environ;
import java.io.StringReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Rules 1 to 14: a server's environ. */
class EnvironRulesTest {

    private final Harness harness = new Harness();

    private String violation(int rule, Map<String, Object> environ) {
        return harness.violation(rule, () -> harness.serve(environ, Harness.ok()));
    }

    @Test
    void rule1AnEnvironThatIsNotAPlainHashMapIsRejected() {
        Map<String, Object> environ = new TreeMap<>(harness.environ());
        assertEquals("Gateway rule 1 (environ type): the environ is a java.util.TreeMap; expected exactly a "
                + "java.util.HashMap (mutable, not a subclass or a view). Build the environ with new HashMap<>() for "
                + "each request.", violation(1, environ));
    }

    @Test
    void rule2AMissingRequiredKeyIsRejected() {
        HashMap<String, Object> environ = harness.environ();
        environ.remove(Environ.SERVER_PORT);
        assertEquals("Gateway rule 2 (required keys): the environ has no \"SERVER_PORT\"; expected the keys "
                + "REQUEST_METHOD, SERVER_NAME, SERVER_PORT, gateway.version, gateway.url_scheme, gateway.input, "
                + "gateway.errors, gateway.multithread, gateway.multiprocess, gateway.run_once, gateway.input_terminated. "
                + "Have the server set "
                + "\"SERVER_PORT\" on every request.", violation(2, environ));
    }

    @Test
    void rule2AFlagThatIsNotABooleanIsRejected() {
        HashMap<String, Object> environ = harness.environ();
        environ.put(Environ.GATEWAY_MULTITHREAD, "true");
        assertEquals("Gateway rule 2 (required keys): gateway.multithread is \"true\"; expected a "
                + "java.lang.Boolean. Set it to Boolean.TRUE or Boolean.FALSE.", violation(2, environ));
    }

    @Test
    void rule3ContentFieldsUnderHttpKeysAreRejected() {
        HashMap<String, Object> environ = harness.environ();
        environ.put("HTTP_CONTENT_TYPE", "text/plain");
        assertEquals("Gateway rule 3 (content keys): the environ has \"HTTP_CONTENT_TYPE\"; expected the field "
                + "under CONTENT_TYPE only. Map request fields with Environ.headerKey, which yields CONTENT_TYPE.",
                violation(3, environ));
    }

    @Test
    void rule4AMissingQueryStringIsAWarning() throws Exception {
        HashMap<String, Object> environ = harness.environ();
        environ.remove(Environ.QUERY_STRING);
        harness.serve(environ, Harness.ok());
        assertEquals(List.of("Gateway rule 4 (QUERY_STRING): the environ has no QUERY_STRING; expected it on every "
                + "request, \"\" when the target has no query. Have the server set QUERY_STRING."), harness.warnings);
    }

    @Test
    void rule5ACgiValueThatIsNotAStringIsRejected() {
        HashMap<String, Object> environ = harness.environ();
        environ.put(Environ.REMOTE_PORT, 54321);
        assertEquals("Gateway rule 5 (CGI values): the CGI key \"REMOTE_PORT\" maps to 54321 (a java.lang.Integer); "
                + "expected a String. Store every key without a dot as a String.", violation(5, environ));
    }

    @Test
    void rule5ACgiValueWithACharAboveFfIsRejected() {
        HashMap<String, Object> environ = harness.environ();
        environ.put(Environ.PATH_INFO, "/caf\u20ac");
        assertEquals("Gateway rule 5 (CGI values): the CGI key \"PATH_INFO\" maps to \"/caf\\u20AC\", whose char "
                + "at index 4 is U+20AC, above U+00FF; expected one char per byte. Decode the wire bytes with "
                + "StandardCharsets.ISO_8859_1.", violation(5, environ));
    }

    @Test
    void rule6AnotherVersionIsRejected() {
        HashMap<String, Object> environ = harness.environ();
        environ.put(Environ.GATEWAY_VERSION, "1.0");
        assertEquals("Gateway rule 6 (gateway.version): gateway.version is \"1.0\"; expected List.of(1, 0). Set it "
                + "to Environ.VERSION_1_0.", violation(6, environ));
    }

    @Test
    void rule7AnUnknownUrlSchemeIsRejected() {
        HashMap<String, Object> environ = harness.environ();
        environ.put(Environ.GATEWAY_URL_SCHEME, "ftp");
        assertEquals("Gateway rule 7 (gateway.url_scheme): gateway.url_scheme is \"ftp\"; expected \"http\" or "
                + "\"https\". Set it from the connection: \"https\" over TLS, else \"http\".", violation(7, environ));
    }

    @Test
    void rule8AnInputThatIsNotAnInputStreamIsRejected() {
        HashMap<String, Object> environ = harness.environ();
        environ.put(Environ.GATEWAY_INPUT, new StringReader("body"));
        String message = violation(8, environ);
        assertEquals("Gateway rule 8 (stream types): gateway.input is " + environ.get(Environ.GATEWAY_INPUT)
                + " (a java.io.StringReader); expected a java.io.InputStream that ends where the body ends. Set it "
                + "to the request body's stream.", message);
    }

    @Test
    void rule8ErrorsThatAreNotAPrintWriterAreRejected() {
        HashMap<String, Object> environ = harness.environ();
        environ.put(Environ.GATEWAY_ERRORS, "stderr");
        assertEquals("Gateway rule 8 (stream types): gateway.errors is \"stderr\"; expected a java.io.PrintWriter. "
                + "Wrap the server's error log in a PrintWriter.", violation(8, environ));
    }

    @Test
    void rule9AnUnknownMethodIsAWarning() throws Exception {
        HashMap<String, Object> environ = harness.environ();
        environ.put(Environ.REQUEST_METHOD, "get");
        harness.serve(environ, Harness.ok());
        assertEquals(List.of("Gateway rule 9 (request method): the request method \"get\" is not one of GET, HEAD, "
                + "POST, OPTIONS, PATCH, PUT, DELETE, TRACE; expected a standard method. Check that the client meant "
                + "an extension method (methods are case-sensitive)."), harness.warnings);
    }

    @Test
    void rule10AScriptNameOfASlashIsRejected() {
        HashMap<String, Object> environ = harness.environ();
        environ.put(Environ.SCRIPT_NAME, "/");
        assertEquals("Gateway rule 10 (SCRIPT_NAME): SCRIPT_NAME is \"/\"; expected \"\" for an application "
                + "mounted at the root. Set SCRIPT_NAME to \"\" and start PATH_INFO with the \"/\".",
                violation(10, environ));
    }

    @Test
    void rule10AScriptNameWithoutALeadingSlashIsRejected() {
        HashMap<String, Object> environ = harness.environ();
        environ.put(Environ.SCRIPT_NAME, "app");
        assertEquals("Gateway rule 10 (SCRIPT_NAME): SCRIPT_NAME is \"app\"; expected \"\" or a path starting with "
                + "\"/\". Mount the application at \"\" or at a path such as \"/app\".", violation(10, environ));
    }

    @Test
    void rule11APathInfoWithoutALeadingSlashIsRejected() {
        HashMap<String, Object> environ = harness.environ();
        environ.put(Environ.PATH_INFO, "users");
        assertEquals("Gateway rule 11 (PATH_INFO): PATH_INFO is \"users\"; expected \"\" or a path starting with "
                + "\"/\" (or \"*\" for OPTIONS *). Set it to the decoded path after SCRIPT_NAME, for example "
                + "\"/users\".", violation(11, environ));
    }

    @Test
    void rule11AnAsteriskPathIsAcceptedForOptionsOnly() {
        HashMap<String, Object> environ = harness.environ();
        environ.put(Environ.PATH_INFO, "*");
        environ.put(Environ.REQUEST_URI, "*");
        assertEquals("Gateway rule 11 (PATH_INFO): PATH_INFO is \"*\"; expected \"\" or a path starting with "
                + "\"/\" (or \"*\" for OPTIONS *). Set it to the decoded path after SCRIPT_NAME, for example "
                + "\"/*\".", violation(11, environ));
        environ.put(Environ.REQUEST_METHOD, "OPTIONS");
        assertEquals("ok", assertDoesNotThrow(() -> harness.serve(environ, Harness.ok())));
    }

    @Test
    void rule11AMissingPathInfoAtTheRootIsRejected() {
        HashMap<String, Object> environ = harness.environ();
        environ.remove(Environ.PATH_INFO);
        assertEquals("Gateway rule 11 (PATH_INFO): the environ has no PATH_INFO while SCRIPT_NAME is empty; "
                + "expected PATH_INFO, at least \"/\", for an application mounted at the root. Set PATH_INFO to the "
                + "decoded request path.", violation(11, environ));
    }

    @Test
    void rule12AContentLengthThatIsNotDigitsIsRejected() {
        HashMap<String, Object> environ = harness.environ();
        environ.put(Environ.CONTENT_LENGTH, "-1");
        assertEquals("Gateway rule 12 (CONTENT_LENGTH): CONTENT_LENGTH is \"-1\"; expected \"\" or decimal digits "
                + "only (no sign, no spaces). Set it to the Content-Length field as received, or leave it out when "
                + "the request has none.", violation(12, environ));
    }

    @Test
    void rule13AnEmptyServerNameIsRejected() {
        HashMap<String, Object> environ = harness.environ();
        environ.put(Environ.SERVER_NAME, "");
        assertEquals("Gateway rule 13 (server name and port): SERVER_NAME is \"\"; expected the server's host name "
                + "or address. Set SERVER_NAME to the name the server listens on.", violation(13, environ));
    }

    @Test
    void rule13AServerPortThatIsNotDigitsIsRejected() {
        HashMap<String, Object> environ = harness.environ();
        environ.put(Environ.SERVER_PORT, "http");
        assertEquals("Gateway rule 13 (server name and port): SERVER_PORT is \"http\"; expected decimal digits such "
                + "as \"8080\". Set SERVER_PORT to the port the request arrived on.", violation(13, environ));
    }

    @Test
    void rule14AHeaderKeyWithOtherCharsIsRejected() {
        HashMap<String, Object> environ = harness.environ();
        environ.put("HTTP_X-FORWARDED-FOR", "10.0.0.1");
        assertEquals("Gateway rule 14 (header keys): the key \"HTTP_X-FORWARDED-FOR\" has chars other than A-Z, "
                + "0-9 and _; expected keys as Environ.headerKey makes them. Map request fields with "
                + "Environ.headerKey and drop the fields it rejects.", violation(14, environ));
    }
}
