package dev.carafe.gateway.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConformanceLlhttpSuiteTest {

    private static final String FILE = """
            Sample
            ======

            ## Simple request

            <!-- meta={"type": "request"} -->
            ```http
            POST /url HTTP/1.1
            Header2:\\t Value2\\t
            Content-Length: 3

            abc
            ```

            ```log
            off=0 message begin
            off=0 len=4 span[method]="POST"
            off=5 len=4 span[url]="/url"
            off=10 len=4 span[protocol]="HTTP"
            off=15 len=3 span[version]="1.1"
            off=20 len=7 span[header_field]="Header2"
            off=30 len=7 span[header_value]="Value2\\t"
            off=40 len=14 span[header_field]="Content-Length"
            off=56 len=1 span[header_value]="3"
            off=60 headers complete method=3 v=1/1 flags=20 content_length=3
            off=60 len=3 span[body]="abc"
            off=63 message complete
            ```

            ## Bad header

            <!-- meta={"type": "request", "noScan": true} -->
            ```http
            GET / HTTP/1.1
            Fo@: x


            ```

            ```log
            off=0 message begin
            off=18 error code=10 reason="Invalid header token"
            ```

            ## Lenient

            <!-- meta={"type": "request-lenient-headers"} -->
            ```http
            GET / HTTP/1.1


            ```

            ```log
            off=0 message begin
            ```
            """;

    @Test
    void aCaseWithoutErrorExpectsTheRequestsTheLogDescribes() {
        List<ConformanceVector> cases = ConformanceLlhttpSuite.cases("sample.md", FILE);
        ConformanceVector simple = cases.get(0);
        assertEquals("sample.md#1", simple.id());
        assertEquals("Simple request", simple.title());
        assertArrayEquals("POST /url HTTP/1.1\r\nHeader2:\t Value2\t\r\nContent-Length: 3\r\n\r\nabc"
                .getBytes(StandardCharsets.ISO_8859_1), simple.bytes());
        ConformanceRequest request = simple.outcome().answered().get(0);
        assertEquals("POST", request.method());
        assertEquals("HTTP/1.1", request.version());
        assertEquals(List.of(Map.entry("Header2", "Value2"), Map.entry("Content-Length", "3")), request.headers());
        assertArrayEquals("abc".getBytes(StandardCharsets.ISO_8859_1), request.body());
        assertTrue(simple.outcome() instanceof ConformanceOutcome.Accepted);
    }

    @Test
    void anErrorInTheLogMeansRefusedAndTheInputEnds() {
        ConformanceVector bad = ConformanceLlhttpSuite.cases("sample.md", FILE).get(1);
        ConformanceOutcome.Refused refused = (ConformanceOutcome.Refused) bad.outcome();
        assertEquals(ConformanceLlhttpSuite.REFUSALS, refused.statuses());
        assertEquals("llhttp error 10: Invalid header token", refused.reason());
        assertEquals(false, refused.silentCloseAllowed());
        assertTrue(bad.endOfInput());
    }

    @Test
    void lenientCasesAndFilesAreSkippedWithTheirReason() {
        assertEquals(Optional.of("llhttp case type request-lenient-headers (only type request is in scope)"),
                ConformanceLlhttpSuite.cases("sample.md", FILE).get(2).skip());
        assertEquals(Optional.of("llhttp lenient-* file (tests llhttp's opt-in leniency flags)"),
                ConformanceLlhttpSuite.cases("lenient-headers.md", FILE).get(0).skip());
    }

    @Test
    void aSpanIsReadTheWayItAppearsInTheBytesSent() {
        byte[] sent = "X: \u00ffV".getBytes(StandardCharsets.ISO_8859_1);
        assertArrayEquals(new byte[] {(byte) 0xff, 'V'}, ConformanceLlhttpLog.bytes("\u00ffV", 3, sent));
        byte[] utf8 = "X: D\u00fc".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals("D\u00fc".getBytes(StandardCharsets.UTF_8), ConformanceLlhttpLog.bytes("D\u00fc", 3, utf8));
    }

    @Test
    void theWholeSuiteLoads() {
        List<ConformanceVector> cases = ConformanceLlhttpSuite.load(ConformanceTest.vectorsFolder()
                .resolve("llhttp-request"));
        assertEquals(166, cases.size());
    }
}
