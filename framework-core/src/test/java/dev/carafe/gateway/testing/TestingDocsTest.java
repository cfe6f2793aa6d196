package dev.carafe.gateway.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.carafe.gateway.Application;
import dev.carafe.gateway.Environ;
import dev.carafe.gateway.Header;
import dev.carafe.gateway.validator.GatewayViolation;
import dev.carafe.gateway.validator.Validator;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The snippets of docs/testing.md and docs/validator.md, run as tests. */
class TestingDocsTest {

    /** Greets on GET, echoes request bodies on POST, sets a cookie on /login, redirects /old to /new. */
    private static final Application APP = (environ, startResponse) -> {
        String path = (String) environ.get(Environ.PATH_INFO);
        List<Header> headers = new ArrayList<>(List.of(new Header("Content-Type", "text/plain; charset=utf-8")));
        if (path.equals("/old")) {
            headers.add(new Header("Location", "/new"));
            startResponse.start("301 Moved Permanently", headers);
            return List.of();
        }
        if (path.equals("/login")) {
            headers.add(new Header("Set-Cookie", "session=s3cr3t; Path=/; HttpOnly"));
        }
        String text = environ.get(Environ.REQUEST_METHOD).equals("POST")
                ? environ.get(Environ.CONTENT_TYPE) + "\n" + new String(
                        ((InputStream) environ.get(Environ.GATEWAY_INPUT)).readAllBytes(), StandardCharsets.UTF_8)
                : "Hello, " + URLDecoder.decode((String) environ.get(Environ.QUERY_STRING), StandardCharsets.UTF_8)
                        .replace("name=", "") + "!";
        startResponse.start("200 OK", headers);
        return List.of(text.getBytes(StandardCharsets.UTF_8));
    };

    @Test
    void firstTest() {
        Application app = APP;
        // tag::first[]
        TestClient client = TestClient.of(app);
        TestResponse response = client.get("/hello?name=Ada");
        assertEquals(200, response.status());
        assertEquals(Optional.of("text/plain; charset=utf-8"), response.header("Content-Type"));
        assertEquals("Hello, Ada!", response.text());
        // end::first[]
    }

    @Test
    void requests() {
        TestClient client = TestClient.of(APP);
        // tag::requests[]
        TestResponse response = client.request("GET", "/hello")
                .query("name", "Zoë")                      // appended as name=Zo%C3%AB
                .header("Accept-Language", "fr")          // becomes HTTP_ACCEPT_LANGUAGE
                .https()                                  // gateway.url_scheme "https", port 443
                .protocol("HTTP/1.0")
                .remoteAddr("203.0.113.9")
                .send();
        assertEquals("Hello, Zoë!", response.text());
        assertEquals("203.0.113.9", response.environ().get(Environ.REMOTE_ADDR));
        // end::requests[]
    }

    @Test
    void bodies() {
        TestClient client = TestClient.of(APP);
        byte[] csv = "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8);
        byte[] photo = {(byte) 0xFF, (byte) 0xD8};
        // tag::bodies[]
        TestResponse form = client.request("POST", "/users")
                .form("name", "Ada")
                .form("role", "admin", "author")          // one name, several values
                .send();
        assertEquals("application/x-www-form-urlencoded\nname=Ada&role=admin&role=author", form.text());

        TestResponse json = client.request("POST", "/users").json("{\"name\":\"Ada\"}").send();
        assertEquals("application/json\n{\"name\":\"Ada\"}", json.text());

        TestResponse upload = client.request("POST", "/photos")
                .form("title", "Holiday")
                .file("photo", "beach.jpg", "image/jpeg", photo)   // makes it multipart/form-data
                .send();

        TestResponse raw = client.post("/import", csv, "text/csv");
        // end::bodies[]
        assertEquals(true, upload.text().startsWith("multipart/form-data; boundary="));
        assertEquals("text/csv\na,b\n1,2\n", raw.text());
    }

    @Test
    void cookies() {
        TestClient client = TestClient.of(APP);
        // tag::cookies[]
        client.get("/login");                                        // Set-Cookie: session=s3cr3t; Path=/; HttpOnly
        assertEquals(Optional.of("s3cr3t"), client.cookies().value("session"));
        TestResponse page = client.get("/account");                  // sends Cookie: session=s3cr3t
        assertEquals("session=s3cr3t", page.environ().get("HTTP_COOKIE"));

        client.cookies().set("theme", "dark");                       // for the client's host, path /
        client.cookies().remove("session");
        client.cookies().clear();
        // end::cookies[]
        assertEquals(List.of(), client.cookies().cookies());
    }

    @Test
    void baseUrl() {
        // tag::base-url[]
        TestClient client = TestClient.builder(APP).baseUrl("https://shop.example:8443/store").build();
        TestResponse response = client.get("/hello");
        assertEquals("https://shop.example:8443/store/hello", response.url());
        assertEquals("/store", response.environ().get(Environ.SCRIPT_NAME));
        assertEquals("/hello", response.environ().get(Environ.PATH_INFO));
        // end::base-url[]
    }

    @Test
    void redirects() {
        Application app = APP;
        // tag::redirects[]
        TestResponse moved = TestClient.of(app).get("/old");
        assertEquals(301, moved.status());
        assertEquals(Optional.of("/new"), moved.header("Location"));

        TestClient browser = TestClient.builder(app).followRedirects(true).maxRedirects(5).build();
        TestResponse landed = browser.get("/old");
        assertEquals("http://localhost/new", landed.url());
        assertEquals(List.of("http://localhost/old"), landed.history());

        TestResponse once = TestClient.of(app).request("GET", "/old").followRedirects(true).send();
        // end::redirects[]
        assertEquals(200, once.status());
    }

    @Test
    void validatorSettings() {
        Application app = (environ, startResponse) -> {
            startResponse.start("200OK", List.of(new Header("Content-Type", "text/plain")));
            return List.of();
        };
        // tag::validator[]
        GatewayViolation violation = assertThrows(GatewayViolation.class, () -> TestClient.of(app).get("/"));
        assertEquals(16, violation.rule());          // "Gateway rule 16 (status line): the status \"200OK\" ..."

        List<String> warnings = new ArrayList<>();
        TestClient strict = TestClient.builder(APP).validator(Validator.create(warnings::add)).build();
        strict.get("/hello");
        assertEquals(List.of(), warnings);

        TestClient unchecked = TestClient.builder(app).validator(false).build();
        assertEquals("200OK", unchecked.get("/").statusLine());
        // end::validator[]
    }

    @Test
    void environAndErrors() {
        Application app = (environ, startResponse) -> {
            environ.put("myframework.user", "ada");
            startResponse.start("204 No Content", List.of());
            return List.of();
        };
        // tag::environ[]
        TestClient client = TestClient.builder(app).echoErrors(false).build();
        TestResponse response = client.request("GET", "/me").environ("myframework.tenant", "acme").send();
        assertEquals("ada", response.environ().get("myframework.user"));   // what the application stored
        assertEquals("", response.errors());                               // what it wrote to gateway.errors
        // end::environ[]
    }
}
