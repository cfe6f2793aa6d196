/**
 * The servers {@code benchmarks/wrk.sh} drives with wrk, each a {@code main} taking the port: Carafe's
 * gateway server hosting a raw gateway application ({@link dev.carafe.benchmarks.server.CarafeMain}),
 * and, serving the same bytes, raw Undertow, raw Jetty 12 core and the JDK's HttpServer.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.carafe.benchmarks.server.CarafeMain 8080 &
 * wrk -t2 -c64 -d15s --latency http://127.0.0.1:8080/plaintext
 * }</pre>
 *
 * <p>Every target answers {@code GET /plaintext} with {@code Hello, World!} ({@code text/plain}) and
 * {@code GET /json} with {@code {"message":"Hello, World!"}} ({@code application/json}, serialized
 * by Jackson per request), both with {@code Content-Length}; results are in
 * {@code benchmarks/RESULTS.md}.
 */
package dev.carafe.benchmarks.server;
