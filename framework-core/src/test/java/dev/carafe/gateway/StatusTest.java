package dev.carafe.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatusTest {

    @Test
    void statusLinesCarryTheStandardReasonPhrase() {
        assertEquals("404 Not Found", Status.line(404));
        assertEquals("413 Content Too Large", Status.line(413));
        assertEquals("299 Unknown", Status.line(299));
        assertEquals(Optional.empty(), Status.reason(299));
    }

    @Test
    void codesOutsideThreeDigitsAreRejectedWithTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Status.line(42));
        assertEquals("Status code must be three digits from 100 to 999, got 42.", e.getMessage());
    }

    @Test
    void theCodeIsReadFromAStatusLine() {
        assertEquals(200, Status.code("200 OK"));
        assertEquals(599, Status.code("599"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Status.code("OK 200"));
        assertEquals("Status must be three digits, a space and a reason, for example \"200 OK\"; got \"OK 200\".",
                e.getMessage());
    }
}
