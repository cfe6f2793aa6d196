package dev.carafe.gateway.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ConformanceCheckTest {

    private static final ConformanceRequest REQUEST = new ConformanceRequest("POST", "http://h:1?q=%41#top", "HTTP/1.1",
            List.of(Map.entry("Cookie", "a=1"), Map.entry("COOKIE", "b=2"), Map.entry("X_Y", "dropped"),
                    Map.entry("Transfer-Encoding", "chunked"), Map.entry("Content-Length", "007"),
                    Map.entry("Accept", "x"), Map.entry("Accept", "y")),
            "body".getBytes(StandardCharsets.ISO_8859_1));

    private static ConformanceExchange.Response echo(Map<String, String> environ) {
        return new ConformanceExchange.Response(200, Map.of(), ConformanceEcho.encode(environ));
    }

    private static ConformanceVector vector(ConformanceOutcome outcome) {
        return new ConformanceVector("s", "i", "t", new byte[0], outcome, ConformanceProfile.carafe(), false,
                Optional.empty(), Optional.empty());
    }

    @Test
    void theExpectedEnvironFollowsTheServersDocumentedRules() {
        Map<String, String> expected = new TreeMap<>(Map.of("REQUEST_METHOD", "POST", "SCRIPT_NAME", "",
                "PATH_INFO", "/", "QUERY_STRING", "q=%41", "REQUEST_URI", "http://h:1?q=%41#top",
                "SERVER_PROTOCOL", "HTTP/1.1", "HTTP_COOKIE", "a=1; b=2", "CONTENT_LENGTH", "7",
                "HTTP_ACCEPT", "x, y", "HTTP_HOST", "h:1"));
        expected.put(ConformanceEcho.BODY, "body");
        assertEquals(expected, ConformanceCheck.expectedEnviron(REQUEST));
    }

    @Test
    void anEchoThatMatchesPassesAndOneThatDiffersSaysWhere() {
        Map<String, String> environ = ConformanceCheck.expectedEnviron(REQUEST);
        ConformanceVector vector = vector(new ConformanceOutcome.Accepted(List.of(REQUEST)));
        assertEquals(Optional.empty(), ConformanceCheck.verify(vector,
                new ConformanceExchange(List.of(echo(environ)), "closed")));
        Map<String, String> wrong = new TreeMap<>(environ);
        wrong.put("HTTP_ACCEPT", "y");
        wrong.put("HTTP_X_EXTRA", "1");
        assertEquals(Optional.of("request 1: HTTP_ACCEPT: expected \"x, y\", got \"y\"; "
                + "HTTP_X_EXTRA: expected (absent), got \"1\""), ConformanceCheck.verify(vector,
                new ConformanceExchange(List.of(echo(wrong)), "closed")));
    }

    @Test
    void extraResponsesAndConnectionsLeftOpenAreMismatches() {
        Map<String, String> environ = ConformanceCheck.expectedEnviron(REQUEST);
        ConformanceVector vector = vector(new ConformanceOutcome.Accepted(List.of(REQUEST)));
        assertEquals(Optional.of("expected 1 response(s), got statuses [200, 400]"), ConformanceCheck.verify(vector,
                new ConformanceExchange(List.of(echo(environ), new ConformanceExchange.Response(400, Map.of(),
                        new byte[0])), "closed")));
        assertEquals(Optional.of("expected the server to close the connection, got: timeout after statuses [200]"),
                ConformanceCheck.verify(vector, new ConformanceExchange(List.of(echo(environ)), "timeout")));
    }

    @Test
    void aRefusalMustCarryAnAllowedStatus() {
        ConformanceVector vector = vector(new ConformanceOutcome.Refused(List.of(), Set.of(414), false,
                "LimitRequestLine"));
        ConformanceExchange.Response bad = new ConformanceExchange.Response(400, Map.of(),
                "no".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(Optional.of("expected a refusal [414] (LimitRequestLine), got 400 \"no\""),
                ConformanceCheck.verify(vector, new ConformanceExchange(List.of(bad), "closed")));
        assertEquals(Optional.of("expected a refusal [414] (LimitRequestLine), got no response: closed"),
                ConformanceCheck.verify(vector, new ConformanceExchange(List.of(), "closed")));
        ConformanceExchange.Response ok = new ConformanceExchange.Response(414, Map.of(), new byte[0]);
        assertEquals(Optional.empty(), ConformanceCheck.verify(vector, new ConformanceExchange(List.of(ok), "closed")));
    }

    @Test
    void theEchoFormatRoundTripsAnyBytes() {
        Map<String, String> entries = new TreeMap<>(Map.of("A", "x\ny 3\n", "B", "", "C", "\u00ff\0"));
        assertEquals(entries, ConformanceEcho.decode(ConformanceEcho.encode(entries)));
    }
}
