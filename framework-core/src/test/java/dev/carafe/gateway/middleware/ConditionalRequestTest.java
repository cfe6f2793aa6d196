package dev.carafe.gateway.middleware;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.carafe.gateway.Environ;
import dev.carafe.gateway.middleware.ConditionalRequest.Outcome;
import dev.carafe.gateway.middleware.ConditionalRequest.RangeSpec;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The public evaluation a gateway application calls directly. */
class ConditionalRequestTest {

    private static final Optional<String> ETAG = Optional.of("\"v42\"");
    private static final Optional<Instant> MODIFIED = Optional.of(Instant.parse("2026-11-20T10:15:30.900Z"));

    private static Outcome evaluate(String method, OptionalLong size, String... headers) {
        Map<String, Object> environ = new HashMap<>();
        environ.put(Environ.REQUEST_METHOD, method);
        for (int i = 0; i < headers.length; i += 2) {
            environ.put(Environ.headerKey(headers[i]).orElseThrow(), headers[i + 1]);
        }
        return ConditionalRequest.evaluate(environ, ETAG, MODIFIED, size);
    }

    @Test
    void preconditionsAreCheckedInTheOrderOfRfc9110() {
        assertEquals(new Outcome.PreconditionFailed(),
                evaluate("GET", OptionalLong.empty(), "If-Match", "\"v1\"", "If-None-Match", "\"v42\""));
        assertEquals(new Outcome.NotModified(),
                evaluate("GET", OptionalLong.of(10), "If-Match", "\"v42\"", "If-None-Match", "\"v42\"", "Range", "bytes=0-1"));
        assertEquals(new Outcome.Partial(0, 1, 10), evaluate("GET", OptionalLong.of(10), "Range", "bytes=0-1"));
        assertEquals(new Outcome.RangeNotSatisfiable(10), evaluate("GET", OptionalLong.of(10), "Range", "bytes=10-"));
        assertEquals(new Outcome.Full(), evaluate("GET", OptionalLong.empty(), "Range", "bytes=0-1"));
    }

    @Test
    void unsafeMethodsAreAlwaysFull() {
        assertEquals(new Outcome.Full(), evaluate("PUT", OptionalLong.empty(), "If-Match", "\"v1\""));
        assertEquals(new Outcome.Full(), evaluate("POST", OptionalLong.empty(), "If-None-Match", "*"));
    }

    @Test
    void modificationTimesAreComparedToTheSecond() {
        assertEquals(new Outcome.NotModified(),
                evaluate("HEAD", OptionalLong.empty(), "If-Modified-Since", "Fri, 20 Nov 2026 10:15:30 GMT"));
        assertEquals(new Outcome.Full(),
                evaluate("GET", OptionalLong.empty(), "If-Unmodified-Since", "Fri, 20 Nov 2026 10:15:30 GMT"));
    }

    @Test
    void partialNamesItsContentRange() {
        Outcome.Partial partial = new Outcome.Partial(5, 9, 26);
        assertEquals("bytes 5-9/26", partial.contentRange());
        assertEquals(5, partial.length());
    }

    @Test
    void parsersReadWhatTheHeadersHold() {
        assertEquals(List.of("*"), ConditionalRequest.parseEntityTags(" * "));
        assertEquals(List.of("\"a\"", "W/\"b\""), ConditionalRequest.parseEntityTags("\"a\" , W/\"b\""));
        assertEquals(Optional.of(List.of(new RangeSpec(OptionalLong.empty(), OptionalLong.of(5)))),
                ConditionalRequest.parseRange("bytes=-5"));
        assertEquals(Optional.empty(), ConditionalRequest.parseRange("bytes=1-2,x"));
        assertEquals("Fri, 20 Nov 2026 10:15:30 GMT", ConditionalRequest.formatDate(MODIFIED.orElseThrow()));
        assertEquals(Optional.of(Instant.parse("2026-11-20T10:15:30Z")),
                ConditionalRequest.parseDate("Fri, 20 Nov 2026 10:15:30 GMT"));
    }
}
