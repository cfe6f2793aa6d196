package dev.carafe.gateway.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConformanceReportTest {

    private static ConformanceVector vector(String suite, String id) {
        return new ConformanceVector(suite, id, id, new byte[0], new ConformanceOutcome.Accepted(List.of()),
                ConformanceProfile.carafe(), false, Optional.empty(), Optional.empty());
    }

    @Test
    void theReportCountsEachSuiteAndListsSkipsMismatchesAndDecisions(@TempDir Path folder) throws Exception {
        ConformanceReport report = new ConformanceReport();
        report.add(new ConformanceReport.Result(vector("a", "1"), ConformanceReport.Verdict.ACCEPTED, Optional.empty()));
        report.add(new ConformanceReport.Result(vector("a", "2").skipped("cfg: proxy_protocol (no)"),
                ConformanceReport.Verdict.SKIPPED, Optional.empty()));
        report.add(new ConformanceReport.Result(vector("b", "3").expecting(new ConformanceOutcome.Refused(List.of(),
                Set.of(400), false, "x"), "RFC says so"), ConformanceReport.Verdict.MISMATCH, Optional.of("got 200")));
        Path file = folder.resolve("target/report.txt");
        report.write(file);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertEquals(report.text(), text);
        assertTrue(text.contains("a                          1         0         1           0              0\n"), text);
        assertTrue(text.contains("b                          0         0         0           1              0\n"), text);
        assertTrue(text.contains("total                      1         0         1           1              0\n"), text);
        assertTrue(text.contains("Mismatches (1):\n  b 3 {defaults}: got 200\n"), text);
        assertTrue(text.contains("Skipped (1):\n  a 2 {defaults}: cfg: proxy_protocol (no)\n"), text);
        assertTrue(text.contains("  b 3 {defaults} [mismatch]: RFC says so\n"), text);
    }

    @Test
    void everyKnownFailureNamesAVectorThatRuns() {
        Path root = ConformanceTest.vectorsFolder();
        List<ConformanceVector> loaded = new ArrayList<>(ConformanceGunicornSuite.load(root.resolve("gunicorn-requests")));
        loaded.addAll(ConformanceLlhttpSuite.load(root.resolve("llhttp-request")));
        List<ConformanceVector> known = ConformanceDecisions.apply(loaded).stream()
                .filter(v -> v.skip().isEmpty() && ConformanceKnownFailures.of(v).isPresent()).toList();
        assertEquals(ConformanceKnownFailures.count(), known.size(),
                known.stream().map(ConformanceVector::name).collect(Collectors.joining(", ")));
    }
}
