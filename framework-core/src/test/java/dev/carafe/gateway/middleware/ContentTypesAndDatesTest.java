package dev.carafe.gateway.middleware;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ContentTypesAndDatesTest {

    private final ContentTypes types = new ContentTypes(Map.of());

    @Test
    void textualTypesGetUtf8AndOthersDoNot() {
        assertEquals("text/html; charset=utf-8", types.of("index.HTML"));
        assertEquals("text/javascript; charset=utf-8", types.of("js/app.mjs"));
        assertEquals("application/json; charset=utf-8", types.of("data.json"));
        assertEquals("application/manifest+json; charset=utf-8", types.of("site.webmanifest"));
        assertEquals("image/svg+xml; charset=utf-8", types.of("logo.svg"));
        assertEquals("application/xml; charset=utf-8", types.of("feed.xml"));
        assertEquals("image/png", types.of("logo.png"));
        assertEquals("font/woff2", types.of("fonts/inter.woff2"));
    }

    @Test
    void namesWithoutAKnownExtensionAreOctetStream() {
        assertEquals("application/octet-stream", types.of("LICENSE"));
        assertEquals("application/octet-stream", types.of(".htaccess"));
        assertEquals("application/octet-stream", types.of("dir.css/README"));
        assertEquals("application/octet-stream", types.of("archive.tar.xz"));
    }

    @Test
    void typesWithParametersAreKeptAsGiven() {
        assertEquals("text/plain; charset=iso-8859-1", ContentTypes.withCharset("text/plain; charset=iso-8859-1"));
    }

    @Test
    void httpDatesAreWrittenAsImfFixdateWithTwoDigitDays() {
        assertEquals("Sun, 06 Nov 1994 08:49:37 GMT", HttpDates.format(Instant.parse("1994-11-06T08:49:37.900Z")));
    }

    @Test
    void httpDatesAreReadInAllThreeFormats() {
        Optional<Instant> expected = Optional.of(Instant.parse("1994-11-06T08:49:37Z"));
        assertEquals(expected, HttpDates.parse("Sun, 06 Nov 1994 08:49:37 GMT"));
        assertEquals(expected, HttpDates.parse("Sunday, 06-Nov-94 08:49:37 GMT"));
        assertEquals(expected, HttpDates.parse("Sun Nov  6 08:49:37 1994"));
        assertEquals(Optional.empty(), HttpDates.parse("06/11/1994"));
        assertEquals(Optional.empty(), HttpDates.parse("Mon, 06 Nov 1994 08:49:37 GMT"));
    }
}
