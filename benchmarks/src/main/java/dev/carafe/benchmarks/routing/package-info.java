/**
 * JMH benchmarks of {@code dev.carafe.routing}: matching (static, dynamic, 404) and building at 10,
 * 100 and 1,000 rules, beside a list-of-regexes router measured in the same run. Run with
 * {@code java -jar benchmarks/target/benchmarks.jar 'routing'}; results in {@code benchmarks/RESULTS.md}.
 */
package dev.carafe.benchmarks.routing;
