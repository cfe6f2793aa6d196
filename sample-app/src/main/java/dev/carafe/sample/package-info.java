/**
 * The smallest gateway application, written against the gateway contract alone, without the App
 * framework: README's first example. Serve it with Carafe's server from the command line:
 *
 * <pre>{@code
 * java -cp sample-app/target/sample-app.jar dev.carafe.gateway.server.Main dev.carafe.sample.Hello \
 *     --bind 127.0.0.1:8000
 * }</pre>
 *
 * <p>The sample application itself, flaskr, is in {@code dev.carafe.flaskr}.
 */
package dev.carafe.sample;
