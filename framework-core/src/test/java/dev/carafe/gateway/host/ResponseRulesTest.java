package dev.carafe.gateway.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.carafe.gateway.Header;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ResponseRulesTest {

    private static String rejection(Executable check) {
        return assertThrows(IllegalArgumentException.class, check).getMessage();
    }

    @Test
    void hopByHopHeaderIsRejectedWithAMessageNamingIt() {
        assertEquals("Header 'Transfer-Encoding' is hop-by-hop and belongs to the server; an application must not"
                + " send Connection, Keep-Alive, Proxy-Authenticate, Proxy-Authorization, Proxy-Connection, TE,"
                + " Trailer, Transfer-Encoding or Upgrade. Remove it from the response headers.",
                rejection(() -> ResponseRules.checkHeaders(List.of(new Header("Transfer-Encoding", "chunked")))));
    }

    @Test
    void everyHopByHopNameIsRejectedWhateverItsCase() {
        for (String name : List.of("connection", "Keep-Alive", "TE", "Trailer", "UPGRADE", "Proxy-Authenticate",
                "proxy-connection")) {
            rejection(() -> ResponseRules.checkHeaders(List.of(new Header(name, "x"))));
        }
    }

    @Test
    void statusWithAControlCharacterIsRejected() {
        assertEquals("Status \"200 OK\\u000A\" contains U+000A at index 6; a status is three digits, a space and a"
                + " reason phrase of printable Latin-1 characters, for example \"200 OK\".",
                rejection(() -> ResponseRules.checkStatus("200 OK\n")));
    }

    @Test
    void informationalStatusPassesTheRulesForTheServerFramesIt() {
        assertEquals(101, ResponseRules.checkStatus("101 Switching Protocols"));
    }

    @Test
    void tabInTheReasonPhraseIsAccepted() {
        assertEquals(200, ResponseRules.checkStatus("200 All\tgood"));
    }

    @Test
    void nullStatusAndNullHeadersAreRejectedWithWhatToPass() {
        assertEquals("The status is null; pass a status line such as \"200 OK\".",
                rejection(() -> ResponseRules.checkStatus(null)));
        assertEquals("The headers are null; pass a list of Header, List.of() for none.",
                rejection(() -> ResponseRules.checkHeaders(null)));
    }

    @Test
    void statusWithoutThreeDigitsIsRejectedByTheStatusParser() {
        assertEquals("Status must be three digits, a space and a reason, for example \"200 OK\"; got \"OK\".",
                rejection(() -> ResponseRules.checkStatus("OK")));
    }

    @Test
    void headerNameThatIsNotATokenIsRejected() {
        assertEquals("Header name \"X Bad\" is not a token: U+0020 at index 1 is not allowed; header names use"
                + " letters, digits and !#$%&'*+-.^_`|~.",
                rejection(() -> ResponseRules.checkHeaders(List.of(new Header("X Bad", "v")))));
    }

    @Test
    void headerValueWithALineBreakIsRejected() {
        assertEquals("Value of header 'X-Note' contains U+000D at index 1; header values must be Latin-1 without CR,"
                + " LF, NUL or other control characters (HTAB is allowed).",
                rejection(() -> ResponseRules.checkHeaders(List.of(new Header("X-Note", "a\r\nSet-Cookie: x")))));
    }

    @Test
    void contentLengthThatIsNotANumberIsRejected() {
        assertEquals("Content-Length \"12 bytes\" is not a number of bytes; give the body's length in decimal digits,"
                + " or leave the header out and let the server frame the body.",
                rejection(() -> ResponseRules.checkHeaders(List.of(new Header("Content-Length", "12 bytes")))));
    }

    @Test
    void contentLengthGivenTwiceIsRejected() {
        assertEquals("Content-Length is given twice (\"5\" and \"6\"); send it once.",
                rejection(() -> ResponseRules.checkHeaders(List.of(new Header("Content-Length", "5"),
                        new Header("Content-Length", "6")))));
    }

    @Test
    void contentLengthGivenTwiceIsRejectedEvenWithEqualValues() {
        // nginx refuses an upstream response with a duplicate Content-Length, equal or not.
        assertEquals("Content-Length is given twice (\"5\" and \"5\"); send it once.",
                rejection(() -> ResponseRules.checkHeaders(List.of(new Header("Content-Length", "5"),
                        new Header("content-length", "5")))));
    }

    @Test
    void tabInAValueIsAcceptedAndTheDeclaredLengthReturned() {
        assertEquals(5, ResponseRules.checkHeaders(List.of(new Header("X-Tab", "a\tb"),
                new Header("Content-Length", "5"))));
        assertEquals(-1, ResponseRules.checkHeaders(List.of(new Header("X-Tab", "a\tb"))));
    }
}
