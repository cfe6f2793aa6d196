package dev.carafe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.carafe.gateway.testing.TestClient;
import dev.carafe.gateway.testing.TestResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ReturnValuesTest {

    record Pair(String b, int a) {
    }

    /** A POJO with fields, written as JSON in field order like a record. */
    public static final class Bean {
        public String name = "ada";
        public int age = 36;
    }

    private static TestResponse send(Object value) {
        TestResponse sent = TestClient.of(ReturnValues.toResponse(value, "things.show")).get("/");
        assertEquals("", sent.errors(), "the validator found nothing to warn about");
        return sent;
    }

    @Test
    void responseIsSentAsItIs() {
        Response response = Response.text("hi").withStatus(201);
        assertSame(response, ReturnValues.toResponse(response, "x"));
    }

    @Test
    void stringIsHtmlUtf8() {
        TestResponse sent = send("<p>Grüße</p>");
        assertEquals(200, sent.status());
        assertEquals(Optional.of("text/html; charset=utf-8"), sent.header("Content-Type"));
        assertEquals("<p>Grüße</p>", sent.text());
    }

    @Test
    void anyCharSequenceIsSentLikeAString() {
        TestResponse sent = send(new StringBuilder("<b>built</b>"));
        assertEquals(Optional.of("text/html; charset=utf-8"), sent.header("Content-Type"));
        assertEquals("<b>built</b>", sent.text());
    }

    @Test
    void bytesAreOctetStream() {
        TestResponse sent = send(new byte[] {1, 2, 3});
        assertEquals(Optional.of("application/octet-stream"), sent.header("Content-Type"));
        assertArrayEquals(new byte[] {1, 2, 3}, sent.body());
    }

    @Test
    void nullIsAnErrorNamingTheHandler() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ReturnValues.toResponse(null, "users.show"));
        assertEquals("Handler for endpoint 'users.show' returned null; return a value (String, Response, an object for "
                + "JSON, …) or Response.noContent() for an empty 204.", e.getMessage());
    }

    @Test
    void aHandlerNameAlreadyQuotedIsKept() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ReturnValues.toResponse(null, "'users.show' (/users/<int:id>)"));
        assertEquals("Handler for endpoint 'users.show' (/users/<int:id>) returned null; return a value (String, "
                + "Response, an object for JSON, …) or Response.noContent() for an empty 204.", e.getMessage());
    }

    @Test
    void recordIsJsonInDeclarationOrder() {
        TestResponse sent = send(new Pair("first", 2));
        assertEquals(Optional.of("application/json"), sent.header("Content-Type"));
        assertEquals("{\"b\":\"first\",\"a\":2}", sent.text());
    }

    @Test
    void mapsListsArraysAndBeansAreJson() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("z", 1);
        map.put("a", List.of(true, "x"));
        assertEquals("{\"z\":1,\"a\":[true,\"x\"]}", send(map).text());
        assertEquals("[{\"b\":\"x\",\"a\":1}]", send(List.of(new Pair("x", 1))).text());
        assertEquals("[\"a\",\"b\"]", send(new String[] {"a", "b"}).text());
        assertEquals("{\"name\":\"ada\",\"age\":36}", send(new Bean()).text());
        assertEquals("42", send(42).text());
    }

    @Test
    void jacksonTreeIsJsonThoughItIsIterable() {
        TestResponse sent = send(JsonCodec.defaults().mapper().createObjectNode().put("b", 1).put("a", "x"));
        assertEquals(Optional.of("application/json"), sent.header("Content-Type"));
        assertEquals("{\"b\":1,\"a\":\"x\"}", sent.text());
    }

    @Test
    void emptyOptionalIsNotFound() {
        HttpError e = assertThrows(HttpError.NotFound.class, () -> ReturnValues.toResponse(Optional.empty(), "x"));
        assertEquals(404, e.status());
    }

    @Test
    void presentOptionalIsConvertedItself() {
        assertEquals("<i>x</i>", send(Optional.of("<i>x</i>")).text());
        assertEquals("{\"b\":\"q\",\"a\":1}", send(Optional.of(new Pair("q", 1))).text());
    }

    @Test
    void returnedHttpErrorIsThrown() {
        HttpError error = new HttpError.Forbidden("not yours");
        assertSame(error, assertThrows(HttpError.class, () -> ReturnValues.toResponse(error, "x")));
    }

    @Test
    void inputStreamIsStreamedAndClosedOnce() {
        AtomicInteger closes = new AtomicInteger();
        InputStream in = new ByteArrayInputStream("streamed".getBytes(StandardCharsets.UTF_8)) {
            @Override
            public void close() throws IOException {
                closes.incrementAndGet();
                super.close();
            }
        };
        TestResponse sent = send(in);
        assertEquals(Optional.of("application/octet-stream"), sent.header("Content-Type"));
        assertEquals("streamed", sent.text());
        assertEquals(1, closes.get());
    }

    @Test
    void streamOfStringsIsHtmlSentElementByElementAndClosed() {
        AtomicInteger closes = new AtomicInteger();
        TestResponse sent = send(Stream.of("<li>", "a", "</li>").onClose(closes::incrementAndGet));
        assertEquals(Optional.of("text/html; charset=utf-8"), sent.header("Content-Type"));
        assertEquals("<li>a</li>", sent.text());
        assertEquals(1, closes.get());
    }

    @Test
    void streamOfBytesIsOctetStream() {
        TestResponse sent = send(Stream.of(new byte[] {1}, "2".getBytes(StandardCharsets.UTF_8)));
        assertEquals(Optional.of("application/octet-stream"), sent.header("Content-Type"));
        assertArrayEquals(new byte[] {1, '2'}, sent.body());
    }

    @Test
    void streamOfObjectsIsJsonLines() {
        TestResponse sent = send(Stream.of(new Pair("x", 1), new Pair("y", 2)));
        assertEquals(Optional.of("application/x-ndjson"), sent.header("Content-Type"));
        assertEquals("{\"b\":\"x\",\"a\":1}\n{\"b\":\"y\",\"a\":2}\n", sent.text());
    }

    @Test
    void emptyStreamIsAnEmptyHtmlBodyAndClosed() {
        AtomicInteger closes = new AtomicInteger();
        TestResponse sent = send(Stream.empty().onClose(closes::incrementAndGet));
        assertEquals("", sent.text());
        assertEquals(1, closes.get());
    }

    @Test
    void streamThatFailsOnItsFirstElementIsClosedAndTheFailureThrown() {
        AtomicInteger closes = new AtomicInteger();
        Stream<String> failing = Stream.of("x").<String>map(s -> {
            throw new IllegalArgumentException("no " + s);
        }).onClose(closes::incrementAndGet);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ReturnValues.toResponse(failing, "x"));
        assertEquals("no x", e.getMessage());
        assertEquals(1, closes.get());
    }

    @Test
    void nullElementNamesTheHandlerAndPosition() {
        List<String> withNull = new ArrayList<>();
        withNull.add(null);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ReturnValues.toResponse(withNull.stream(), "feed"));
        assertEquals("Handler for endpoint 'feed' streamed null as element 0; every element must be a byte[], a "
                + "String or an object to write as JSON. Filter the nulls out, for example "
                + "stream.filter(Objects::nonNull).", e.getMessage());
    }

    @Test
    void lazyIterableIsStreamedAndClosedWhenCloseable() {
        AtomicInteger closes = new AtomicInteger();
        final class Chunks implements Iterable<byte[]>, AutoCloseable {
            @Override
            public Iterator<byte[]> iterator() {
                return List.of("a".getBytes(StandardCharsets.UTF_8), "b".getBytes(StandardCharsets.UTF_8)).iterator();
            }

            @Override
            public void close() {
                closes.incrementAndGet();
            }
        }
        TestResponse sent = send(new Chunks());
        assertEquals(Optional.of("application/octet-stream"), sent.header("Content-Type"));
        assertEquals("ab", sent.text());
        assertEquals(1, closes.get());
    }

    @Test
    void pathIsRefusedWithTheWayToSendAFile() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ReturnValues.toResponse(Path.of("report.pdf"), "report"));
        assertEquals("Handler for endpoint 'report' returned a " + Path.of("x").getClass().getName()
                + ", which is not a response body: to send a file, return Response.sendFile(path) (or "
                + "Response.sendFromDirectory for user-given names).", e.getMessage());
    }

    @Test
    void futureIsRefusedAskingToWaitForIt() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ReturnValues.toResponse(CompletableFuture.completedFuture("x"), "later"));
        assertEquals("Handler for endpoint 'later' returned a java.util.concurrent.CompletableFuture, which is not a "
                + "response body: handlers are blocking (they run on their own thread): wait for the result, for "
                + "example future.join(), and return it.", e.getMessage());
    }
}
