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
                + " send Connection, Keep-Alive, Transfer-Encoding, TE, Trailer, Upgrade or Proxy-* headers. Remove it"
                + " from the response headers.",
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
    void informationalStatusIsRejectedAsAFinalStatus() {
        assertEquals("Status \"101 Switching Protocols\" is informational (1xx); an application's response needs a"
                + " final status from 200 to 999, for example \"200 OK\".",
                rejection(() -> ResponseRules.checkStatus("101 Switching Protocols")));
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
    void contentLengthGivenTwiceWithDifferentValuesIsRejected() {
        assertEquals("Content-Length is given twice with different values (\"5\" and \"6\"); send it once.",
                rejection(() -> ResponseRules.checkHeaders(List.of(new Header("Content-Length", "5"),
                        new Header("Content-Length", "6")))));
    }

    @Test
    void tabInAValueAndRepeatedEqualLengthsAreAccepted() {
        assertEquals(5, ResponseRules.checkHeaders(List.of(new Header("X-Tab", "a\tb"),
                new Header("Content-Length", "5"), new Header("content-length", "5"))));
    }
}
