/**
 * Hosting a gateway application in the JDK's built-in HTTP server ({@code com.sun.net.httpserver}),
 * with no dependency beyond the JDK.
 *
 * <pre>{@code
 * try (JdkServer server = JdkServer.start(app, new InetSocketAddress("127.0.0.1", 8080))) {
 *     ...
 * }
 * // or, in a server you configure yourself:
 * httpServer.createContext("/shop", GatewayHandler.of(app));
 * }</pre>
 */
package dev.carafe.gateway.jdk;
