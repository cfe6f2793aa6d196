package dev.carafe.gateway.hosts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.carafe.gateway.Environ;
import dev.carafe.gateway.Header;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** How a host presents request bodies on gateway.input: every host must pass these. */
interface RequestBodyCases extends HostKit {

    /** Echoes the request body, read from gateway.input to its end; records the environ. */
    private void serveEcho(AtomicReference<Map<String, Object>> seen) {
        fixture().serve((environ, startResponse) -> {
            seen.set(Map.copyOf(environ));
            byte[] body = ((InputStream) environ.get(Environ.GATEWAY_INPUT)).readAllBytes();
            startResponse.start("200 OK", List.of(new Header("Content-Type", "application/octet-stream")));
            return List.of(body);
        });
    }

    @Test
    default void contentLengthBodyIsReadFullyFromInput() throws Exception {
        byte[] sent = new byte[200_000];
        for (int i = 0; i < sent.length; i++) {
            sent[i] = (byte) (i * 31);
        }
        serveEcho(new AtomicReference<>());
        RawResponse response = request("POST", "/upload", List.of("Content-Length: " + sent.length), sent);
        assertEquals(200, response.code());
        assertArrayEquals(sent, response.body());
    }

    @Test
    default void chunkedBodyIsReadToItsEndWithoutContentLength() throws Exception {
        AtomicReference<Map<String, Object>> seen = new AtomicReference<>();
        serveEcho(seen);
        RawResponse response = request("POST", "/upload", List.of("Transfer-Encoding: chunked"),
                HostKit.bytes("6\r\nhello \r\n8\r\nchunked \r\n5\r\nworld\r\n0\r\n\r\n"));
        assertEquals("hello chunked world", response.text());
        assertFalse(seen.get().containsKey(Environ.CONTENT_LENGTH));
    }

    @Test
    default void closingTheInputLeavesTheRestOfTheBodyReadable() throws Exception {
        fixture().serve((environ, startResponse) -> {
            InputStream input = (InputStream) environ.get(Environ.GATEWAY_INPUT);
            byte[] first = input.readNBytes(3);
            input.close();
            byte[] rest = input.readAllBytes();
            startResponse.start("200 OK", List.of());
            return List.of(first, HostKit.bytes("|"), rest);
        });
        RawResponse response = request("POST", "/", List.of("Content-Length: 6"), HostKit.bytes("abcdef"));
        assertEquals("abc|def", response.text());
    }

    @Test
    default void bodyWithoutContentLengthOrChunkingIsEmpty() throws Exception {
        AtomicReference<Map<String, Object>> seen = new AtomicReference<>();
        serveEcho(seen);
        RawResponse response = request("POST", "/", List.of(), new byte[0]);
        assertEquals(200, response.code());
        assertEquals("", response.text());
    }

    @Test
    default void expectContinueIsAnsweredWhenTheHostSaysItIs() throws Exception {
        fixture().serve(HostKit.fixed("200 OK", List.of(), List.of(HostKit.bytes("not read"))));
        try (RawConnection connection = open("POST", "/", List.of("Expect: 100-continue", "Content-Length: 5"),
                new byte[0])) {
            RawResponse first = connection.response(false);
            if (fixture().capabilities().continuesBeforeTheApplicationReads()) {
                assertEquals(100, first.code());
                first = connection.response(false);
            }
            assertEquals(200, first.code());
            assertEquals("not read", first.text());
        }
        fixture().serve((environ, startResponse) -> {
            byte[] body = ((InputStream) environ.get(Environ.GATEWAY_INPUT)).readAllBytes();
            startResponse.start("200 OK", List.of());
            return List.of(body);
        });
        try (RawConnection connection = open("POST", "/", List.of("Expect: 100-continue", "Content-Length: 5"),
                new byte[0])) {
            assertEquals(100, connection.response(false).code());
            connection.sendBody(HostKit.bytes("hello"));
            assertEquals("hello", connection.response(false).text());
        }
    }
}
