package dev.carafe.gateway.testing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.carafe.gateway.Application;
import dev.carafe.gateway.Environ;
import dev.carafe.gateway.Header;
import dev.carafe.gateway.StartResponse;
import dev.carafe.gateway.validator.GatewayViolation;
import dev.carafe.gateway.validator.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TestClientTest {

    /** Written only against the contract: Application, StartResponse, Header. */
    static final class RawHello implements Application {
        @Override
        public Iterable<byte[]> call(Map<String, Object> environ, StartResponse startResponse) throws Exception {
            String name = Environ.utf8((String) environ.get(Environ.QUERY_STRING)).replace("name=", "");
            byte[] body = ("Hello, " + (name.isEmpty() ? "World" : name) + "!").getBytes(UTF_8);
            startResponse.start("200 OK", new ArrayList<>(List.of(new Header("Content-Type", "text/plain; charset=utf-8"),
                    new Header("Content-Length", Integer.toString(body.length)))));
            return List.of(body);
        }
    }

    /** Echoes the request body and its content type. */
    private static Application echo() {
        return (environ, startResponse) -> {
            InputStream input = (InputStream) environ.get(Environ.GATEWAY_INPUT);
            byte[] body = input.readAllBytes();
            String type = String.valueOf(environ.getOrDefault(Environ.CONTENT_TYPE, "none"));
            startResponse.start("200 OK", List.of(new Header("Content-Type", "application/octet-stream"),
                    new Header("X-Request-Type", type)));
            return List.of(body);
        };
    }

    private static TestClient quiet(Application app) {
        return TestClient.builder(app).echoErrors(false).build();
    }

    @Test
    void aRawApplicationRunsThroughTheClientAndTheValidator() {
        TestResponse response = TestClient.of(new RawHello()).get("/?name=Carafe");
        assertEquals(200, response.status());
        assertEquals("200 OK", response.statusLine());
        assertEquals(List.of(new Header("Content-Type", "text/plain; charset=utf-8"), new Header("Content-Length", "14")),
                response.headers());
        assertEquals("Hello, Carafe!", response.text());
        assertEquals("", response.errors());
    }

    @Test
    void aRequestStartedButNeverSentIsReportedWhenTheNextOneStarts() {
        TestClient client = TestClient.of(new RawHello());
        client.request("POST", "/posts/1/delete");                       // forgot send()

        IllegalStateException error = assertThrows(IllegalStateException.class, () -> client.get("/"));

        assertEquals("The request POST /posts/1/delete was started but never sent: call send() on it, as in "
                + "client.request(\"POST\", \"/posts\").form(\"title\", \"Hi\").send(), before starting the next "
                + "one.", error.getMessage());
        assertEquals(200, client.get("/").status(), "the client goes on once the mistake was reported");
        client.request("GET", "/").send();
        assertEquals(200, client.get("/").status(), "a request that was sent is not reported");
    }

    @Test
    void theEnvironIsCompleteAndPassesTheValidator() {
        List<String> warnings = new ArrayList<>();
        TestClient client = TestClient.builder(new RawHello()).validator(Validator.create(warnings::add)).build();
        Map<String, Object> environ = client.get("/caf%C3%A9/x?q=1").environ();
        assertEquals("GET", environ.get(Environ.REQUEST_METHOD));
        assertEquals("", environ.get(Environ.SCRIPT_NAME));
        assertEquals("/caf\u00c3\u00a9/x", environ.get(Environ.PATH_INFO));
        assertEquals("q=1", environ.get(Environ.QUERY_STRING));
        assertEquals("/caf%C3%A9/x?q=1", environ.get(Environ.REQUEST_URI));
        assertEquals("localhost", environ.get(Environ.SERVER_NAME));
        assertEquals("80", environ.get(Environ.SERVER_PORT));
        assertEquals("HTTP/1.1", environ.get(Environ.SERVER_PROTOCOL));
        assertEquals("127.0.0.1", environ.get(Environ.REMOTE_ADDR));
        assertEquals("50000", environ.get(Environ.REMOTE_PORT));
        assertEquals("localhost", environ.get("HTTP_HOST"));
        assertFalse(environ.containsKey(Environ.CONTENT_LENGTH));
        assertFalse(environ.containsKey(Environ.HTTPS));
        assertEquals(Environ.VERSION_1_0, environ.get(Environ.GATEWAY_VERSION));
        assertEquals("http", environ.get(Environ.GATEWAY_URL_SCHEME));
        assertEquals(false, environ.get(Environ.GATEWAY_MULTITHREAD));
        assertEquals(false, environ.get(Environ.GATEWAY_MULTIPROCESS));
        assertEquals(false, environ.get(Environ.GATEWAY_RUN_ONCE));
        assertEquals(true, environ.get(Environ.GATEWAY_INPUT_TERMINATED));
        assertEquals(List.of(), warnings);
    }

    @Test
    void nonAsciiPathsAreSentAsUtf8Escapes() {
        Map<String, Object> environ = TestClient.of(new RawHello()).get("/caf\u00e9 menu").environ();
        assertEquals("/caf%C3%A9%20menu", environ.get(Environ.REQUEST_URI));
        assertEquals("/caf\u00e9 menu", Environ.utf8((String) environ.get(Environ.PATH_INFO)));
    }

    @Test
    void httpsRequestsUsePort443AndSetHttps() {
        Map<String, Object> environ = TestClient.of(new RawHello()).request("GET", "/").https().send().environ();
        assertEquals("https", environ.get(Environ.GATEWAY_URL_SCHEME));
        assertEquals("443", environ.get(Environ.SERVER_PORT));
        assertEquals("on", environ.get(Environ.HTTPS));
        assertEquals("localhost", environ.get("HTTP_HOST"));
    }

    @Test
    void absoluteUrlsSetTheHostAndPort() {
        TestResponse response = TestClient.of(new RawHello()).get("https://Example.com:8443/a?b=c");
        assertEquals("example.com", response.environ().get(Environ.SERVER_NAME));
        assertEquals("8443", response.environ().get(Environ.SERVER_PORT));
        assertEquals("example.com:8443", response.environ().get("HTTP_HOST"));
        assertEquals("https://example.com:8443/a?b=c", response.url());
    }

    @Test
    void protocolAndRemoteAddressCanBeChosen() {
        Map<String, Object> environ = TestClient.of(new RawHello()).request("GET", "/")
                .protocol("HTTP/1.0").remoteAddr("10.1.2.3").send().environ();
        assertEquals("HTTP/1.0", environ.get(Environ.SERVER_PROTOCOL));
        assertEquals("10.1.2.3", environ.get(Environ.REMOTE_ADDR));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TestClient.of(new RawHello()).request("GET", "/").protocol("HTTP/2"));
        assertEquals("The protocol \"HTTP/2\" is not supported; use \"HTTP/1.0\" or \"HTTP/1.1\".", e.getMessage());
    }

    @Test
    void headersBecomeHttpKeysAndUnderscoreNamesAreDropped() {
        Map<String, Object> environ = TestClient.of(new RawHello()).request("GET", "/")
                .header("Accept", "text/html").header("Accept", "application/json")
                .header("X_Forwarded_For", "1.2.3.4").header("User-Agent", "tests").send().environ();
        assertEquals("text/html, application/json", environ.get("HTTP_ACCEPT"));
        assertEquals("tests", environ.get("HTTP_USER_AGENT"));
        assertFalse(environ.containsKey("HTTP_X_FORWARDED_FOR"));
    }

    @Test
    void aPathWithoutASlashIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TestClient.of(new RawHello()).get("users"));
        assertEquals("The path \"users\" must start with \"/\" or be an absolute http or https URL; use \"/users\".",
                e.getMessage());
    }

    @Test
    void queryParametersAreEncodedAndAppended() {
        TestResponse response = TestClient.of(new RawHello()).request("GET", "/search?page=2")
                .query("q", "caf\u00e9 & cr\u00e8me").query("tag", "a").query("tag", "b").send();
        assertEquals("page=2&q=caf%C3%A9+%26+cr%C3%A8me&tag=a&tag=b", response.environ().get(Environ.QUERY_STRING));
    }

    @Test
    void rawBodiesArriveWithTheirLengthAndType() {
        TestResponse response = TestClient.of(echo()).post("/upload", new byte[] {1, 2, 3}, "application/x-thing");
        assertArrayEquals(new byte[] {1, 2, 3}, response.body());
        assertEquals("3", response.environ().get(Environ.CONTENT_LENGTH));
        assertEquals(Optional.of("application/x-thing"), response.header("X-Request-Type"));
    }

    @Test
    void formsAreUrlEncodedWithRepeatedNames() {
        TestResponse response = TestClient.of(echo()).request("POST", "/form")
                .form("name", "Ada Lovelace").form("lang", "en", "fr").send();
        assertEquals("name=Ada+Lovelace&lang=en&lang=fr", response.text());
        assertEquals(Optional.of("application/x-www-form-urlencoded"), response.header("X-Request-Type"));
    }

    @Test
    void jsonBodiesCarryTheirContentType() {
        TestResponse response = TestClient.of(echo()).request("PUT", "/users/1").json("{\"name\":\"Ada\"}").send();
        assertEquals("{\"name\":\"Ada\"}", response.text());
        assertEquals(Optional.of("application/json"), response.header("X-Request-Type"));
        assertEquals("PUT", response.environ().get(Environ.REQUEST_METHOD));
    }

    @Test
    void multipartFormsCarryFieldsAndFiles() {
        TestResponse response = TestClient.of(echo()).request("POST", "/upload").form("title", "Notes")
                .file("doc", "notes.txt", "text/plain", "line 1\n".getBytes(UTF_8)).send();
        String type = response.header("X-Request-Type").orElseThrow();
        String boundary = type.substring(type.indexOf("boundary=") + "boundary=".length());
        assertEquals("multipart/form-data; boundary=" + boundary, type);
        assertEquals("--" + boundary + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nNotes\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"doc\"; filename=\"notes.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\nline 1\n\r\n--" + boundary + "--\r\n", response.text());
    }

    @Test
    void aRequestHasOneKindOfBody() {
        TestRequest request = TestClient.of(echo()).request("POST", "/").json("{}");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> request.form("a", "b"));
        assertEquals("The request already has a JSON body; a request has one body: use one of body(...), json(...), "
                + "or form(...)/file(...).", e.getMessage());
    }

    @Test
    void theValidatorIsOnByDefaultAndCanBeTurnedOff() {
        Application sloppy = (environ, startResponse) -> {
            startResponse.start("200OK", List.of(new Header("Content-Type", "text/plain")));
            return List.of("ok".getBytes(UTF_8));
        };
        GatewayViolation e = assertThrows(GatewayViolation.class, () -> TestClient.of(sloppy).get("/"));
        assertEquals(16, e.rule());
        TestResponse response = TestClient.builder(sloppy).validator(false).build().get("/");
        assertEquals("200OK", response.statusLine());
        assertEquals("ok", response.text());
    }

    @Test
    void validatorWarningsAreCapturedInTheResponse() {
        Application untyped = (environ, startResponse) -> {
            startResponse.start("200 OK", List.of());
            return List.of();
        };
        assertEquals("Gateway rule 22 (Content-Type): the response \"200 OK\" has no Content-Type header; expected "
                + "one on every response except 204 and 304. Add a header such as new Header(\"Content-Type\", "
                + "\"text/plain; charset=utf-8\")." + System.lineSeparator(), quiet(untyped).get("/").errors());
    }

    @Test
    void theEnvironShowsWhatTheApplicationStoredInIt() {
        Application storing = (environ, startResponse) -> {
            environ.put("myframework.user", "ada");
            ((PrintWriter) environ.get(Environ.GATEWAY_ERRORS)).println("looked up ada");
            startResponse.start("204 No Content", List.of());
            return List.of();
        };
        TestResponse response = quiet(storing).request("GET", "/").environ("myframework.config", 42).send();
        assertEquals("ada", response.environ().get("myframework.user"));
        assertEquals(42, response.environ().get("myframework.config"));
        assertEquals("looked up ada" + System.lineSeparator(), response.errors());
    }

    @Test
    void checkedExceptionsOfTheApplicationPropagateUnchanged() {
        Application failing = (environ, startResponse) -> {
            throw new IOException("no database");
        };
        assertEquals("no database", assertThrows(IOException.class, () -> TestClient.of(failing).get("/")).getMessage());
    }
}
