package dev.carafe.gateway.server;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The {@code Date} header value (RFC 9110 §5.6.7 IMF-fixdate), formatted at most once a second. */
final class DateCache {

    private record Entry(long second, String text) {
    }

    private final Clock clock;
    private volatile Entry entry = new Entry(Long.MIN_VALUE, "");

    DateCache(Clock clock) {
        this.clock = clock;
    }

    /** @return the current time, for example {@code Sun, 06 Nov 1994 08:49:37 GMT} */
    String now() {
        long second = clock.millis() / 1000;
        Entry current = entry;
        if (current.second() != second) {
            current = new Entry(second, DateTimeFormatter.RFC_1123_DATE_TIME
                    .format(Instant.ofEpochSecond(second).atOffset(ZoneOffset.UTC)).replace("+0000", "GMT"));
            entry = current;
        }
        return current.text();
    }
}
