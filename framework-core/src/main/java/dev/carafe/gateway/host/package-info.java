/**
 * Hosting gateway applications inside other servers: the machinery every host adapter shares.
 *
 * <p>An adapter (such as {@code dev.carafe.gateway.jdk} or {@code dev.carafe.gateway.servlet})
 * builds the environ from its server's request, using {@link dev.carafe.gateway.host.PathSplit}
 * for {@code SCRIPT_NAME}/{@code PATH_INFO}, {@link dev.carafe.gateway.host.Hosting#input} and
 * {@link dev.carafe.gateway.host.Hosting#errors}; it implements
 * {@link dev.carafe.gateway.host.HostExchange} over its server's response, and calls
 * {@link dev.carafe.gateway.host.Hosting#respond}, which runs the start-response state machine,
 * checks the headers, streams and closes the body, and answers 500 when the application fails.
 *
 * <pre>{@code
 * PathSplit split = PathSplit.of(rawPath, "/shop").orElseThrow();
 * environ.put(Environ.SCRIPT_NAME, split.scriptName());
 * environ.put(Environ.PATH_INFO, split.pathInfo());
 * Hosting.respond(app, environ, exchange);
 * }</pre>
 */
package dev.carafe.gateway.host;
