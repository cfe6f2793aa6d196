package dev.carafe.gateway.server;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HandOverTest {

    private static final long WINDOW = HandOver.WINDOW_NANOS;
    private static final long SLOW = EventLoops.STALL_NANOS + 1;

    @Test
    void aLoopWhoseServesAreOftenTakenAwayStartsHandingOverForAWindow() {
        HandOver handOver = new HandOver();
        long now = 1;
        for (int i = 0; i < HandOver.ENTER_TAKE_AWAYS; i++) {
            handOver.served();
            handOver.takenAway(now += 1_000);
        }
        assertTrue(handOver.active(now));
        assertTrue(handOver.review(now + WINDOW / 2));
        assertFalse(handOver.review(now + WINDOW + 1), "nothing was handed over in the window: back to in place");
        assertFalse(handOver.active(now + WINDOW + 1));
    }

    @Test
    void takeAwaysAmongManyQuickServesDoNotStartHandingOver() {
        HandOver handOver = new HandOver();
        long now = 1;
        // A preempted thread now and then while tens of thousands of requests are served in place.
        for (int i = 0; i < 2 * HandOver.ENTER_TAKE_AWAYS; i++) {
            for (int s = 0; s < 2 * HandOver.ENTER_ONE_IN; s++) {
                handOver.served();
            }
            handOver.takenAway(now += 1_000);
        }
        assertFalse(handOver.active(now));
    }

    @Test
    void takeAwaysSpreadOverManyWindowsDoNotStartHandingOver() {
        HandOver handOver = new HandOver();
        long now = 1;
        for (int i = 0; i < 3 * HandOver.ENTER_TAKE_AWAYS; i++) {
            handOver.served();
            handOver.takenAway(now += WINDOW / (HandOver.ENTER_TAKE_AWAYS / 2));
        }
        assertFalse(handOver.active(now));
    }

    @Test
    void handingOverGoesOnWhileAQuarterOfTheHandedServesAreSlowAndStopsWhenFewerAre() {
        HandOver handOver = enteredAt(1);
        long end = 1 + WINDOW;
        for (int i = 0; i < 8; i++) {
            handOver.started();
            handOver.finished(i < 2 ? SLOW : 1_000);
        }
        assertTrue(handOver.review(end + 1), "2 slow of 8 handed over: another window");
        for (int i = 0; i < 9; i++) {
            handOver.started();
            handOver.finished(i < 2 ? SLOW : 1_000);
        }
        assertFalse(handOver.review(end + 1 + WINDOW + 1), "2 slow of 9: back to serving in place");
        assertFalse(handOver.active(end + 1 + WINDOW + 2));
    }

    private static HandOver enteredAt(long now) {
        HandOver handOver = new HandOver();
        for (int i = 0; i < HandOver.ENTER_TAKE_AWAYS; i++) {
            handOver.served();
            handOver.takenAway(now);
        }
        assertTrue(handOver.active(now));
        return handOver;
    }
}
