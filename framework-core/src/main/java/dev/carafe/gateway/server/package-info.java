/**
 * Carafe's production HTTP/1.1 gateway server: it serves any {@link dev.carafe.gateway.Application}
 * over HTTP/1.1 and HTTP/1.0, the role Gunicorn and Waitress play for Python.
 *
 * <pre>{@code
 * Application hello = (environ, startResponse) -> {
 *     startResponse.start("200 OK", List.of(new Header("Content-Type", "text/plain")));
 *     return List.of("Hello, World!".getBytes(StandardCharsets.UTF_8));
 * };
 * GatewayServer server = GatewayServer.start(hello, ServerSettings.builder().port(8000).build());
 * server.stopOnShutdownSignal();
 * server.awaitTermination();
 * }</pre>
 *
 * <p>{@link dev.carafe.gateway.server.ServerSettings} holds every limit and timeout;
 * {@link dev.carafe.gateway.server.GatewayServer} starts and stops the server. Everything else in the
 * package (parser, body decoders, response framing, access log) is package-private. The guide is
 * {@code docs/server.md}.
 */
package dev.carafe.gateway.server;
