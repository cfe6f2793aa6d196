package dev.carafe.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Closing a streamed template's body: it waits for the render to stop, but not for ever. */
class TemplateStreamCloseTest {

    @Test
    void closeStopsARenderThatHeedsInterruptsAndWaitsForIt() {
        CountDownLatch stopped = new CountDownLatch(1);
        TemplateStream stream = new TemplateStream(out -> {
            try {
                out.write("first");
                out.flush();
                new CountDownLatch(1).await();       // interruptible: close() ends it
            } catch (InterruptedException e) {
                stopped.countDown();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, Duration.ofSeconds(10));
        Iterator<byte[]> chunks = stream.iterator();
        assertEquals("first", new String(chunks.next()));

        stream.close();

        assertEquals(0, stopped.getCount(), "the render had stopped when close() returned");
    }

    @Test
    void closeGivesUpOnARenderStuckInACallThatIgnoresInterrupts() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        TemplateStream stream = new TemplateStream(out -> {
            try {
                out.write("first");
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            while (release.getCount() > 0) {
                Thread.interrupted();                    // a call that swallows the interrupt
                Thread.onSpinWait();
            }
        }, Duration.ofMillis(200));
        Iterator<byte[]> chunks = stream.iterator();
        assertEquals("first", new String(chunks.next()));

        long start = System.nanoTime();
        stream.close();
        long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        release.countDown();

        assertTrue(waited >= 150 && waited < 5_000, "close() waited about the stop wait, not for ever: " + waited);
    }
}
