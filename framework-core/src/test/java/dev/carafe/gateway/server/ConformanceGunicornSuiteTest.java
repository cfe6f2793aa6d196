package dev.carafe.gateway.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConformanceGunicornSuiteTest {

    private static byte[] latin1(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void aValidVectorListsEveryPipelinedRequest() {
        ConformanceVector vector = ConformanceGunicornSuite.vector("valid", "018",
                latin1("GET /first HTTP/1.1\\r\\n\n\\r\\n\nGET /second HTTP/1.0\\r\\n\nX: y\\r\\n\n\\r\\n\n"), """
                req1 = {"method": "GET", "uri": uri("/first"), "version": (1, 1), "headers": [], "body": b""}
                req2 = {"method": "GET", "uri": uri("/second"), "version": (1, 0), "headers": [("X", "y")],
                        "body": ''}
                request = [req1, req2]
                """);
        ConformanceOutcome.Accepted accepted = (ConformanceOutcome.Accepted) vector.outcome();
        assertEquals(2, accepted.answered().size());
        ConformanceRequest second = accepted.answered().get(1);
        assertEquals("/second", second.target());
        assertEquals("HTTP/1.0", second.version());
        assertEquals(List.of(Map.entry("X", "y")), second.headers());
        assertArrayEquals(latin1("GET /first HTTP/1.1\r\n\r\nGET /second HTTP/1.0\r\nX: y\r\n\r\n"), vector.bytes());
        assertEquals("gunicorn-valid 018", vector.name());
        assertEquals(ConformanceProfile.gunicorn(), vector.profile());
        assertFalse(vector.endOfInput());
    }

    @Test
    void anInvalidVectorExpectsTheStatusOfItsErrorClassAndEndsItsInput() {
        ConformanceVector vector = ConformanceGunicornSuite.vector("invalid", "006", latin1("GET /x HTTP/1.1\\r\\n\n"),
                "from gunicorn.http.errors import LimitRequestLine\nrequest = LimitRequestLine\n");
        assertEquals(new ConformanceOutcome.Refused(List.of(), Set.of(414), false, "LimitRequestLine"), vector.outcome());
        assertTrue(vector.endOfInput());
    }

    @Test
    void noMoreDataExpectsTheConnectionToCloseWithoutAResponse() {
        ConformanceVector vector = ConformanceGunicornSuite.vector("invalid", "001", latin1("GET /x HTTP/1.0\\r\\nbaz"),
                "request = NoMoreData\n");
        assertEquals(new ConformanceOutcome.Refused(List.of(), Set.of(), true, "NoMoreData"), vector.outcome());
    }

    @Test
    void gunicornLimitsMapToCarafeSettings() {
        ConformanceVector vector = ConformanceGunicornSuite.vector("invalid", "012", latin1("GET / HTTP/1.0\\r\\n\n"), """
                cfg = Config()
                cfg.set('limit_request_field_size', 98)
                cfg.set('limit_request_fields', 2)
                cfg.set('limit_request_line', 8200)
                cfg.set("header_map", "refuse")
                request = LimitRequestHeaders
                """);
        assertEquals(new ConformanceProfile(true, 8200, 2, 98, ServerSettings.UnderscoreHeaders.REFUSE), vector.profile());
        assertEquals(Optional.empty(), vector.skip());
    }

    @Test
    void settingsCarafeDoesNotHaveSkipTheVectorWithTheReason() {
        ConformanceVector proxy = ConformanceGunicornSuite.vector("valid", "pp_01", latin1(""), """
                cfg = Config()
                cfg.set("proxy_protocol", True)
                request = {"method": "GET", "uri": uri("/"), "version": (1, 1), "headers": [], "body": b""}
                """);
        assertEquals(Optional.of("cfg: proxy_protocol (Carafe has no PROXY protocol support)"), proxy.skip());
        ConformanceVector tiny = ConformanceGunicornSuite.vector("invalid", "010", latin1(""),
                "cfg = Config()\ncfg.set('limit_request_field_size', 10)\nrequest = LimitRequestHeaders\n");
        assertEquals(Optional.of("cfg: limit_request_field_size=10 (Carafe's smallest maxHeaderFieldBytes is 16)"),
                tiny.skip());
    }

    @Test
    void theWholeSuiteLoads() {
        List<ConformanceVector> vectors = ConformanceGunicornSuite.load(ConformanceTest.vectorsFolder()
                .resolve("gunicorn-requests"));
        assertEquals(63, vectors.stream().filter(v -> v.suite().equals("gunicorn-valid")).count());
        assertEquals(74, vectors.stream().filter(v -> v.suite().equals("gunicorn-invalid")).count());
    }
}
