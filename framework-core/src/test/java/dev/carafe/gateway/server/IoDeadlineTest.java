package dev.carafe.gateway.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Who wins a passed deadline, the watchdog or the connection's thread, and how often the watchdog looks. */
class IoDeadlineTest {

    private final IoDeadline deadline = new IoDeadline();

    @Test
    void nothingExpiresWhileNoReadOrWriteIsArmed() {
        assertEquals(IoDeadline.Expired.NOTHING, deadline.expire(Long.MAX_VALUE));
        assertFalse(deadline.disarm());
    }

    @Test
    void armedReadExpiresOnlyOnceItsDeadlineHasPassed() {
        deadline.armRead(1_000);
        assertEquals(IoDeadline.Expired.NOTHING, deadline.expire(999));
        assertEquals(IoDeadline.Expired.READ, deadline.expire(1_000));
        assertEquals(IoDeadline.Expired.NOTHING, deadline.expire(2_000), "expired twice");
        assertTrue(deadline.disarm(), "the thread must learn that its read timed out");
        assertFalse(deadline.disarm());
    }

    @Test
    void armedWriteExpiresAsAWrite() {
        deadline.armWrite(1_000);
        assertEquals(IoDeadline.Expired.WRITE, deadline.expire(1_001));
        assertTrue(deadline.disarm());
    }

    @Test
    void disarmedBeforeTheWatchdogLooksNeverExpires() {
        deadline.armRead(1_000);
        assertFalse(deadline.disarm());
        assertEquals(IoDeadline.Expired.NOTHING, deadline.expire(5_000));
    }

    @Test
    void deadlinesAcrossTheNanoTimeWrapAroundCompareByDifference() {
        deadline.armRead(Long.MAX_VALUE - 10);
        assertEquals(IoDeadline.Expired.NOTHING, deadline.expire(Long.MAX_VALUE - 20));
        assertEquals(IoDeadline.Expired.READ, deadline.expire(Long.MIN_VALUE + 5));
    }

    @Test
    void deadlineEqualToAMarkerStillExpires() {
        deadline.armRead(Long.MIN_VALUE);
        assertEquals(IoDeadline.Expired.READ, deadline.expire(Long.MIN_VALUE + 100));
        deadline.armWrite(Long.MIN_VALUE);
        assertEquals(IoDeadline.Expired.WRITE, deadline.expire(Long.MIN_VALUE + 100));
    }

    @Test
    void watchdogLooksEveryTenthOfTheShortestTimeoutWithinBounds() {
        ServerSettings.Builder settings = ServerSettings.builder();
        assertEquals(500, Watchdog.tickMillis(settings.build()), "defaults: keepAliveTimeout 5 s is the shortest");
        assertEquals(20, Watchdog.tickMillis(settings.writeTimeout(Duration.ofMillis(200)).build()));
        assertEquals(10, Watchdog.tickMillis(settings.headerTimeout(Duration.ofMillis(1)).build()));
        assertEquals(1000, Watchdog.tickMillis(ServerSettings.builder().headerTimeout(Duration.ofMinutes(1))
                .keepAliveTimeout(Duration.ofMinutes(1)).bodyTimeout(Duration.ofMinutes(1))
                .writeTimeout(Duration.ofMinutes(1)).build()));
    }
}
