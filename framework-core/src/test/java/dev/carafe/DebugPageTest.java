package dev.carafe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carafe.gateway.middleware.ProxyFix;
import dev.carafe.gateway.testing.TestClient;
import dev.carafe.gateway.testing.TestResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The debug page: only in debug mode, only for clients on this machine, everything escaped. */
class DebugPageTest {

    /** An App whose /fail throws an exception with a cause; its source is found under src/test/java. */
    private static App failing(boolean debug) {
        App app = new App();
        app.config().put("DEBUG_SOURCE_ROOTS", List.of("src/no/such/dir", "src/test/java"));
        app.debug(debug);
        app.route("/fail", java.util.Set.of("GET", "POST"), "fail", request -> {
            request.form();
            throw new IllegalStateException("outer <b>", new IOException("disk & full"));
        });
        app.errorHandler(500, (request, error) -> Response.text("custom 500").withStatus(500));
        return app;
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        assertTrue(from >= 0, "no " + start + " in " + text);
        return text.substring(from + start.length(), text.indexOf(end, from + start.length()));
    }

    @Test
    void aLoopbackClientInDebugModeSeesTheChainTheTracesTheSourceAndTheRequest() {
        TestResponse response = failing(true).testClient().request("GET", "/fail?page=2")
                .header("Cookie", "session=s3cr3t-value")
                .header("Authorization", "Bearer abc.def")
                .header("X-Api-Token", "t0ken")
                .header("X-Note", "<script>alert(1)</script>")
                .send();
        String page = response.text();

        assertEquals(500, response.status());
        assertEquals(Optional.of("text/html; charset=utf-8"), response.header("Content-Type"));
        assertTrue(page.contains("<h1>java.lang.IllegalStateException</h1>\n<p>outer &lt;b&gt;</p>"), page);
        assertTrue(page.contains("<h3>java.lang.IllegalStateException: outer &lt;b&gt;</h3>"), page);
        assertTrue(page.contains("<h3>Caused by: java.io.IOException: disk &amp; full</h3>"), page);
        assertTrue(page.contains("at dev.carafe.DebugPageTest.lambda$failing$0(DebugPageTest.java:"), page);
        assertTrue(page.contains(" more, as above\n"), "common frames of the cause are elided: " + page);
        String marked = between(page, "<span class=current>", "</span>");
        assertTrue(marked.contains(" &gt;             throw new IllegalStateException(&#34;outer &lt;b&gt;&#34;, "
                + "new IOException(&#34;disk &amp; full&#34;));"), marked);
        assertTrue(page.contains("src/test/java/dev/carafe/DebugPageTest.java</code>"), page);
        assertTrue(page.contains("<tr><th>Method<td>GET\n<tr><th>URL<td>http://localhost/fail?page=2\n"
                + "<tr><th>Endpoint<td>fail\n<tr><th>Client<td>127.0.0.1\n"), page);
        assertTrue(page.contains("<tr><th>Cookie<td>(hidden: 20 characters)\n"), page);
        assertTrue(page.contains("<tr><th>Authorization<td>(hidden: 14 characters)\n"), page);
        assertTrue(page.contains("<tr><th>X-Api-Token<td>(hidden: 5 characters)\n"), page);
        assertTrue(page.contains("<tr><th>X-Note<td>&lt;script&gt;alert(1)&lt;/script&gt;\n"), page);
        assertFalse(page.contains("s3cr3t") || page.contains("abc.def") || page.contains("t0ken")
                || page.contains("<script>"), page);
        assertTrue(page.contains("<h3>Form</h3>\n<p>(no form fields)</p>"), page);
    }

    @Test
    void theFormShowsItsFieldNamesButNotItsValues() {
        String page = failing(true).testClient().post("/fail").form("title", "Hello").form("body", "secret text")
                .send().text();
        assertTrue(page.contains("<p>fields: body, title (values not shown)</p>"), page);
        assertFalse(page.contains("secret text"), page);
    }

    @Test
    void aClientOnAnotherMachineGetsTheUsual500EvenInDebugMode() {
        TestResponse response = failing(true).testClient().request("GET", "/fail").remoteAddr("203.0.113.9").send();
        assertEquals(500, response.status());
        assertEquals("custom 500", response.text());
    }

    @Test
    void withoutDebugModeALoopbackClientGetsTheUsual500() {
        App app = new App();
        app.get("/fail", request -> {
            throw new IllegalStateException("outer <b>");
        });
        String page = app.testClient().get("/fail").text();
        assertFalse(page.contains("IllegalStateException"), page);
        assertTrue(page.contains("<h1>Internal Server Error</h1>"), page);
    }

    @Test
    void aRequestForwardedByAProxyIsNotLocalUnlessProxyFixSetTheClientAddress() {
        App app = failing(true);
        TestResponse unfixed = app.testClient().request("GET", "/fail").header("X-Forwarded-For", "127.0.0.1").send();
        TestClient fixed = TestClient.of(ProxyFix.builder().xFor(1).build().wrap(app));
        TestResponse remote = fixed.request("GET", "/fail").header("X-Forwarded-For", "203.0.113.9").send();
        TestResponse local = fixed.request("GET", "/fail").header("X-Forwarded-For", "::1").send();
        TestResponse untrusted = TestClient.of(ProxyFix.builder().xFor(0).build().wrap(app))
                .request("GET", "/fail").header("X-Forwarded-For", "::1").send();

        assertEquals("custom 500", unfixed.text());
        assertEquals("custom 500", remote.text());
        assertTrue(local.text().contains("<tr><th>Client<td>::1\n"), local.text());
        assertEquals("custom 500", untrusted.text());
    }

    @Test
    void aJsonClientGetsAProblemDocumentWithTheStackTrace() {
        TestResponse response = failing(true).testClient().request("GET", "/fail").header("Accept", "application/json")
                .send();
        assertEquals(Optional.of("application/problem+json"), response.header("Content-Type"));
        Map<?, ?> problem = failing(false).testClient().json(response, Map.class);
        assertTrue(String.valueOf(problem.get("detail")).startsWith("java.lang.IllegalStateException: outer <b>\n"
                + "\tat dev.carafe.DebugPageTest.lambda$failing$0(DebugPageTest.java:"), problem.toString());
        assertTrue(String.valueOf(problem.get("detail")).contains("Caused by: java.io.IOException: disk & full"),
                problem.toString());
    }

    @Test
    void loopbackAddressesAreRecognisedWithoutResolvingNames() {
        for (String local : List.of("127.0.0.1", "127.1.2.3", "::1", "0:0:0:0:0:0:0:1", "::ffff:127.0.0.1")) {
            assertTrue(LocalClient.loopback(local), local);
        }
        for (String remote : List.of("128.0.0.1", "10.0.0.1", "localhost", "127.0.0", "127.0.0.256", "::2",
                "127.0.0.1.example.com", "")) {
            assertFalse(LocalClient.loopback(remote), remote);
        }
    }
}
