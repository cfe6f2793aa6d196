package dev.carafe.gateway.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DateCacheTest {

    /** A clock whose time the test sets. */
    private static final class TestClock extends Clock {
        private final AtomicLong millis = new AtomicLong();

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.get());
        }
    }

    @Test
    void formatsImfFixdateAndRecomputesOnlyWhenTheSecondChanges() {
        TestClock clock = new TestClock();
        DateCache dates = new DateCache(clock);
        clock.millis.set(784_111_777_000L);
        String first = dates.now();
        assertEquals("Sun, 06 Nov 1994 08:49:37 GMT", first);
        clock.millis.set(784_111_777_999L);
        assertSame(first, dates.now());
        clock.millis.set(784_111_778_000L);
        assertEquals("Sun, 06 Nov 1994 08:49:38 GMT", dates.now());
    }
}
