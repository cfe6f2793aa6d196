package dev.carafe.gateway.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConformanceBytesTest {

    private static byte[] latin1(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void gunicornFilesLoseTheirNewlinesThenDecodeTheirEscapes() {
        byte[] file = latin1("GET /\\x41 HTTP/1.1\\r\\n\nX: a\\tb\\0\\n\n\\r\\n\nbody\\q\n");
        assertArrayEquals(latin1("GET /A HTTP/1.1\r\nX: a\tb\0\n\r\nbody\\q"), ConformanceBytes.gunicorn(file));
    }

    @Test
    void gunicornFilesKeepRawUtf8Bytes() {
        byte[] file = "GETß /\\r\\n\n".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(latin1("GET\u00c3\u009f /\r\n"), ConformanceBytes.gunicorn(file));
    }

    @Test
    void llhttpBlocksDropTheFinalNewlineJoinBackslashLinesAndUseCrlf() {
        String block = "POST / HTTP/1.1\\n\\\nX: \\xffv\\f\nY: D\u00fcs\n\n";
        assertArrayEquals(latin1("POST / HTTP/1.1\nX: \u00ffv\f\r\nY: D\u00c3\u00bcs\r\n"),
                ConformanceBytes.llhttp(block));
    }

    @Test
    void llhttpBlocksKeepBackslashesThatAreNotEscapes() {
        assertArrayEquals(latin1("a\\\"b\\01"), ConformanceBytes.llhttp("a\\\"b\\01\n"));
    }

    @Test
    void bytesShowAsReadableEscapesCutAtTheLimit() {
        assertEquals("GET\\r\\n\\x00…(10 bytes)", ConformanceBytes.show(latin1("GET\r\n\0\\xyz"), 6));
        assertEquals("a\\x5cb\\t", ConformanceBytes.show(latin1("a\\b\t"), 10));
    }
}
