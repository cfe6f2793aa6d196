package dev.carafe.gateway.testing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.carafe.gateway.Application;
import dev.carafe.gateway.Environ;
import dev.carafe.gateway.Header;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TestClientCookiesTest {

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final ManualClock clock = new ManualClock();

    /** Sets the cookies named in the query ({@code set=a=1;Path=/x}) and answers with the Cookie header it got. */
    private static final Application COOKIES = (environ, startResponse) -> {
        List<Header> headers = new ArrayList<>(List.of(new Header("Content-Type", "text/plain")));
        String query = Environ.utf8((String) environ.get(Environ.QUERY_STRING));
        for (String part : query.split("&")) {
            if (part.startsWith("set=")) {
                headers.add(new Header("Set-Cookie", java.net.URLDecoder.decode(part.substring(4), UTF_8)));
            }
        }
        startResponse.start("200 OK", headers);
        return List.of(String.valueOf(environ.getOrDefault("HTTP_COOKIE", "")).getBytes(UTF_8));
    };

    private TestClient client() {
        return TestClient.builder(COOKIES).clock(clock).build();
    }

    private static TestRequest setting(TestClient client, String path, String... setCookies) {
        TestRequest request = client.request("GET", path);
        for (String setCookie : setCookies) {
            request.query("set", setCookie);
        }
        return request;
    }

    @Test
    void cookiesAreKeptAndSentBackInOneHeader() {
        TestClient client = client();
        setting(client, "/", "session=abc; HttpOnly; SameSite=Lax", "theme=dark").send();
        assertEquals("session=abc; theme=dark", client.get("/").text());
        Cookie session = client.cookies().cookie("session").orElseThrow();
        assertEquals(new Cookie("session", "abc", "localhost", true, "/", false, true, Optional.empty()), session);
    }

    @Test
    void aSetCookieReceivedWithoutARequestIsKeptAndSentLikeAnyOther() {
        CookieJar jar = client().cookies();
        jar.receive("session=abc; Path=/; HttpOnly", "/");
        jar.receive("cart=1; Path=/shop", "/shop/items");

        assertEquals(Optional.of("session=abc"), jar.header("/"));
        assertEquals(Optional.of("cart=1; session=abc"), jar.header("/shop/x"));
        jar.receive("session=; Max-Age=0; Path=/", "/");
        assertEquals(Optional.empty(), jar.header("/"));
    }

    @Test
    void maxAgeZeroDeletesACookie() {
        TestClient client = client();
        setting(client, "/", "session=abc").send();
        setting(client, "/", "session=; Max-Age=0").send();
        assertEquals("", client.get("/").text());
        assertEquals(List.of(), client.cookies().cookies());
    }

    @Test
    void anExpiresInThePastDeletesACookie() {
        TestClient client = client();
        setting(client, "/", "session=abc").send();
        setting(client, "/", "session=; Expires=Thu, 01 Jan 1970 00:00:00 GMT").send();
        assertEquals("", client.get("/").text());
    }

    @Test
    void cookiesExpireWithMaxAgeOrExpiresAsTheClockMoves() {
        TestClient client = client();
        setting(client, "/", "short=1; Max-Age=60", "long=2; Expires=Fri, 02 Jan 2026 00:00:00 GMT",
                "both=3; Max-Age=10; Expires=Fri, 02 Jan 2026 00:00:00 GMT").send();
        assertEquals(Optional.of(Instant.parse("2026-01-01T00:01:00Z")),
                client.cookies().cookie("short").orElseThrow().expires());
        clock.now = clock.now.plus(Duration.ofSeconds(30));
        assertEquals("short=1; long=2", client.get("/").text());
        clock.now = clock.now.plus(Duration.ofMinutes(5));
        assertEquals("long=2", client.get("/").text());
        clock.now = clock.now.plus(Duration.ofDays(1));
        assertEquals("", client.get("/").text());
    }

    @Test
    void hugeOrMalformedMaxAgesAreHandledLikeBrowsersDo() {
        TestClient client = client();
        setting(client, "/", "forever=1; Max-Age=99999999999999999999", "odd=2; Max-Age=soon",
                "huge=3; Max-Age=9223372036854775807").send();
        assertEquals(Optional.of(Instant.MAX), client.cookies().cookie("huge").orElseThrow().expires());
        assertEquals(Optional.empty(), client.cookies().cookie("odd").orElseThrow().expires());
        assertEquals("forever=1; odd=2; huge=3", client.get("/").text());
    }

    @Test
    void pathLimitsWhereACookieIsSentLongestPathFirst() {
        TestClient client = client();
        setting(client, "/", "all=1", "admin=2; Path=/admin").send();
        assertEquals("all=1", client.get("/").text());
        assertEquals("all=1", client.get("/administrator").text());
        assertEquals("admin=2; all=1", client.get("/admin/users").text());
    }

    @Test
    void theDefaultPathIsTheDirectoryOfTheRequest() {
        TestClient client = client();
        setting(client, "/account/login", "flash=hi").send();
        assertEquals("/account", client.cookies().cookie("flash").orElseThrow().path());
        assertEquals("", client.get("/").text());
        assertEquals("flash=hi", client.get("/account/profile").text());
    }

    @Test
    void domainCookiesGoToSubdomainsAndForeignDomainsAreIgnored() {
        TestClient client = client();
        setting(client, "http://www.example.com/", "wide=1; Domain=.example.com", "narrow=2",
                "foreign=3; Domain=other.org").send();
        assertEquals("wide=1; narrow=2", client.get("http://www.example.com/").text());
        assertEquals("wide=1", client.get("http://api.example.com/").text());
        assertEquals("", client.get("/").text());
        assertFalse(client.cookies().cookie("foreign").isPresent());
    }

    @Test
    void secureCookiesGoOnlyOverHttps() {
        TestClient client = client();
        setting(client, "/", "token=t; Secure").https().send();
        assertEquals("", client.get("/").text());
        assertEquals("token=t", client.request("GET", "/").https().send().text());
    }

    @Test
    void theJarCanBeReadSetAndCleared() {
        TestClient client = client();
        client.cookies().set(Cookie.of("theme", "dark"));
        client.cookies().set(Cookie.of("lang", "fr"));
        assertEquals("theme=dark; lang=fr", client.get("/").text());
        assertEquals(Optional.of("dark"), client.cookies().value("theme"));
        client.cookies().remove("theme");
        assertEquals("lang=fr", client.get("/").text());
        client.cookies().clear();
        assertEquals("", client.get("/").text());
    }

    @Test
    void aCookieHeaderGivenByTheTestIsJoinedWithTheJar() {
        TestClient client = client();
        client.cookies().set(Cookie.of("a", "1"));
        assertEquals("a=1; b=2", client.request("GET", "/").header("Cookie", "b=2").send().text());
    }
}
