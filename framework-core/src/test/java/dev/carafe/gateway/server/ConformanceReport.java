package dev.carafe.gateway.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The conformance run's results: counts per suite and every skip, Carafe decision and mismatch, as
 * text for standard output and {@code target/conformance-report.txt}.
 */
final class ConformanceReport {

    /** How one vector ended. */
    enum Verdict { ACCEPTED, REFUSED, SKIPPED, MISMATCH, KNOWN_FAILURE }

    /** One vector's result. */
    record Result(ConformanceVector vector, Verdict verdict, Optional<String> detail) {
    }

    private final List<Result> results = new ArrayList<>();

    synchronized void add(Result result) {
        results.add(result);
    }

    synchronized List<Result> results() {
        return List.copyOf(results);
    }

    /** @return the report text */
    synchronized String text() {
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (Result result : results) {
            counts.computeIfAbsent(result.vector().suite(), s -> new int[Verdict.values().length])
                    [result.verdict().ordinal()]++;
        }
        int[] total = new int[Verdict.values().length];
        StringBuilder text = new StringBuilder("Carafe HTTP/1.1 conformance report\n\n");
        text.append(String.format("%-18s %9s %9s %9s %11s %14s%n", "suite", "accepted", "refused", "skipped",
                "mismatched", "known failures"));
        counts.forEach((suite, c) -> {
            text.append(row(suite, c));
            for (int i = 0; i < c.length; i++) {
                total[i] += c[i];
            }
        });
        text.append(row("total", total));
        section(text, "Mismatches", Verdict.MISMATCH, r -> r.detail().orElse(""));
        section(text, "Known failures (server issues; the vector still runs and must keep failing until fixed)",
                Verdict.KNOWN_FAILURE, r -> r.detail().orElse(""));
        section(text, "Skipped", Verdict.SKIPPED, r -> r.vector().skip().orElse(""));
        text.append("\nCarafe decisions and adaptations (vector run with Carafe's expectation):\n");
        results.stream().filter(r -> r.vector().skip().isEmpty() && r.vector().note().isPresent())
                .forEach(r -> text.append("  ").append(line(r)).append(" [").append(r.verdict().name().toLowerCase())
                        .append("]: ").append(r.vector().note().get()).append('\n'));
        return text.toString();
    }

    /** Writes the report to a file, creating its folder. */
    void write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text(), StandardCharsets.UTF_8);
    }

    private static String row(String suite, int[] c) {
        return String.format("%-18s %9d %9d %9d %11d %14d%n", suite, c[0], c[1], c[2], c[3], c[4]);
    }

    private void section(StringBuilder text, String title, Verdict verdict,
            java.util.function.Function<Result, String> why) {
        List<Result> matching = results.stream().filter(r -> r.verdict() == verdict).toList();
        text.append('\n').append(title).append(" (").append(matching.size()).append("):\n");
        for (Result result : matching) {
            text.append("  ").append(line(result)).append(": ").append(why.apply(result)).append('\n');
        }
    }

    private static String line(Result result) {
        ConformanceVector v = result.vector();
        String title = v.title().equals(v.id()) ? "" : " (" + v.title() + ")";
        return v.name() + title + " {" + v.profile().describe() + "}";
    }
}
