package dev.carafe.gateway.middleware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carafe.gateway.Application;
import dev.carafe.gateway.BodyWriter;
import dev.carafe.gateway.Environ;
import dev.carafe.gateway.Header;
import dev.carafe.gateway.Lifespan;
import dev.carafe.gateway.Middleware;
import dev.carafe.gateway.StartResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The code of {@code docs/middleware.md}, compiled and run. */
class MiddlewareDocsSnippetsTest {

    @TempDir
    Path staticDir;

    private final Application site = text("site");
    private final Application api = text("api");
    private final Application tools = text("tools");

    private static Application text(String body) {
        return (environ, startResponse) -> {
            startResponse.start("200 OK", List.of(new Header("Content-Type", "text/plain; charset=utf-8")));
            return List.of(body.getBytes(StandardCharsets.UTF_8));
        };
    }

    @Test
    void oneLineMiddlewareAndChain() throws Exception {
        Files.writeString(staticDir.resolve("site.css"), "body{}");
        // tag::one-line[]
        Middleware alwaysHttps = next -> (environ, startResponse) -> {
            environ.put(Environ.GATEWAY_URL_SCHEME, "https");
            return next.call(environ, startResponse);
        };
        // end::one-line[]
        // tag::chain[]
        Application app = Middleware.chain(site,
                ProxyFix.builder().build(),                               // outermost: fixes the environ first
                RequestLog.toSystemLogger(),                              // logs the client's address
                StaticFiles.builder().directory("/static", staticDir).build(),
                Dispatcher.builder().mount("/api", api)::build);          // innermost: site is the default
        // end::chain[]
        assertEquals("body{}", Exchange.run(app, "GET", "/static/site.css").text());
        assertEquals("api", Exchange.run(app, "GET", "/api/users").text());
        assertEquals("site", Exchange.run(app, "GET", "/").text());
        assertEquals("site", Exchange.run(alwaysHttps.wrap(site), "GET", "/").text());
    }

    @Test
    void dispatcher() throws Exception {
        // tag::dispatcher[]
        Application app = Dispatcher.builder()
                .mount("/api", api)                // /api, /api/... → api; SCRIPT_NAME "/api"
                .mount("/admin/tools", tools)      // longest prefix wins over a "/admin" mount
                .build(site);                      // everything else, unchanged
        // end::dispatcher[]
        assertEquals("tools", Exchange.run(app, "GET", "/admin/tools/x").text());
        assertEquals("site", Exchange.run(app, "GET", "/apix").text());
    }

    @Test
    void staticFiles() throws Exception {
        Files.writeString(staticDir.resolve("app.js"), "run()");
        // tag::static[]
        Application app = StaticFiles.builder()
                .directory("/static", staticDir)                                 // files on disk
                .classpath("/assets", getClass().getClassLoader(), "META-INF/resources/assets")
                .maxAge(Duration.ofDays(7))                                      // Cache-Control: public, max-age=604800
                .contentType("glb", "model/gltf-binary")                         // add or override a type
                .build()
                .wrap(site);                                                     // everything else
        // end::static[]
        Exchange.Result result = Exchange.run(app, "GET", "/static/app.js");
        assertEquals("run()", result.text());
        assertEquals(Optional.of("public, max-age=604800"), result.header("Cache-Control"));
        assertEquals("site", Exchange.run(app, "GET", "/assets/none.js").text());
    }

    @Test
    void proxyFix() throws Exception {
        // tag::proxy-fix[]
        // nginx → app: nginx sets X-Forwarded-For, -Proto and -Host
        Application behindNginx = ProxyFix.builder().xFor(1).xProto(1).xHost(1).build().wrap(site);

        // CDN → nginx → app, both sending RFC 7239 Forwarded
        Application behindTwo = ProxyFix.builder().forwarded(2).build().wrap(site);
        // end::proxy-fix[]
        assertEquals("site", Exchange.run(behindNginx, "GET", "/", "X-Forwarded-Host", "example.com").text());
        assertEquals("site", Exchange.run(behindTwo, "GET", "/", "Forwarded", "for=1.2.3.4, for=10.0.0.2").text());
    }

    @Test
    void proxyFixTrustedProxies() throws Exception {
        Application site = (environ, startResponse) -> text(String.valueOf(environ.get(Environ.REMOTE_ADDR)))
                .call(environ, startResponse);
        // tag::proxy-fix-trusted[]
        // nginx on another machine, 10.0.0.1: name it (by default only 127.0.0.1 and ::1 are believed)
        Application behindRemoteNginx = ProxyFix.builder().trustedProxies("10.0.0.1").build().wrap(site);

        // a pool of load balancers on private networks, IPv4 and IPv6
        Application behindPool = ProxyFix.builder().trustedProxies("10.0.0.0/8", "fd00::/8").build().wrap(site);

        // every peer, as Werkzeug: only when nothing but your proxies can reach the server
        Application anyPeer = ProxyFix.builder().trustedProxies("*").build().wrap(site);
        // end::proxy-fix-trusted[]
        for (Application trusting : List.of(behindRemoteNginx, behindPool, anyPeer)) {   // Exchange's peer: 10.0.0.1
            assertEquals("203.0.113.9", Exchange.run(trusting, "GET", "/", "X-Forwarded-For", "203.0.113.9").text());
        }
        Application loopbackOnly = ProxyFix.builder().build().wrap(site);
        assertEquals("10.0.0.1", Exchange.run(loopbackOnly, "GET", "/", "X-Forwarded-For", "203.0.113.9").text());
    }

    @Test
    void requestLog() throws Exception {
        List<String> lines = new ArrayList<>();
        // tag::request-log[]
        Application logged = RequestLog.toSystemLogger().wrap(site);   // logger "dev.carafe.gateway.access", INFO
        Application toList = RequestLog.to(lines::add).wrap(site);      // any Consumer<String>
        // end::request-log[]
        Exchange.run(logged, "GET", "/");
        Exchange.run(toList, "GET", "/?q=1");
        assertTrue(lines.get(0).matches("10\\.0\\.0\\.1 \"GET /\\?q=1\" 200 4 \\d+ms"), lines.get(0));
    }

    @Test
    void writingYourOwn() throws Exception {
        // tag::own[]
        UnaryOperator<byte[]> upper = chunk -> new String(chunk, StandardCharsets.UTF_8)
                .toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
        Middleware upperCase = next -> Lifespan.forward((environ, startResponse) -> {
            StartResponse changing = (status, headers, excInfo) -> {
                List<Header> changed = new ArrayList<>(headers);
                changed.removeIf(h -> h.is("Content-Length"));            // the body may change length
                BodyWriter writer = startResponse.start(status, changed, excInfo); // excInfo passed on
                return chunk -> writer.write(upper.apply(chunk));          // write() transformed too
            };
            return ForwardingBody.map(next.call(environ, changing), upper); // closes the app's body once
        }, next);                                          // servers still start and stop next
        // end::own[]
        assertEquals("SITE", Exchange.run(upperCase.wrap(site), "GET", "/").text());
        Application writing = (environ, startResponse) -> {
            startResponse.start("200 OK", List.of(new Header("Content-Length", "2"))).write("ab".getBytes(StandardCharsets.UTF_8));
            return List.of();
        };
        Exchange.Result result = Exchange.run(upperCase.wrap(writing), "GET", "/");
        assertEquals("AB", result.text());
        assertEquals(Optional.empty(), result.header("Content-Length"));
    }
}
