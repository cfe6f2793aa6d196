package dev.carafe.gateway.middleware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ForwardingBodyTest {

    private static String text(byte[] chunk) {
        return new String(chunk, StandardCharsets.UTF_8);
    }

    @Test
    void mapsEachChunkOneToOne() {
        ForwardingBody body = ForwardingBody.map(CountingBody.of("ab", "", "cd"),
                chunk -> text(chunk).toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
        List<String> out = new ArrayList<>();
        body.forEach(chunk -> out.add(text(chunk)));
        assertEquals(List.of("AB", "", "CD"), out);
    }

    @Test
    void closesTheWrappedBodyExactlyOnceAndThenCallsTheListener() throws Exception {
        CountingBody upstream = CountingBody.of("a");
        List<String> events = new ArrayList<>();
        ForwardingBody body = ForwardingBody.onClose(upstream,
                failure -> events.add("closed " + upstream.closes.get() + " " + failure.isPresent()));
        body.close();
        body.close();
        assertEquals(1, upstream.closes.get());
        assertEquals(List.of("closed 1 false"), events);
    }

    @Test
    void reportsAFailureDuringIterationToTheListener() throws Exception {
        CountingBody upstream = CountingBody.failingAfter("a");
        List<Optional<Throwable>> seen = new ArrayList<>();
        ForwardingBody body = ForwardingBody.onClose(upstream, seen::add);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> body.forEach(chunk -> { }));
        body.close();
        assertEquals(1, upstream.closes.get());
        assertEquals(List.of(Optional.of(e)), seen);
    }

    @Test
    void aMapperReturningNullIsReportedClearly() {
        ForwardingBody body = ForwardingBody.map(CountingBody.of("a"), chunk -> null);
        NullPointerException e = assertThrows(NullPointerException.class, () -> body.iterator().next());
        assertEquals("the chunk mapper returned null; return an empty array instead", e.getMessage());
    }

    @Test
    void aFailingCloseIsRethrownAfterTheListenerRan() {
        Iterable<byte[]> upstream = new CloseFails();
        List<Optional<Throwable>> seen = new ArrayList<>();
        ForwardingBody body = ForwardingBody.onClose(upstream, seen::add);
        Exception e = assertThrows(IllegalStateException.class, body::close);
        assertEquals("close failed", e.getMessage());
        assertEquals(List.of(Optional.of(e)), seen);
    }

    @Test
    void closeHelperClosesOnlyCloseableBodies() throws Exception {
        CountingBody closeable = CountingBody.of();
        ForwardingBody.close(closeable);
        ForwardingBody.close(List.of(new byte[1]));
        assertEquals(1, closeable.closes.get());
    }

    private static final class CloseFails implements Iterable<byte[]>, AutoCloseable {
        @Override
        public java.util.Iterator<byte[]> iterator() {
            return List.<byte[]>of().iterator();
        }

        @Override
        public void close() {
            throw new IllegalStateException("close failed");
        }
    }
}
