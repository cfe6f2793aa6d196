package dev.carafe.benchmarks.server;

/**
 * The JSON benchmark's payload: one per request, serialized by Jackson to
 * {@code {"message":"Hello, World!"}}.
 *
 * @param message the greeting
 */
public record Message(String message) {
}
