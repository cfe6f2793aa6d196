package dev.carafe.gateway.testing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.carafe.gateway.Application;
import dev.carafe.gateway.Environ;
import dev.carafe.gateway.Header;
import dev.carafe.gateway.Status;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestClientRedirectsTest {

    /**
     * {@code .../redirect/CODE?to=LOCATION} answers CODE with that Location; {@code /loop} redirects to itself;
     * anything else answers "METHOD PATH BODY".
     */
    private static final Application APP = (environ, startResponse) -> {
        String path = (String) environ.get(Environ.PATH_INFO);
        String query = (String) environ.get(Environ.QUERY_STRING);
        if (path.contains("/redirect/")) {
            int code = Integer.parseInt(path.substring(path.indexOf("/redirect/") + "/redirect/".length()));
            String to = java.net.URLDecoder.decode(query.substring("to=".length()), UTF_8);
            startResponse.start(Status.line(code), List.of(new Header("Location", to),
                    new Header("Content-Type", "text/plain"), new Header("Set-Cookie", "hop=" + code + "; Path=/")));
            return List.of();
        }
        if (path.equals("/loop")) {
            startResponse.start("302 Found", List.of(new Header("Location", "/loop"), new Header("Content-Type", "text/plain")));
            return List.of();
        }
        String body = new String(((InputStream) environ.get(Environ.GATEWAY_INPUT)).readAllBytes(), UTF_8);
        String type = (String) environ.getOrDefault(Environ.CONTENT_TYPE, "-");
        startResponse.start("200 OK", List.of(new Header("Content-Type", "text/plain")));
        return List.of((environ.get(Environ.REQUEST_METHOD) + " " + Environ.requestUrl(environ) + " [" + body + "] "
                + type + " " + environ.getOrDefault("HTTP_COOKIE", "")).getBytes(UTF_8));
    };

    private static TestClient following() {
        return TestClient.builder(APP).followRedirects(true).build();
    }

    @Test
    void redirectsAreNotFollowedByDefault() {
        TestResponse response = TestClient.of(APP).get("/redirect/302?to=/done");
        assertEquals(302, response.status());
        assertEquals(List.of("/done"), response.headers("Location"));
        assertEquals(List.of(), response.history());
    }

    @Test
    void aClientThatFollowsRedirectsRecordsTheHistory() {
        TestResponse response = following().get("/redirect/301?to=/redirect/308%3Fto%3D/done");
        assertEquals("GET http://localhost/done [] - hop=308", response.text());
        assertEquals("http://localhost/done", response.url());
        assertEquals(List.of("http://localhost/redirect/301?to=/redirect/308%3Fto%3D/done",
                "http://localhost/redirect/308?to=/done"), response.history());
    }

    @Test
    void aRequestCanFollowRedirectsOnItsOwn() {
        TestResponse response = TestClient.of(APP).request("GET", "/redirect/302?to=/done").followRedirects(true).send();
        assertEquals(200, response.status());
        TestResponse stopped = following().request("GET", "/redirect/302?to=/done").followRedirects(false).send();
        assertEquals(302, stopped.status());
    }

    @Test
    void aRedirectToAnotherHostIsNotFollowedIntoTheApplication() {
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> following().get("/redirect/302?to=https://accounts.example.com/oauth%3Fx%3D1"));

        assertEquals("The response to http://localhost/redirect/302?to=https://accounts.example.com/oauth%3Fx%3D1 "
                + "redirects to https://accounts.example.com/oauth?x=1, another host: the test client only follows "
                + "redirects within the application, which does not serve that host. Send the request with "
                + "followRedirects(false) and check its Location header.", error.getMessage());
        assertEquals("GET https://localhost/done [] - hop=302",
                following().get("/redirect/302?to=https://localhost/done").text(), "the same host on https is followed");
    }

    @Test
    void seeOtherTurnsAPostIntoAGetWithoutBody() {
        TestResponse response = following().request("POST", "/redirect/303?to=/done").form("a", "1").send();
        assertEquals("GET http://localhost/done [] - hop=303", response.text());
    }

    @Test
    void foundAndMovedPermanentlyTurnAPostIntoAGet() {
        assertEquals("GET http://localhost/done [] - hop=302",
                following().request("POST", "/redirect/302?to=/done").form("a", "1").send().text());
        assertEquals("GET http://localhost/done [] - hop=301",
                following().request("POST", "/redirect/301?to=/done").form("a", "1").send().text());
    }

    @Test
    void temporaryAndPermanentRedirectsKeepTheMethodAndBody() {
        assertEquals("POST http://localhost/done [a=1] application/x-www-form-urlencoded hop=307",
                following().request("POST", "/redirect/307?to=/done").form("a", "1").send().text());
        assertEquals("PUT http://localhost/done [{}] application/json hop=308",
                following().request("PUT", "/redirect/308?to=/done").json("{}").send().text());
    }

    @Test
    void relativeAndAbsoluteLocationsAreResolved() {
        assertEquals("GET http://localhost/a/done [] - hop=302",
                following().get("/a/redirect/302?to=../done").text());
        assertEquals("GET https://localhost:8443/elsewhere [] - hop=302",
                following().get("/redirect/302?to=https://localhost:8443/elsewhere").text());
    }

    @Test
    void aRedirectLoopFailsWithTheVisitedUrls() {
        TestClient client = TestClient.builder(APP).followRedirects(true).maxRedirects(2).build();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> client.get("/loop"));
        assertEquals("Followed 2 redirects without reaching a final response: http://localhost/loop -> "
                + "http://localhost/loop -> http://localhost/loop -> /loop. The application redirects in a loop, or "
                + "needs more redirects: fix its Location headers or raise TestClient.Builder.maxRedirects (now 2).",
                e.getMessage());
    }
}
