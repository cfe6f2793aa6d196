package dev.carafe.gateway.middleware;

import dev.carafe.gateway.Environ;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Conditional and range requests (RFC 9110 §13 and §14) answered for a representation with known
 * validators: the one evaluation {@link StaticFiles}, {@link FileResponder} and frameworks share,
 * and the parsers of the header values it reads.
 *
 * <pre>{@code
 * Outcome outcome = ConditionalRequest.evaluate(environ, Optional.of("\"v42\""), Optional.empty(),
 *         OptionalLong.of(body.length));
 * if (outcome instanceof Outcome.NotModified) {
 *     startResponse.start("304 Not Modified", List.of(new Header("ETag", "\"v42\"")));
 *     return List.of();
 * }
 * }</pre>
 */
public final class ConditionalRequest {

    private ConditionalRequest() {
    }

    /** What to answer, in the order of RFC 9110 §13.2.2. */
    public sealed interface Outcome {

        /** Send the whole representation with the status it has. */
        record Full() implements Outcome {
        }

        /** {@code 304 Not Modified}: the client's copy is current. */
        record NotModified() implements Outcome {
        }

        /** {@code 412 Precondition Failed}: {@code If-Match} or {@code If-Unmodified-Since} is false. */
        record PreconditionFailed() implements Outcome {
        }

        /**
         * {@code 206 Partial Content}: bytes {@code first} to {@code last}, both inclusive, of
         * {@code size}.
         *
         * @param first the first byte position
         * @param last the last byte position, inclusive
         * @param size the length of the whole representation
         */
        record Partial(long first, long last, long size) implements Outcome {

            /** @return the number of bytes in the range */
            public long length() {
                return last - first + 1;
            }

            /** @return the {@code Content-Range} value, for example {@code bytes 0-99/1000} */
            public String contentRange() {
                return "bytes " + first + "-" + last + "/" + size;
            }
        }

        /**
         * {@code 416 Range Not Satisfiable}: no byte of the range exists; send
         * {@code Content-Range: bytes *}{@code /size}.
         *
         * @param size the length of the whole representation
         */
        record RangeNotSatisfiable(long size) implements Outcome {
        }
    }

    /**
     * One member of a {@code Range} header: {@code 0-99} is first 0 and last 99, {@code 500-} is
     * first 500 to the end, {@code -500} is the last 500 bytes (no first, last 500).
     *
     * @param first the first byte position; empty for a suffix range
     * @param last the last byte position, inclusive, or with no first the suffix length; empty
     *     for "to the end"
     */
    public record RangeSpec(OptionalLong first, OptionalLong last) {
    }

    /**
     * Evaluates the request's preconditions and range against a representation, for {@code GET}
     * and {@code HEAD} requests whose answer would otherwise be 2xx (other methods get
     * {@link Outcome.Full}: their preconditions must be checked before the change they make). In
     * the order of RFC 9110 §13.2.2: {@code If-Match} (strong comparison; {@code *} matches) else
     * {@code If-Unmodified-Since} may fail with 412; {@code If-None-Match} (weak comparison) else
     * {@code If-Modified-Since} may answer 304; then, when {@code rangeSize} is given, a single byte
     * range (with {@code If-Range} holding) answers 206 or 416. Dates are compared to the second.
     * A header value that does not parse is ignored, as RFC 9110 asks; so is a list of several
     * ranges (the whole representation is sent, RFC 9110 §14.2).
     *
     * @param environ the request's environ
     * @param etag the representation's entity tag with quotes and any {@code W/}, for example
     *     {@code "v42"}; empty for none
     * @param lastModified the representation's modification time; empty for none
     * @param rangeSize the representation's length when byte ranges may be served; empty to ignore
     *     {@code Range}
     * @return the outcome
     */
    public static Outcome evaluate(Map<String, Object> environ, Optional<String> etag, Optional<Instant> lastModified,
            OptionalLong rangeSize) {
        Object method = environ.get(Environ.REQUEST_METHOD);
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return new Outcome.Full();
        }
        Optional<Instant> modified = lastModified.map(t -> t.truncatedTo(ChronoUnit.SECONDS));
        Optional<List<String>> ifMatch = tags(environ, "If-Match");
        if (ifMatch.isPresent() ? !matches(ifMatch.get(), etag, true)
                : since(environ, "If-Unmodified-Since").flatMap(d -> modified.map(m -> m.isAfter(d))).orElse(false)) {
            return new Outcome.PreconditionFailed();
        }
        Optional<List<String>> ifNoneMatch = tags(environ, "If-None-Match");
        if (ifNoneMatch.isPresent() ? matches(ifNoneMatch.get(), etag, false)
                : since(environ, "If-Modified-Since").flatMap(d -> modified.map(m -> !m.isAfter(d))).orElse(false)) {
            return new Outcome.NotModified();
        }
        Optional<String> range = Environ.header(environ, "Range");
        if (rangeSize.isEmpty() || range.isEmpty() || "HEAD".equals(method) || !ifRangeHolds(environ, etag, modified)) {
            return new Outcome.Full();
        }
        return ByteRange.parse(range.get()).filter(specs -> specs.size() == 1)
                .map(specs -> ByteRange.resolve(specs.get(0), rangeSize.getAsLong()))
                .orElseGet(Outcome.Full::new);
    }

    /**
     * Reads an HTTP date (RFC 9110 §5.6.7) in any of its three formats: IMF-fixdate
     * ({@code Sun, 06 Nov 1994 08:49:37 GMT}), RFC 850 and asctime.
     *
     * @param value the field value
     * @return the instant, or empty if the value is none of the formats
     */
    public static Optional<Instant> parseDate(String value) {
        return HttpDates.parse(value);
    }

    /**
     * Writes an HTTP date as IMF-fixdate, dropping fractions of a second.
     *
     * @param instant the time
     * @return for example {@code Sun, 06 Nov 1994 08:49:37 GMT}
     */
    public static String formatDate(Instant instant) {
        return HttpDates.format(instant);
    }

    /**
     * Reads an entity-tag list such as {@code If-None-Match} (RFC 9110 §8.8.3).
     *
     * @param list the field value, for example {@code "a", W/"b"}
     * @return the tags with quotes and any {@code W/}, in order; {@code ["*"]} for {@code *};
     *     parsing stops at the first malformed member, keeping the tags before it
     */
    public static List<String> parseEntityTags(String list) {
        return list.strip().equals("*") ? List.of("*") : EntityTags.parse(list);
    }

    /**
     * Reads a {@code Range} header (RFC 9110 §14.1.2).
     *
     * @param header the field value, for example {@code bytes=0-99,-500}
     * @return the byte ranges in order; empty when the unit is not {@code bytes} or a member does
     *     not parse (such a header is ignored)
     */
    public static Optional<List<RangeSpec>> parseRange(String header) {
        return ByteRange.parse(header);
    }

    /** A header's entity tags; empty when it is absent or has none (a malformed value is ignored). */
    private static Optional<List<String>> tags(Map<String, Object> environ, String name) {
        return Environ.header(environ, name).map(ConditionalRequest::parseEntityTags).filter(tags -> !tags.isEmpty());
    }

    /** Whether an entity-tag list matches: {@code *} matches any current representation. */
    private static boolean matches(List<String> tags, Optional<String> etag, boolean strong) {
        if (tags.equals(List.of("*"))) {
            return true;
        }
        if (etag.isEmpty() || strong && etag.get().startsWith("W/")) {
            return false;
        }
        String ours = EntityTags.opaque(etag.get());
        return tags.stream().anyMatch(tag -> !(strong && tag.startsWith("W/")) && EntityTags.opaque(tag).equals(ours));
    }

    private static Optional<Instant> since(Map<String, Object> environ, String name) {
        return Environ.header(environ, name).flatMap(HttpDates::parse);
    }

    /**
     * RFC 9110 §13.1.5: an entity tag matching ours by the strong comparison, or a date equal to our
     * {@code Last-Modified}; no {@code If-Range} holds too.
     */
    private static boolean ifRangeHolds(Map<String, Object> environ, Optional<String> etag, Optional<Instant> modified) {
        Optional<String> ifRange = Environ.header(environ, "If-Range").map(String::strip);
        if (ifRange.isEmpty()) {
            return true;
        }
        String value = ifRange.get();
        if (value.startsWith("\"") || value.startsWith("W/")) {
            return !value.startsWith("W/") && matches(EntityTags.parse(value), etag, true);
        }
        return modified.isPresent() && HttpDates.parse(value).filter(modified.get()::equals).isPresent();
    }
}
