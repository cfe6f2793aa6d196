/**
 * Ready-made gateway middleware, the Java counterparts of Werkzeug's: {@link
 * dev.carafe.gateway.middleware.Dispatcher} mounts applications under path prefixes, {@link
 * dev.carafe.gateway.middleware.StaticFiles} serves files from directories and the classpath,
 * {@link dev.carafe.gateway.middleware.ProxyFix} trusts {@code X-Forwarded-*} and {@code Forwarded}
 * headers from a known number of proxies at known addresses (loopback by default), and {@link dev.carafe.gateway.middleware.RequestLog}
 * writes an access log. {@link dev.carafe.gateway.middleware.ForwardingBody} helps authors of new
 * middleware keep the obligations of {@code docs/gateway.md} (close forwarded exactly once, one
 * chunk out per chunk in). {@link dev.carafe.gateway.middleware.FileResponder} sends one file with
 * the conditional, range and traversal handling of {@code StaticFiles}, for applications that choose
 * the file themselves.
 *
 * <pre>{@code
 * Application app = Middleware.chain(site,
 *         ProxyFix.builder().build(),
 *         RequestLog.toSystemLogger(),
 *         StaticFiles.builder().directory("/static", Path.of("static")).build(),
 *         Dispatcher.builder().mount("/api", api)::build);
 * }</pre>
 *
 * <p>Every middleware here uses the JDK only. The user guide is {@code docs/middleware.md}.
 */
package dev.carafe.gateway.middleware;
