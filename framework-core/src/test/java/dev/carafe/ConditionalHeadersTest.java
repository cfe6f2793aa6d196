package dev.carafe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carafe.gateway.middleware.ConditionalRequest.RangeSpec;
import dev.carafe.gateway.testing.TestRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Request's typed conditional headers, EntityTag and EntityTagSet. */
class ConditionalHeadersTest {

    private static String read(Function<Request, Object> accessor, String... headers) {
        App app = new App();
        app.get("/", request -> String.valueOf(accessor.apply(request)));
        TestRequest request = app.testClient().request("GET", "/");
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request.send().text();
    }

    @Test
    void ifNoneMatchAndIfMatchAreSetsOfTags() {
        EntityTagSet expected = new EntityTagSet(List.of(EntityTag.of("a"), EntityTag.weakOf("b")), false);
        assertEquals(expected.toString(), read(Request::ifNoneMatch, "If-None-Match", "\"a\", W/\"b\""));
        assertEquals(expected.toString(), read(Request::ifMatch, "If-Match", "\"a\",W/\"b\""));
        assertEquals(new EntityTagSet(List.of(), true).toString(), read(Request::ifMatch, "If-Match", "*"));
        assertEquals(new EntityTagSet(List.of(), false).toString(), read(Request::ifMatch));
    }

    @Test
    void malformedTagsEndTheList() {
        assertEquals(List.of(EntityTag.of("a")).toString(),
                read(request -> request.ifNoneMatch().tags(), "If-None-Match", "\"a\", b, \"c\""));
        assertEquals("true", read(request -> request.ifNoneMatch().isEmpty(), "If-None-Match", "unquoted"));
    }

    @Test
    void datesAreReadInAllThreeFormatsAndBadOnesAreEmpty() {
        Instant expected = Instant.parse("1994-11-06T08:49:37Z");
        assertEquals(Optional.of(expected).toString(),
                read(Request::ifModifiedSince, "If-Modified-Since", "Sun, 06 Nov 1994 08:49:37 GMT"));
        assertEquals(Optional.of(expected).toString(),
                read(Request::ifUnmodifiedSince, "If-Unmodified-Since", "Sunday, 06-Nov-94 08:49:37 GMT"));
        assertEquals("Optional.empty", read(Request::ifModifiedSince, "If-Modified-Since", "yesterday"));
        assertEquals("Optional.empty", read(Request::ifUnmodifiedSince));
    }

    @Test
    void rangeIsTheListOfByteRanges() {
        List<RangeSpec> expected = List.of(new RangeSpec(OptionalLong.of(0), OptionalLong.of(99)),
                new RangeSpec(OptionalLong.of(500), OptionalLong.empty()),
                new RangeSpec(OptionalLong.empty(), OptionalLong.of(20)));
        assertEquals(Optional.of(expected).toString(), read(Request::range, "Range", "bytes=0-99, 500-,-20"));
        assertEquals("Optional.empty", read(Request::range, "Range", "bytes=5-1"));
        assertEquals("Optional.empty", read(Request::range, "Range", "items=0-1"));
        assertEquals("Optional.empty", read(Request::range, "Range", "bytes=-"));
        assertEquals("Optional.empty", read(Request::range));
    }

    @Test
    void userAgentIsTheRawHeader() {
        assertEquals("Optional[curl/8.5.0]", read(Request::userAgent, "User-Agent", "curl/8.5.0"));
        assertEquals("Optional.empty", read(Request::userAgent));
    }

    @Test
    void weakAndStrongComparisonsFollowRfc9110() {
        EntityTagSet set = new EntityTagSet(List.of(EntityTag.weakOf("1"), EntityTag.of("2")), false);
        assertTrue(set.containsWeak(EntityTag.of("1")));
        assertFalse(set.containsStrong(EntityTag.of("1")));
        assertTrue(set.containsStrong(EntityTag.of("2")));
        assertFalse(set.containsStrong(EntityTag.weakOf("2")));
        assertTrue(new EntityTagSet(List.of(), true).containsStrong(EntityTag.of("anything")));
    }

    @Test
    void entityTagsAreSentQuotedAndParsedBack() {
        assertEquals("\"v42\"", EntityTag.of("v42").toString());
        assertEquals("W/\"v42\"", EntityTag.weakOf("v42").toString());
        assertEquals(Optional.of(EntityTag.weakOf("v42")), EntityTag.parse("W/\"v42\""));
        assertEquals(Optional.empty(), EntityTag.parse("v42"));
        assertEquals(Optional.empty(), EntityTag.parse("\"a b\""));
    }

    @Test
    void anEntityTagWithAQuoteIsRejectedWithTheFix() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> EntityTag.of("\"v42\""));
        assertEquals("Entity tag value \"\"v42\"\" has the character U+0022 at index 0, which an ETag cannot hold"
                + " (RFC 9110 §8.8.3 allows visible characters except '\"'). Give the value without quotes, for"
                + " example EntityTag.of(\"v42\"), or hash it first.", error.getMessage());
    }
}
