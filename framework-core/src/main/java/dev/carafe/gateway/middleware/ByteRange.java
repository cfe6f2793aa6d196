package dev.carafe.gateway.middleware;

import dev.carafe.gateway.middleware.ConditionalRequest.Outcome;
import dev.carafe.gateway.middleware.ConditionalRequest.RangeSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The {@code Range} header (RFC 9110 §14.1.2): parsed into its byte ranges, and one range resolved
 * against a representation of known length.
 */
final class ByteRange {

    private ByteRange() {
    }

    /**
     * The byte ranges of a {@code Range} field value such as {@code bytes=0-99, -500}, in order; empty
     * when the unit is not {@code bytes} or any member does not parse (RFC 9110 §14.2: such a header
     * is ignored).
     */
    static Optional<List<RangeSpec>> parse(String header) {
        int equals = header.indexOf('=');
        if (equals < 0 || !header.substring(0, equals).strip().toLowerCase(Locale.ROOT).equals("bytes")) {
            return Optional.empty();
        }
        List<RangeSpec> specs = new ArrayList<>();
        for (String member : header.substring(equals + 1).split(",", -1)) {
            String spec = member.strip();
            if (spec.isEmpty()) {
                continue;                                   // empty list elements are allowed (RFC 9110 §5.6.1)
            }
            int dash = spec.indexOf('-');
            if (dash < 0) {
                return Optional.empty();
            }
            OptionalLong first = number(spec.substring(0, dash).strip());
            OptionalLong last = number(spec.substring(dash + 1).strip());
            boolean firstGiven = dash > 0;
            boolean lastGiven = dash < spec.length() - 1;
            if (firstGiven && first.isEmpty() || lastGiven && last.isEmpty() || !firstGiven && !lastGiven
                    || first.isPresent() && last.isPresent() && last.getAsLong() < first.getAsLong()) {
                return Optional.empty();
            }
            specs.add(new RangeSpec(first, last));
        }
        return specs.isEmpty() ? Optional.empty() : Optional.of(specs);
    }

    /** One range against a length: the bytes to send, or unsatisfiable when none of them exists. */
    static Outcome resolve(RangeSpec spec, long size) {
        if (spec.first().isEmpty()) {
            long suffix = spec.last().getAsLong();
            return suffix == 0 || size == 0 ? new Outcome.RangeNotSatisfiable(size)
                    : new Outcome.Partial(Math.max(0, size - suffix), size - 1, size);
        }
        long start = spec.first().getAsLong();
        long end = spec.last().orElse(Long.MAX_VALUE);
        return start >= size ? new Outcome.RangeNotSatisfiable(size) : new Outcome.Partial(start, Math.min(end, size - 1), size);
    }

    /** Decimal digits as a number ({@code Long.MAX_VALUE} if too large), or empty if not digits. */
    private static OptionalLong number(String digits) {
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits));
    }
}
