package dev.carafe.gateway.server;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Sends every request vector of the Gunicorn and llhttp suites to a real {@link GatewayServer}
 * running the {@link ConformanceEcho} application, one dynamic test per vector, and writes the
 * summary to {@code target/conformance-report.txt}. Vectors that need the same settings share one
 * server; see {@code docs/conformance.md}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConformanceTest {

    private final Map<ConformanceProfile, GatewayServer> servers = new HashMap<>();
    private final ConformanceReport report = new ConformanceReport();

    @TestFactory
    Stream<DynamicTest> everyVectorGetsTheAnswerCarafeDocuments() {
        Path root = vectorsFolder();
        List<ConformanceVector> loaded = new ArrayList<>(ConformanceGunicornSuite.load(root.resolve("gunicorn-requests")));
        loaded.addAll(ConformanceLlhttpSuite.load(root.resolve("llhttp-request")));
        return ConformanceDecisions.apply(loaded).stream()
                .map(vector -> DynamicTest.dynamicTest(vector.name() + " " + vector.title(), () -> run(vector)));
    }

    private void run(ConformanceVector vector) throws IOException {
        if (vector.skip().isPresent()) {
            report.add(new ConformanceReport.Result(vector, ConformanceReport.Verdict.SKIPPED, Optional.empty()));
            Assumptions.abort(vector.skip().get());
        }
        ConformanceExchange exchange = ConformanceClient.exchange(server(vector.profile()).address(), vector);
        Optional<String> mismatch = ConformanceCheck.verify(vector, exchange);
        Optional<String> known = ConformanceKnownFailures.of(vector);
        if (known.isPresent()) {
            report.add(new ConformanceReport.Result(vector, ConformanceReport.Verdict.KNOWN_FAILURE,
                    Optional.of(known.get() + " — observed: " + mismatch.orElse("it passes now"))));
            if (mismatch.isEmpty()) {
                fail(vector.name() + " is listed as a known failure but now passes: remove it from "
                        + "ConformanceKnownFailures (" + known.get() + ")");
            }
            return;
        }
        ConformanceReport.Verdict verdict = mismatch.isPresent() ? ConformanceReport.Verdict.MISMATCH
                : vector.outcome() instanceof ConformanceOutcome.Accepted
                        ? ConformanceReport.Verdict.ACCEPTED : ConformanceReport.Verdict.REFUSED;
        report.add(new ConformanceReport.Result(vector, verdict, mismatch));
        if (mismatch.isPresent()) {
            fail(vector.name() + " (" + vector.title() + "), sent \"" + ConformanceBytes.show(vector.bytes(), 400)
                    + "\": " + mismatch.get());
        }
    }

    private synchronized GatewayServer server(ConformanceProfile profile) throws IOException {
        GatewayServer server = servers.get(profile);
        if (server == null) {
            server = GatewayServer.start(new ConformanceEcho(), profile.settings());
            servers.put(profile, server);
        }
        return server;
    }

    @AfterAll
    void stopServersAndWriteTheReport() throws IOException {
        servers.values().forEach(GatewayServer::close);
        String text = report.text();
        System.out.println(text);
        report.write(Path.of("target", "conformance-report.txt"));
    }

    static Path vectorsFolder() {
        try {
            return Path.of(ConformanceTest.class.getResource("/conformance/README.md").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("The conformance vectors are not on the test classpath.", e);
        }
    }
}
