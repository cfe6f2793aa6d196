package dev.carafe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AcceptHeaderTest {

    private static final List<String> HTML_OR_JSON = List.of("text/html", "application/problem+json");

    @Test
    void aBrowserGetsHtml() {
        AcceptHeader browser = AcceptHeader.parse(
                "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8");
        assertEquals(Optional.of("text/html"), browser.bestMatch(HTML_OR_JSON));
        assertEquals(1.0, browser.quality("text/html"));
        assertEquals(0.8, browser.quality("application/problem+json"));
    }

    @Test
    void anApiClientGetsJson() {
        AcceptHeader api = AcceptHeader.parse("application/json, application/problem+json;q=0.9, */*;q=0.1");
        assertEquals(Optional.of("application/problem+json"), api.bestMatch(HTML_OR_JSON));
    }

    @Test
    void theMostSpecificRangeDecidesTheQuality() {
        AcceptHeader accept = AcceptHeader.parse("text/*;q=0.3, text/html;q=0.7, text/html;level=1,"
                + " text/html;level=2;q=0.4, */*;q=0.5");
        assertEquals(1.0, accept.quality("text/html;level=1"));
        assertEquals(0.7, accept.quality("text/html"));
        assertEquals(0.3, accept.quality("text/plain"));
        assertEquals(0.5, accept.quality("image/jpeg"));
        assertEquals(0.4, accept.quality("text/html;level=2"));
        assertEquals(0.7, accept.quality("text/html;level=3"));
    }

    @Test
    void qZeroExcludesATypeEvenWhenAWildcardAcceptsIt() {
        AcceptHeader accept = AcceptHeader.parse("text/*, text/html;q=0");
        assertEquals(0.0, accept.quality("text/html"));
        assertEquals(Optional.of("text/plain"), accept.bestMatch(List.of("text/html", "text/plain")));
        assertEquals(Optional.empty(), accept.bestMatch(List.of("text/html", "application/json")));
    }

    @Test
    void equalQualitiesGoToTheMoreSpecificMatchThenToTheFirstOffered() {
        AcceptHeader accept = AcceptHeader.parse("*/*, application/json");
        assertEquals(Optional.of("application/json"), accept.bestMatch(List.of("text/html", "application/json")));
        AcceptHeader wildcard = AcceptHeader.parse("*/*");
        assertEquals(Optional.of("text/html"), wildcard.bestMatch(List.of("text/html", "application/json")));
        assertEquals(Optional.of("application/json"), wildcard.bestMatch(List.of("application/json", "text/html")));
    }

    @Test
    void anAbsentHeaderAcceptsAnythingSoTheFirstOfferedWins() {
        assertEquals(Optional.of("application/json"), AcceptHeader.any().bestMatch(List.of("application/json",
                "text/html")));
        assertEquals(Optional.of("text/html"), AcceptHeader.parse("").bestMatch(HTML_OR_JSON));
        assertEquals(1.0, AcceptHeader.parse("  ").quality("image/png"));
    }

    @Test
    void malformedRangesAreSkipped() {
        AcceptHeader accept = AcceptHeader.parse("text/html;q=2, nonsense, */html, application/json;q=0.5x,"
                + " image/png;q=0.25");
        assertEquals(0.0, accept.quality("text/html"));
        assertEquals(0.25, accept.quality("image/png"));
        assertEquals(Optional.of("text/html"), AcceptHeader.parse("garbage").bestMatch(HTML_OR_JSON));
    }

    @Test
    void matchingIgnoresCase() {
        assertEquals(0.5, AcceptHeader.parse("TEXT/Html;q=0.5").quality("text/HTML"));
    }

    @Test
    void parametersAfterTheQualityAreIgnored() {
        assertEquals(0.5, AcceptHeader.parse("text/html;q=0.5;ext=1").quality("text/html"));
    }
}
