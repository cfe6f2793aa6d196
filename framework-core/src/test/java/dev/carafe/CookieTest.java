package dev.carafe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carafe.gateway.testing.TestClient;
import dev.carafe.gateway.testing.TestResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class CookieTest {

    private static final Instant NOW = Instant.parse("2026-11-24T03:00:00Z");

    @Test
    void aPlainCookieCoversTheWholeSite() {
        assertEquals("theme=dark; Path=/", Cookie.of("theme", "dark").headerValue());
    }

    @Test
    void everyAttributeIsWrittenInWerkzeugsOrder() {
        Cookie cookie = Cookie.of("id", "42").withDomain("example.com").withExpires(Instant.parse("2030-01-02T03:04:05Z"))
                .withMaxAge(Duration.ofHours(1)).withSecure(true).withHttpOnly(true).withPath("/app")
                .withSameSite(Cookie.SameSite.STRICT).withPartitioned(true);
        assertEquals("id=42; Domain=example.com; Expires=Wed, 02 Jan 2030 03:04:05 GMT; Max-Age=3600; Secure;"
                + " HttpOnly; Path=/app; SameSite=Strict; Partitioned", cookie.headerValue(NOW));
    }

    @Test
    void maxAgeAlsoSendsExpiresCountedFromNow() {
        assertEquals("a=1; Expires=Tue, 24 Nov 2026 03:00:30 GMT; Max-Age=30; Path=/",
                Cookie.of("a", "1").withMaxAge(Duration.ofSeconds(30)).headerValue(NOW));
        assertEquals("a=1; Expires=Fri, 31 Dec 9999 23:59:59 GMT; Max-Age=" + Long.MAX_VALUE + "; Path=/",
                Cookie.of("a", "1").withMaxAge(Duration.ofSeconds(Long.MAX_VALUE)).headerValue(NOW));
    }

    @Test
    void eachSameSiteValueIsWrittenAndNoneAddsSecure() {
        assertEquals("a=1; Path=/; SameSite=Lax", Cookie.of("a", "1").withSameSite(Cookie.SameSite.LAX).headerValue());
        assertEquals("a=1; Path=/; SameSite=Strict",
                Cookie.of("a", "1").withSameSite(Cookie.SameSite.STRICT).headerValue());
        assertEquals("a=1; Secure; Path=/; SameSite=None",
                Cookie.of("a", "1").withSameSite(Cookie.SameSite.NONE).headerValue());
    }

    @Test
    void partitionedForcesSecure() {
        assertEquals("a=1; Secure; Path=/; Partitioned", Cookie.of("a", "1").withPartitioned(true).headerValue());
    }

    @Test
    void pathCanBeLeftOutAndIsPercentEncoded() {
        assertEquals("a=1", Cookie.of("a", "1").withoutPath().headerValue());
        assertEquals("a=1; Path=/caf%C3%A9/a%3Bb%20c", Cookie.of("a", "1").withPath("/café/a;b c").headerValue());
        assertEquals("Path 'admin' of cookie 'a' must start with '/', for example '/' or '/admin'.",
                assertThrows(IllegalArgumentException.class, () -> Cookie.of("a", "1").withPath("admin")).getMessage());
    }

    @Test
    void domainLosesItsPortAndLeadingDotAndBecomesAscii() {
        assertEquals("a=1; Domain=example.com; Path=/", Cookie.of("a", "1").withDomain(".Example.com:8080").headerValue());
        assertEquals("a=1; Domain=xn--bcher-kva.example; Path=/", Cookie.of("a", "1").withDomain("bücher.example").headerValue());
        assertEquals("Domain 'a b' of cookie 'a' is not a host name; use a name such as 'example.com', or no domain"
                + " for a cookie of this host only.",
                assertThrows(IllegalArgumentException.class, () -> Cookie.of("a", "1").withDomain("a b")).getMessage());
    }

    @Test
    void valuesOutsideTheCookieOctetsAreQuotedAndEscaped() {
        assertEquals("a=?foo/bar=[x]; Path=/", Cookie.of("a", "?foo/bar=[x]").headerValue());
        assertEquals("a=\"bar baz\"; Path=/", Cookie.of("a", "bar baz").headerValue());
        assertEquals("a=\"x\\054y\\073z\"; Path=/", Cookie.of("a", "x,y;z").headerValue());
        assertEquals("a=\"say \\\"hi\\\" \\\\o/\"; Path=/", Cookie.of("a", "say \"hi\" \\o/").headerValue());
        assertEquals("a=\"\\303\\251\\012\"; Path=/", Cookie.of("a", "é\n").headerValue());
        assertEquals("a=; Path=/", Cookie.of("a", "").headerValue());
    }

    @Test
    void namesMustBeTokens() {
        assertEquals("Cookie name 'my cookie' is not a token: ' ' at index 2 is not allowed. Use letters, digits and"
                + " !#$%&'*+-.^_`|~ only, for example 'session_id'.",
                assertThrows(IllegalArgumentException.class, () -> Cookie.of("my cookie", "1")).getMessage());
        assertEquals("A cookie name is empty; give the cookie a name such as 'session'.",
                assertThrows(IllegalArgumentException.class, () -> Cookie.of("", "1")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Cookie.of("a=b", "1"));
    }

    @Test
    void expiresAfterTheYear9999IsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Cookie.of("a", "1").withExpires(Instant.MAX));
    }

    @Test
    void withCookieAddsOneSetCookieHeaderPerCookie() {
        Response response = Response.text("ok").withCookie(Cookie.of("a", "1"))
                .withCookie(Cookie.of("b", "2").withHttpOnly(true));
        TestResponse sent = TestClient.of(response).get("/");
        assertEquals(List.of("a=1; Path=/", "b=2; HttpOnly; Path=/"), sent.headers("Set-Cookie"));
    }

    @Test
    void deletingTheSessionCookieSendsFlasksExactHeader() {
        Response response = Response.redirect("/").withDeletedCookie(Cookie.of("session", "x").withHttpOnly(true));
        assertEquals(List.of("session=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; HttpOnly; Path=/"),
                TestClient.of(response).get("/").headers("Set-Cookie"));
    }

    @Test
    void deletingByNameUsesTheRootPath() {
        assertEquals("theme=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/",
                Response.of(200).withDeletedCookie("theme").header("Set-Cookie").orElseThrow());
        assertEquals("t=; Domain=example.com; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/a",
                Response.of(200).withDeletedCookie(Cookie.of("t", "v").withPath("/a").withDomain("example.com"))
                        .header("Set-Cookie").orElseThrow());
    }

    @Test
    void aCookieLargerThanBrowsersKeepIsLoggedAsAWarning() {
        Logger logger = Logger.getLogger("dev.carafe.App");
        List<LogRecord> records = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(handler);
        try {
            Response.of(200).withCookie(Cookie.of("small", "x".repeat(4079)));
            assertTrue(records.isEmpty(), "4093 bytes exactly is fine");
            Response.of(200).withCookie(Cookie.of("big", "x".repeat(5000)));
            assertEquals(1, records.size());
            assertEquals("Set-Cookie for cookie 'big' is 5012 bytes (the value 5000), above the 4093 bytes browsers"
                    + " are known to keep; a browser may drop it without a word. Keep less in the cookie, for example"
                    + " an id, with the data stored on the server.", records.get(0).getMessage());
        } finally {
            logger.removeHandler(handler);
        }
        assertFalse(records.isEmpty());
    }
}
