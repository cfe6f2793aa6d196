package dev.carafe.gateway.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConformanceDecisionsTest {

    private static ConformanceRequest get(String target, String version, List<Map.Entry<String, String>> headers) {
        return new ConformanceRequest("GET", target, version, headers, new byte[0]);
    }

    private static ConformanceVector accepted(String bytes, ConformanceRequest... requests) {
        return new ConformanceVector("gunicorn-valid", "t", "t", bytes.getBytes(StandardCharsets.ISO_8859_1),
                new ConformanceOutcome.Accepted(List.of(requests)), ConformanceProfile.carafe(), false,
                Optional.empty(), Optional.empty());
    }

    @Test
    void aHostlessHttp11VectorRunsTwiceAsSentAndWithoutTheHostRule() {
        ConformanceRequest first = get("/a", "HTTP/1.1", List.of(Map.entry("Host", "h")));
        ConformanceRequest second = get("/b", "HTTP/1.1", List.of());
        List<ConformanceVector> runs = ConformanceDecisions.apply(List.of(accepted("x", first, second)));
        assertEquals(2, runs.size());
        assertEquals("t [as sent]", runs.get(0).id());
        assertEquals(new ConformanceOutcome.Refused(List.of(first), Set.of(400), false, "no Host"), runs.get(0).outcome());
        assertEquals(Optional.of(ConformanceDecisions.HOST_RULE), runs.get(0).note());
        assertTrue(runs.get(0).profile().requireHost());
        assertEquals("t [requireHost=false]", runs.get(1).id());
        assertEquals(List.of(first, second), runs.get(1).outcome().answered());
        assertEquals(false, runs.get(1).profile().requireHost());
    }

    @Test
    void aRefusedHostlessVectorRunsWithoutTheHostRuleSoItsOwnFaultIsTested() {
        ConformanceVector refused = new ConformanceVector("llhttp", "x", "x",
                "GET / HTTP/1.1\r\nFo@: x\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1),
                new ConformanceOutcome.Refused(List.of(), Set.of(400), false, "bad"), ConformanceProfile.carafe(),
                true, Optional.empty(), Optional.empty());
        List<ConformanceVector> runs = ConformanceDecisions.apply(List.of(refused));
        assertEquals(1, runs.size());
        assertEquals(false, runs.get(0).profile().requireHost());
    }

    @Test
    void userinfoInAnAbsoluteTargetIsRefusedByDecision() {
        ConformanceVector vector = ConformanceDecisions.decide(accepted("x",
                get("http://user:pass@example.com/a", "HTTP/1.0", List.of())));
        ConformanceOutcome.Refused refused = (ConformanceOutcome.Refused) vector.outcome();
        assertEquals(Set.of(400), refused.statuses());
        assertEquals(Optional.of("RFC 9110 §4.2.4: userinfo in an http(s) target is an error"), vector.note());
    }

    @Test
    void aTokenMethodTheSuiteRefusesIsAcceptedByDecision() {
        ConformanceVector refused = new ConformanceVector("gunicorn-invalid", "003c", "invalid/003c.http",
                "-bl /foo HTTP/1.1\r\nHost: h\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1),
                new ConformanceOutcome.Refused(List.of(), Set.of(400), false, "InvalidRequestMethod"),
                ConformanceProfile.gunicorn(), true, Optional.empty(), Optional.empty());
        ConformanceVector decided = ConformanceVectorDecisions.apply(refused);
        ConformanceRequest request = decided.outcome().answered().get(0);
        assertEquals(List.of("-bl", "/foo", "HTTP/1.1", List.of(Map.entry("Host", "h")), 0), List.of(request.method(),
                request.target(), request.version(), request.headers(), request.body().length));
        assertEquals(Optional.of(ConformanceVectorDecisions.TOKEN_METHOD), decided.note());
    }

    @Test
    void requestsAfterConnectionCloseAreNotAnswered() {
        ConformanceRequest first = get("/a", "HTTP/1.1", List.of(Map.entry("Connection", "Close")));
        ConformanceRequest second = get("/b", "HTTP/1.1", List.of());
        ConformanceOutcome outcome = ConformanceDecisions.decide(accepted("x", first, second)).outcome();
        assertEquals(List.of(first), outcome.answered());
        assertEquals(Set.of(), ((ConformanceOutcome.Refused) outcome).statuses());
    }

    @Test
    void aBodyShorterThanItsContentLengthIsAnIncompleteMessage() {
        ConformanceRequest post = new ConformanceRequest("POST", "/", "HTTP/1.0",
                List.of(Map.entry("Content-Length", "10")), new byte[4]);
        ConformanceVector vector = ConformanceDecisions.decide(accepted("x", post));
        assertTrue(vector.endOfInput());
        assertEquals(true, ((ConformanceOutcome.Refused) vector.outcome()).silentCloseAllowed());
    }

    @Test
    void unsupportedTransferCodingsExpect501() {
        ConformanceRequest gzip = new ConformanceRequest("POST", "/", "HTTP/1.1",
                List.of(Map.entry("Host", "h"), Map.entry("Transfer-Encoding", "gzip, chunked")), new byte[0]);
        assertEquals(Set.of(501), ((ConformanceOutcome.Refused) ConformanceDecisions.decide(accepted("x", gzip))
                .outcome()).statuses());
    }
}
