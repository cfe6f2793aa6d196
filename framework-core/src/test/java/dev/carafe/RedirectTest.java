package dev.carafe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.carafe.gateway.testing.TestClient;
import dev.carafe.gateway.testing.TestResponse;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedirectTest {

    private static TestResponse send(Response response) {
        TestResponse sent = TestClient.of(response).get("/");
        assertEquals("", sent.errors());
        return sent;
    }

    @Test
    void redirectIsA302WithTheLocationKeptRelative() {
        TestResponse sent = send(Response.redirect("/x"));
        assertEquals("302 Found", sent.statusLine());
        assertEquals(Optional.of("/x"), sent.header("Location"));
        assertEquals(Optional.of("text/html; charset=utf-8"), sent.header("Content-Type"));
        assertEquals("<!doctype html>\n<html lang=en>\n<title>Redirecting...</title>\n<h1>Redirecting...</h1>\n"
                + "<p>You should be redirected automatically to the target URL: <a href=\"/x\">/x</a>. If not, click"
                + " the link.\n", sent.text());
    }

    @Test
    void eachNamedHelperUsesItsStatus() {
        assertEquals("301 Moved Permanently", send(Response.movedPermanently("a")).statusLine());
        assertEquals("302 Found", send(Response.found("a")).statusLine());
        assertEquals("303 See Other", send(Response.seeOther("a")).statusLine());
        assertEquals("307 Temporary Redirect", send(Response.temporaryRedirect("a")).statusLine());
        assertEquals("308 Permanent Redirect", send(Response.permanentRedirect("a")).statusLine());
    }

    @ParameterizedTest
    @ValueSource(ints = {301, 302, 303, 307, 308})
    void redirectAcceptsEachRedirectStatus(int status) {
        TestResponse sent = send(Response.redirect("../up?x=1", status));
        assertEquals(status, sent.status());
        assertEquals(Optional.of("../up?x=1"), sent.header("Location"));
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 300, 304, 305, 306, 404})
    void otherStatusesAreRefusedNamingTheAllowedOnes(int status) {
        assertEquals("Redirect status " + status + " is not a redirect status; use 301 (moved permanently), 302"
                + " (found), 303 (see other), 307 (temporary redirect) or 308 (permanent redirect).",
                assertThrows(IllegalArgumentException.class, () -> Response.redirect("/", status)).getMessage());
    }

    @Test
    void theLocationIsHtmlEscapedInTheBody() {
        TestResponse sent = send(Response.redirect("/search?q=<b>&x='\"'"));
        assertEquals(Optional.of("/search?q=<b>&x='\"'"), sent.header("Location"));
        assertEquals(true, sent.text().contains("<a href=\"/search?q=&lt;b&gt;&amp;x=&#39;&#34;&#39;\">"
                + "/search?q=&lt;b&gt;&amp;x=&#39;&#34;&#39;</a>"), sent.text());
    }

    @Test
    void nonAsciiInTheLocationIsPercentEncodedAsUtf8() {
        assertEquals(Optional.of("/caf%C3%A9?q=%F0%9F%98%80"),
                send(Response.redirect("/café?q=😀")).header("Location"));
    }

    @Test
    void aLocationWithALineBreakIsRefused() {
        assertEquals("Header 'Location' value \"/a\\r\\nSet-Cookie: x=1\" contains a line break (CR) at index 2;"
                + " header values must be one line. Remove the line break, or percent-encode it if the value is a"
                + " URL.", assertThrows(IllegalArgumentException.class,
                        () -> Response.redirect("/a\r\nSet-Cookie: x=1")).getMessage());
    }

    @Test
    void aRedirectCarriesCookiesAndExtraHeaders() {
        TestResponse sent = send(Response.seeOther("/done").withCookie(Cookie.of("flash", "saved")));
        assertEquals(Optional.of("flash=saved; Path=/"), sent.header("Set-Cookie"));
        assertEquals(Optional.of("/done"), sent.header("Location"));
    }
}
