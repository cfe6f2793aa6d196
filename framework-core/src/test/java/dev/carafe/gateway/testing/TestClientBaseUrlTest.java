package dev.carafe.gateway.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.carafe.gateway.Application;
import dev.carafe.gateway.Environ;
import dev.carafe.gateway.Header;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link TestClient.Builder#baseUrl}: where relative requests go, and the mount point. */
class TestClientBaseUrlTest {

    private final List<Map<String, Object>> seen = new ArrayList<>();

    /** Records each environ; /login answers, /set sets a cookie under the mount point, anything else redirects to login. */
    private Application app() {
        return (environ, startResponse) -> {
            seen.add(Map.copyOf(environ));
            String path = (String) environ.get(Environ.PATH_INFO);
            String mount = (String) environ.get(Environ.SCRIPT_NAME);
            List<Header> headers = new ArrayList<>(List.of(new Header("Content-Type", "text/plain")));
            if (path.equals("/set")) {
                headers.add(new Header("Set-Cookie", "cart=3; Path=" + mount));
            } else if (!path.equals("/login")) {
                startResponse.start("302 Found", List.of(new Header("Content-Type", "text/plain"),
                        new Header("Location", mount + "/login")));
                return List.of();
            }
            startResponse.start("200 OK", headers);
            return List.of(path.getBytes(StandardCharsets.US_ASCII));
        };
    }

    private TestClient client(String baseUrl) {
        return TestClient.builder(app()).baseUrl(baseUrl).build();
    }

    private Map<String, Object> last() {
        return seen.get(seen.size() - 1);
    }

    @Test
    void aRelativeRequestGoesToTheBaseUrlsSchemeHostAndPortUnderItsMountPoint() {
        TestResponse response = client("https://Shop.Example:8443/store/").get("/login?next=%2F");
        assertEquals("https://shop.example:8443/store/login?next=%2F", response.url());
        Map<String, Object> environ = last();
        assertEquals("https", environ.get(Environ.GATEWAY_URL_SCHEME));
        assertEquals("on", environ.get(Environ.HTTPS));
        assertEquals("shop.example", environ.get(Environ.SERVER_NAME));
        assertEquals("8443", environ.get(Environ.SERVER_PORT));
        assertEquals("shop.example:8443", environ.get("HTTP_HOST"));
        assertEquals("/store", environ.get(Environ.SCRIPT_NAME));
        assertEquals("/login", environ.get(Environ.PATH_INFO));
        assertEquals("/store/login?next=%2F", environ.get(Environ.REQUEST_URI));
    }

    @Test
    void theDefaultBaseUrlIsLocalhostOverHttpWithoutAMountPoint() {
        TestClient.of(app()).get("/login");
        assertEquals("localhost", last().get(Environ.SERVER_NAME));
        assertEquals("80", last().get(Environ.SERVER_PORT));
        assertEquals("", last().get(Environ.SCRIPT_NAME));
        assertEquals("/login", last().get(Environ.PATH_INFO));
    }

    @Test
    void anAbsoluteUrlKeepsItsOwnAddressAndGetsTheMountPointOnlyWhenItsPathLiesUnderIt() {
        TestClient client = client("http://shop.example/store");
        client.get("https://other.example/store/login");
        assertEquals("other.example", last().get(Environ.SERVER_NAME));
        assertEquals("443", last().get(Environ.SERVER_PORT));
        assertEquals("/store", last().get(Environ.SCRIPT_NAME));
        assertEquals("/login", last().get(Environ.PATH_INFO));
        client.get("http://shop.example/storefront/login");
        assertEquals("", last().get(Environ.SCRIPT_NAME), "/storefront is not under /store");
        assertEquals("/storefront/login", last().get(Environ.PATH_INFO));
        client.get("http://shop.example/store");
        assertEquals("/store", last().get(Environ.SCRIPT_NAME));
        assertEquals("", last().get(Environ.PATH_INFO));
    }

    @Test
    void aRedirectUnderTheMountPointIsFollowedWithinTheApplication() {
        TestResponse response = client("http://shop.example/store").request("GET", "/cart").followRedirects(true)
                .send();
        assertEquals(200, response.status());
        assertEquals("http://shop.example/store/login", response.url());
        assertEquals("/store", last().get(Environ.SCRIPT_NAME));
        assertEquals("/login", last().get(Environ.PATH_INFO));
    }

    @Test
    void cookiesAreKeptForTheBaseHostAndTheMountPointsPath() {
        TestClient client = client("http://shop.example/store");
        client.get("/set");
        assertEquals(Optional.of("cart=3"), client.cookies().header("/login"));
        assertEquals(Optional.empty(), client.cookies().header("http://shop.example/other"));
        client.cookies().set("theme", "dark");
        client.get("/login");
        assertEquals("cart=3; theme=dark", last().get("HTTP_COOKIE"));
    }

    @Test
    void httpsOnARelativeRequestKeepsAnExplicitPortAndSwitchesADefaultOne() {
        client("http://shop.example").request("GET", "/login").https().send();
        assertEquals("443", last().get(Environ.SERVER_PORT));
        assertEquals("shop.example", last().get("HTTP_HOST"));
        client("http://shop.example:8080").request("GET", "/login").https().send();
        assertEquals("8080", last().get(Environ.SERVER_PORT));
        assertEquals("https", last().get(Environ.GATEWAY_URL_SCHEME));
    }

    @Test
    void aBaseUrlThatIsNotAnHttpUrlIsRefusedWithWhatIsExpected() {
        String expected = "; expected http:// or https://, a host, an optional port and an optional path, as in "
                + "http://localhost/ or https://example.com:8443/app.";
        assertEquals("The base URL \"ftp://x\" is not an http or https URL" + expected, refused("ftp://x"));
        assertEquals("The base URL \"localhost\" is not an http or https URL" + expected, refused("localhost"));
        assertEquals("The base URL \"http://x/?a=1\" has a query or a fragment" + expected, refused("http://x/?a=1"));
        assertEquals("The base URL \"http:///app\" has no host" + expected, refused("http:///app"));
        assertEquals("The base URL \"http://x:abc/\" has a bad port" + expected, refused("http://x:abc/"));
        assertEquals("The base URL \"http://x:70000\" has a bad port" + expected, refused("http://x:70000"));
    }

    private static String refused(String url) {
        return assertThrows(IllegalArgumentException.class,
                () -> TestClient.builder((environ, startResponse) -> List.of()).baseUrl(url)).getMessage();
    }
}
