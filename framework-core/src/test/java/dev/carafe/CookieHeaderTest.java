package dev.carafe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CookieHeaderTest {

    @Test
    void pairsArriveInOrderWithQuotesRemoved() {
        Map<String, String> cookies = CookieHeader.parse("a=1; b=\"two\"; session=abc.def=");
        assertEquals(Map.of("a", "1", "b", "two", "session", "abc.def="), cookies);
        assertEquals(List.of("a", "b", "session"), List.copyOf(cookies.keySet()));
    }

    @Test
    void theFirstOccurrenceOfANameWins() {
        assertEquals(Map.of("id", "specific", "x", "1"), CookieHeader.parse("id=specific; x=1; id=general"));
    }

    @Test
    void malformedPairsAreSkipped() {
        assertEquals(Map.of("a", "1", "b", "", "c", "3"), CookieHeader.parse("a=1;;novalue; =x; b=; c=3 ;"));
    }

    @Test
    void anUnquotedValueIsNotDecoded() {
        assertEquals(Map.of("v", "%20a+b", "q", "\"half"), CookieHeader.parse("v=%20a+b; q=\"half"));
    }

    @Test
    void anEmptyHeaderHasNoCookies() {
        assertEquals(Map.of(), CookieHeader.parse(""));
    }

    @Test
    void escapesInAQuotedValueAreUndone() {
        assertEquals(Map.of("v", "a;b \"c\" \\ ü"), CookieHeader.parse("v=\"a\\073b \\\"c\\\" \\\\ \\303\\274\""));
    }

    @Test
    void everyValueACookieSetsReadsBackUnchanged() {
        for (String value : List.of("plain", "two words", "semi;colon, comma", "quote\" back\\slash", "Grüße 🙂", "tab\tend")) {
            String sent = Cookie.of("v", value).headerValue();
            String pair = sent.substring(0, sent.indexOf("; Path"));
            assertEquals(Map.of("v", value), CookieHeader.parse(pair), sent);
        }
    }

    @Test
    void aLoneOrUnknownEscapeKeepsItsCharacter() {
        assertEquals(Map.of("v", "x9y\\"), CookieHeader.parse("v=\"x\\9y\\\""));
    }
}
