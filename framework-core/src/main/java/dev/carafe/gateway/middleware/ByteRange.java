package dev.carafe.gateway.middleware;

import java.util.Locale;

/**
 * The outcome of a {@code Range} header (RFC 9110 §14.1.2) against a representation of known
 * length: ignored (serve everything), one satisfiable byte range, or unsatisfiable.
 *
 * <p>Only a single range is honoured; a list of several ranges is ignored, so the client gets the
 * whole representation with {@code 200} (allowed by RFC 9110 §14.2, and simpler than
 * {@code multipart/byteranges}). A header that does not parse, or uses another unit, is ignored too.
 */
sealed interface ByteRange {

    /** Serve the whole representation. */
    record Ignored() implements ByteRange {
    }

    /** Serve bytes {@code first} to {@code last}, both inclusive. */
    record Satisfiable(long first, long last) implements ByteRange {

        long length() {
            return last - first + 1;
        }
    }

    /** No byte of the range exists: {@code 416}. */
    record Unsatisfiable() implements ByteRange {
    }

    /**
     * @param header the {@code Range} field value, for example {@code bytes=0-99}
     * @param size the length of the representation
     */
    static ByteRange parse(String header, long size) {
        int equals = header.indexOf('=');
        if (equals < 0 || !header.substring(0, equals).strip().toLowerCase(Locale.ROOT).equals("bytes")) {
            return new Ignored();
        }
        String spec = header.substring(equals + 1).strip();
        int dash = spec.indexOf('-');
        if (spec.indexOf(',') >= 0 || dash < 0) {
            return new Ignored();
        }
        String first = spec.substring(0, dash).strip();
        String last = spec.substring(dash + 1).strip();
        if (first.isEmpty()) {
            long suffix = number(last);
            if (suffix < 0) {
                return new Ignored();
            }
            return suffix == 0 || size == 0 ? new Unsatisfiable() : new Satisfiable(Math.max(0, size - suffix), size - 1);
        }
        long start = number(first);
        long end = last.isEmpty() ? Long.MAX_VALUE : number(last);
        if (start < 0 || end < 0 || end < start) {
            return new Ignored();
        }
        return start >= size ? new Unsatisfiable() : new Satisfiable(start, Math.min(end, size - 1));
    }

    /** Decimal digits as a number ({@code Long.MAX_VALUE} if too large), or -1 if not digits. */
    private static long number(String digits) {
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        return digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits);
    }
}
