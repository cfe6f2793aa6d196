/**
 * The template layer's overhead: TechEmpower's fortunes page rendered through
 * {@link dev.carafe.templates.Templates} and through Pebble called directly, in the same JMH run
 * ({@link dev.carafe.benchmarks.templates.FortunesBenchmark}), and the same comparison in CPU time
 * for a shared machine ({@link dev.carafe.benchmarks.templates.FortunesCpuTime}). Results are in
 * {@code benchmarks/RESULTS.md} ("Templates: fortunes").
 *
 * <pre>{@code
 * mvn -B -o -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar 'templates.FortunesBenchmark' -f 1 -wi 3 -i 5 -prof gc
 * java -cp benchmarks/target/benchmarks.jar dev.carafe.benchmarks.templates.FortunesCpuTime
 * }</pre>
 */
package dev.carafe.benchmarks.templates;
