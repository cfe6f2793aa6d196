/**
 * The wrk target for the App framework's overhead: Carafe's gateway server hosting an
 * {@link dev.carafe.App} with 50 API-shaped rules ({@link dev.carafe.benchmarks.app.ApiApp},
 * {@link dev.carafe.benchmarks.app.AppMain}), measured in the same run as the raw gateway
 * application of {@link dev.carafe.benchmarks.server.CarafeMain} by {@code benchmarks/wrk-app.sh}.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.carafe.benchmarks.app.AppMain 8080 &
 * curl -i http://127.0.0.1:8080/plaintext     # Hello, World!  (text/plain)
 * curl -i http://127.0.0.1:8080/json          # {"message":"Hello, World!"}  (application/json)
 * }</pre>
 *
 * <p>{@link dev.carafe.benchmarks.app.DispatchBenchmark} times the same two requests as one gateway
 * call, App against raw, without the server (JMH). Results are in {@code benchmarks/RESULTS.md}
 * ("App overhead (wrk)").
 */
package dev.carafe.benchmarks.app;
