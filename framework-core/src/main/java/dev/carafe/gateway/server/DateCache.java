package dev.carafe.gateway.server;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The {@code Date} header value (RFC 9110 §5.6.7 IMF-fixdate), formatted at most once a second. */
final class DateCache {

    private record Entry(long second, String text) {
    }

    /** Two-digit day, English names: {@code RFC_1123_DATE_TIME} would print "6 Nov", which IMF-fixdate forbids. */
    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH);

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
            current = new Entry(second, IMF_FIXDATE.format(Instant.ofEpochSecond(second).atOffset(ZoneOffset.UTC)));
            entry = current;
        }
        return current.text();
    }
}
