/**
 * Benchmarks: JMH benchmarks of hot paths, and the server mains that {@code benchmarks/wrk.sh}
 * drives with wrk. Nothing here runs during the tests; results go to {@code benchmarks/RESULTS.md}.
 */
package dev.carafe.benchmarks;
