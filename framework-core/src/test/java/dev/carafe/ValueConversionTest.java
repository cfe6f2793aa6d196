package dev.carafe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ValueConversionTest {

    enum Size { SMALL, LARGE }

    private static Object convert(Class<?> type, String text) {
        ValueConversion conversion = ValueConversion.to(type).orElseThrow();
        return TextBinding.convert(ParameterSource.QUERY, "v", text, conversion);
    }

    private static String failure(Class<?> type, String text) {
        return assertThrows(HttpError.BadRequest.class, () -> convert(type, text)).description().orElseThrow();
    }

    @Test
    void everySupportedTypeConverts() {
        assertEquals("abc", convert(String.class, "abc"));
        assertEquals(7, convert(int.class, "7"));
        assertEquals(-7, convert(Integer.class, "-7"));
        assertEquals(7L, convert(long.class, "7"));
        assertEquals((short) 7, convert(short.class, "7"));
        assertEquals((byte) 7, convert(byte.class, "7"));
        assertEquals(new BigInteger("123456789012345678901234567890"),
                convert(BigInteger.class, "123456789012345678901234567890"));
        assertEquals(2.5, convert(double.class, "2.5"));
        assertEquals(2.5f, convert(float.class, "2.5"));
        assertEquals(new BigDecimal("1.50"), convert(BigDecimal.class, "1.50"));
        assertEquals(1e3, convert(Double.class, "1e3"));
        assertEquals('x', convert(char.class, "x"));
        UUID id = UUID.fromString("3f2a8c1e-5b7d-4e9a-8c21-0d4f6b1a2e3c");
        assertEquals(id, convert(UUID.class, id.toString()));
        assertEquals(Size.LARGE, convert(Size.class, "large"));
        assertEquals(LocalDate.of(2026, 11, 24), convert(LocalDate.class, "2026-11-24"));
        assertEquals(LocalTime.of(10, 15, 30), convert(LocalTime.class, "10:15:30"));
        assertEquals(LocalDateTime.of(2026, 11, 24, 10, 15, 30), convert(LocalDateTime.class, "2026-11-24T10:15:30"));
        assertEquals(Instant.parse("2026-11-24T10:15:30Z"), convert(Instant.class, "2026-11-24T10:15:30Z"));
        assertEquals(OffsetDateTime.parse("2026-11-24T10:15:30+01:00"),
                convert(OffsetDateTime.class, "2026-11-24T10:15:30+01:00"));
    }

    @Test
    void booleansAcceptTheUsualWordsInAnyCaseAndFalseIsFalse() {
        for (String yes : new String[] {"true", "TRUE", "1", "yes", "on", "On"}) {
            assertEquals(true, convert(boolean.class, yes), yes);
        }
        for (String no : new String[] {"false", "False", "0", "no", "off"}) {
            assertEquals(false, convert(Boolean.class, no), no);
        }
        assertEquals("Query parameter 'v' has value 'maybe', which is not a valid boolean. Send true or false (or "
                + "1/0, yes/no, on/off), for example v=true.", failure(boolean.class, "maybe"));
    }

    @Test
    void numbersRejectWhatJavaWouldOtherwiseAccept() {
        assertEquals("Query parameter 'v' has value 'NaN', which is not a valid double. Send a number, for example "
                + "v=2.5.", failure(double.class, "NaN"));
        assertEquals("Query parameter 'v' has value '2.5d', which is not a valid Double. Send a number, for example "
                + "v=2.5.", failure(Double.class, "2.5d"));
        assertEquals("Query parameter 'v' has value '3000000000', which is not a valid int. Send a whole number, for "
                + "example v=2.", failure(int.class, "3000000000"));
        assertEquals("Query parameter 'v' has value '300', which is not a valid byte. Send a whole number from -128 "
                + "to 127, for example v=2.", failure(byte.class, "300"));
        assertEquals("Query parameter 'v' has value '', which is not a valid long. Send a whole number, for example "
                + "v=2.", failure(long.class, ""));
    }

    @Test
    void everyOtherTypeSaysWhatItExpects() {
        assertEquals("Query parameter 'v' has value '1-1-1-1-1', which is not a valid UUID. Send a UUID, for example "
                + "v=3f2a8c1e-5b7d-4e9a-8c21-0d4f6b1a2e3c.", failure(UUID.class, "1-1-1-1-1"));
        assertEquals("Query parameter 'v' has value 'xy', which is not a valid char. Send a single character, for "
                + "example v=x.", failure(char.class, "xy"));
        assertEquals("Query parameter 'v' has value 'medium', which is not a valid Size. Send one of SMALL, LARGE "
                + "(any case), for example v=SMALL.", failure(Size.class, "medium"));
        assertEquals("Query parameter 'v' has value '24/11/2026', which is not a valid LocalDate. Send an ISO-8601 "
                + "date, for example v=2026-11-24.", failure(LocalDate.class, "24/11/2026"));
        assertEquals("Query parameter 'v' has value '2026-11-24', which is not a valid Instant. Send an ISO-8601 "
                + "instant in UTC, for example v=2026-11-24T10:15:30Z.", failure(Instant.class, "2026-11-24"));
        assertEquals("Query parameter 'v' has value '25:00', which is not a valid LocalTime. Send an ISO-8601 time, "
                + "for example v=10:15:30.", failure(LocalTime.class, "25:00"));
    }

    @Test
    void longValuesAreCutInTheMessage() {
        String message = failure(int.class, "9".repeat(500));
        assertTrue(message.startsWith("Query parameter 'v' has value '" + "9".repeat(200) + "…', which"), message);
    }

    @Test
    void otherTypesHaveNoConversion() {
        assertTrue(ValueConversion.to(Object.class).isEmpty());
        assertTrue(ValueConversion.to(StringBuilder.class).isEmpty());
    }
}
