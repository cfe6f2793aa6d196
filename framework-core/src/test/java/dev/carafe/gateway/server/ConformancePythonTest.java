package dev.carafe.gateway.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.carafe.gateway.server.ConformancePython.Bytes;
import dev.carafe.gateway.server.ConformancePython.Call;
import dev.carafe.gateway.server.ConformancePython.Name;
import dev.carafe.gateway.server.ConformancePython.Uri;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConformancePythonTest {

    @Test
    void aRequestDictReadsAsDataWithEveryLiteralForm() {
        ConformancePython.Module module = ConformancePython.read("""
                # comment
                from gunicorn.config import Config
                request = {
                    "method": "PUT",
                    "uri": uri('/a?b="c"'),
                    "version": (1, 0),
                    "headers": [
                        ("X-VALUE", "caf\\u00c3\\u00a9"),
                        ("EMPTY", ""),
                    ],
                    "body": b"a\\r\\nb\\x00" b'\\'q\\''
                }
                """);
        Map<?, ?> request = (Map<?, ?>) module.variables().get("request");
        assertEquals("PUT", request.get("method"));
        assertEquals(new Uri("/a?b=\"c\""), request.get("uri"));
        assertEquals(List.of(1L, 0L), request.get("version"));
        assertEquals(List.of(List.of("X-VALUE", "caf\u00c3\u00a9"), List.of("EMPTY", "")), request.get("headers"));
        assertArrayEquals("a\r\nb\0'q'".getBytes(StandardCharsets.ISO_8859_1), ((Bytes) request.get("body")).value());
    }

    @Test
    void namesOfEarlierVariablesAndStringMethodsAreEvaluated() {
        ConformancePython.Module module = ConformancePython.read("""
                cert = \"\"\"A
                 B\"\"\".replace("\\n", "")
                req1 = {"body": b\"\"\"x
                y\"\"\".decode('utf-8').replace('\\n', '\\r\\n').encode('utf-8'), "h": cert}
                request = [req1, req1]
                """);
        List<?> requests = (List<?>) module.variables().get("request");
        Map<?, ?> first = (Map<?, ?>) requests.get(0);
        assertEquals("A B", first.get("h"));
        assertArrayEquals("x\r\ny".getBytes(StandardCharsets.ISO_8859_1), ((Bytes) first.get("body")).value());
        assertEquals(2, requests.size());
    }

    @Test
    void settingCallsAndErrorClassesStayNames() {
        ConformancePython.Module module = ConformancePython.read("""
                cfg = Config()
                cfg.set('limit_request_fields', 2)
                cfg.set("proxy_protocol", True)
                request = LimitRequestHeaders
                """);
        assertEquals(new Name("LimitRequestHeaders"), module.variables().get("request"));
        assertEquals(List.of(new Call("cfg", "set", List.of("limit_request_fields", 2L)),
                new Call("cfg", "set", List.of("proxy_protocol", Boolean.TRUE))), module.calls());
    }

    @Test
    void codeOutsideTheDataSubsetIsRefusedWithItsLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConformancePython.read("x = 1\ny = 2 + 3\n"));
        assertEquals("Line 2: unexpected character '+'.", e.getMessage());
        IllegalArgumentException unclosed = assertThrows(IllegalArgumentException.class,
                () -> ConformancePython.read("x = 'abc\n"));
        assertEquals("Line 1: newline inside a one-line string.", unclosed.getMessage());
    }
}
