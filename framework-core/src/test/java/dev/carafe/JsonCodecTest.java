package dev.carafe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

class JsonCodecTest {

    private final JsonCodec json = JsonCodec.defaults();

    record Pair(int b, int a) {
    }

    record Item(String name, int qty) {
    }

    record Order(String id, List<Item> items) {
    }

    record Event(LocalDate day, Instant at, OffsetDateTime local, LocalDateTime naive, Duration length) {
    }

    record Title(String text) {
        Title {
            if (text.isBlank()) {
                throw new IllegalArgumentException("title must not be blank");
            }
        }
    }

    /** A POJO whose fields are declared out of alphabetical order. */
    static final class Post {
        private final String zeta = "z";
        private final String alpha = "a";
        private final int middle = 1;

        public String getZeta() {
            return zeta;
        }

        public String getAlpha() {
            return alpha;
        }

        public int getMiddle() {
            return middle;
        }
    }

    static final class Empty {
    }

    private String write(Object value) {
        return new String(json.write(value), StandardCharsets.UTF_8);
    }

    private <T> T read(String body, Class<T> type) throws IOException {
        return json.read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), type);
    }

    private String failure(String body, Class<?> type) {
        return assertThrows(MalformedBodyException.class, () -> read(body, type)).getMessage();
    }

    @Test
    void recordComponentsAreWrittenInDeclarationOrder() {
        assertEquals("{\"b\":2,\"a\":1}", write(new Pair(2, 1)));
    }

    @Test
    void pojoPropertiesAreWrittenInFieldDeclarationOrder() {
        assertEquals("{\"zeta\":\"z\",\"alpha\":\"a\",\"middle\":1}", write(new Post()));
    }

    @Test
    void mapsKeepTheirOwnOrder() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("z", 1);
        map.put("a", List.of(true, "é"));
        assertEquals("{\"z\":1,\"a\":[true,\"é\"]}", write(map));
    }

    @Test
    void javaTimeValuesAreIsoStrings() {
        Event event = new Event(LocalDate.of(2026, 11, 24), Instant.parse("2026-11-24T02:50:00Z"),
                OffsetDateTime.of(2026, 11, 24, 3, 50, 0, 0, ZoneOffset.ofHours(1)),
                LocalDateTime.of(2026, 11, 24, 3, 50), Duration.ofMinutes(90));
        String text = write(event);
        assertEquals("{\"day\":\"2026-11-24\",\"at\":\"2026-11-24T02:50:00Z\",\"local\":\"2026-11-24T03:50:00+01:00\","
                + "\"naive\":\"2026-11-24T03:50:00\",\"length\":\"PT1H30M\"}", text);
    }

    @Test
    void javaTimeValuesAreReadFromIsoStrings() throws IOException {
        Event event = read("{\"day\":\"2026-11-24\",\"at\":\"2026-11-24T02:50:00Z\","
                + "\"local\":\"2026-11-24T03:50:00+01:00\",\"naive\":\"2026-11-24T03:50:00\",\"length\":\"PT1H30M\"}",
                Event.class);
        assertEquals(LocalDate.of(2026, 11, 24), event.day());
        assertEquals(Duration.ofMinutes(90), event.length());
    }

    @Test
    void anObjectWithoutPropertiesIsAnEmptyObject() {
        assertEquals("{}", write(new Empty()));
    }

    @Test
    void outputIsCompactUtf8WithoutATrailingNewline() {
        byte[] bytes = json.write(Map.of("k", "€"));
        assertEquals("{\"k\":\"€\"}", new String(bytes, StandardCharsets.UTF_8));
    }

    @Test
    void aRecordIsReadBack() throws IOException {
        assertEquals(new Order("o1", List.of(new Item("pen", 2))),
                read("{\"id\":\"o1\",\"items\":[{\"name\":\"pen\",\"qty\":2}]}", Order.class));
    }

    @Test
    void genericTypesAreReadThroughJavaType() throws IOException {
        List<Item> items = json.read(new ByteArrayInputStream("[{\"name\":\"a\",\"qty\":1}]".getBytes(
                StandardCharsets.UTF_8)), json.type(new TypeReference<List<Item>>() { }.getType()));
        assertEquals(List.of(new Item("a", 1)), items);
    }

    @Test
    void malformedJsonNamesTheLineColumnAndReason() {
        assertEquals("malformed JSON (line 2, column 10): Unexpected character ('}' (code 125)): was expecting"
                + " double-quote to start property name", failure("{\"b\": 1,\n  \"a\": 2,}", Pair.class));
    }

    @Test
    void aTruncatedBodySaysItEndedInsideAValue() {
        String message = failure("{\"b\": 1, \"a\"", Pair.class);
        assertEquals("malformed JSON (line 1, column 13): the body ended in the middle of a value; ",
                message.substring(0, message.indexOf("; ") + 2));
    }

    @Test
    void anEmptyBodyNamesTheExpectedType() {
        assertEquals("the request body is empty; expected JSON for Pair", failure("", Pair.class));
    }

    @Test
    void aTypeMismatchNamesThePathAndTheExpectedType() {
        String message = failure("{\"id\":\"o1\",\"items\":[{\"name\":\"pen\",\"qty\":\"many\"}]}", Order.class);
        assertEquals("invalid JSON value at 'items[0].qty' (line 1, column 41): expected int, got the string \"many\"",
                message);
    }

    @Test
    void anUnknownPropertyIsRejectedNamingTheKnownOnes() {
        assertEquals("unknown property 'c' for Pair; expected one of [b, a]. Remove it or fix its name",
                failure("{\"b\":1,\"a\":2,\"c\":3}", Pair.class));
        assertEquals("unknown property 'items[0].price' for Item; expected one of [name, qty]. Remove it or fix its"
                + " name", failure("{\"id\":\"o\",\"items\":[{\"name\":\"a\",\"price\":1,\"qty\":1}]}", Order.class));
    }

    @Test
    void nullForAPrimitiveIsRejected() {
        assertEquals("invalid JSON value at 'b' (line 1, column 6): expected int, got null",
                failure("{\"b\":null,\"a\":2}", Pair.class));
    }

    @Test
    void trailingContentIsRejected() {
        assertEquals("invalid JSON (line 1, column 15): content after the JSON value; send one JSON value",
                failure("{\"b\":1,\"a\":2} {}", Pair.class));
    }

    @Test
    void theClientIsToldWhatKindOfJsonWasExpectedWithoutJavaTypeNames() {
        assertEquals("invalid JSON value at the document root (line 1, column 1): expected a JSON object, got an array",
                failure("[1]", Map.class));
    }

    @Test
    void aRecordConstructorsRejectionIsTheReason() {
        assertEquals("invalid JSON value at the document root (line 1, column 12) for Title: title must not be blank",
                failure("{\"text\":\" \"}", Title.class));
    }

    @Test
    void theBodyStreamIsNotClosed() throws IOException {
        boolean[] closed = {false};
        InputStream body = new ByteArrayInputStream("{\"b\":1,\"a\":2}".getBytes(StandardCharsets.UTF_8)) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        assertEquals(new Pair(1, 2), json.read(body, Pair.class));
        assertFalse(closed[0]);
    }

    @Test
    void aFailingBodyStreamIsAnIoErrorNotABadRequest() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        };
        IOException e = assertThrows(IOException.class, () -> json.read(broken, Pair.class));
        assertEquals("connection reset", e.getMessage());
    }

    @Test
    void aBodyOverMaxContentLengthStaysA413() {
        InputStream limited = LimitedInput.of(new ByteArrayInputStream("[1,2,3,4,5,6,7,8,9]".getBytes(
                StandardCharsets.UTF_8)), -1, BodyLimits.defaults().withMaxContentLength(5));
        assertThrows(BodyTooLargeException.class, () -> json.read(limited, int[].class));
    }

    @Test
    void aTypeJacksonCannotBuildIsTheApplicationsMistake() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> read("{}", InputStream.class));
        assertEquals("Cannot read JSON as InputStream: ", e.getMessage().substring(0, 33));
    }

    @Test
    void aValueJacksonCannotWriteNamesItsType() {
        Map<String, Object> cycle = new LinkedHashMap<>();
        cycle.put("self", cycle);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> json.write(cycle));
        assertEquals("Cannot write a java.util.LinkedHashMap as JSON: ", e.getMessage().substring(0, 48));
    }

    @Test
    void aUsersOwnMapperIsUsedAsConfigured() throws IOException {
        JsonCodec lenient = JsonCodec.of(JsonMapper.builder()
                .disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build());
        assertEquals(new Pair(1, 2), lenient.read(new ByteArrayInputStream("{\"b\":1,\"a\":2,\"c\":3}".getBytes(
                StandardCharsets.UTF_8)), Pair.class));
        assertEquals("{\"alpha\":\"a\",\"middle\":1,\"zeta\":\"z\"}",
                new String(lenient.write(new Post()), StandardCharsets.UTF_8),
                "Jackson 3 itself sorts properties alphabetically: the reason defaults() turns it off");
    }
}
