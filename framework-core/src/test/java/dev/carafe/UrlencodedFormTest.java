package dev.carafe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UrlencodedFormTest {

    private static final MediaType FORM = MediaType.parse("application/x-www-form-urlencoded");

    private static MultiMap parse(String body) throws IOException {
        return parse(body.getBytes(StandardCharsets.ISO_8859_1), FORM, BodyLimits.defaults());
    }

    private static MultiMap parse(byte[] body, MediaType type, BodyLimits limits) throws IOException {
        try (FormData form = FormParser.parse(new ByteArrayInputStream(body), type, body.length, limits)) {
            return form.fields();
        }
    }

    @Test
    void plusIsASpaceAndEscapesAreUtf8() throws IOException {
        assertEquals(MultiMap.of("q", "a b+c", "name", "Ünïcode €"),
                parse("q=a+b%2Bc&name=%C3%9Cn%C3%AFcode+%E2%82%AC"));
    }

    @Test
    void repeatedNamesKeepEveryValueInOrder() throws IOException {
        MultiMap form = parse("tag=b&x=1&tag=a&tag=c");
        assertEquals(java.util.List.of("b", "a", "c"), form.all("tag"));
        assertEquals(java.util.List.of("tag", "x"), java.util.List.copyOf(form.names()));
    }

    @Test
    void aNameWithoutEqualsHasTheEmptyValueAndEmptyPairsAreSkipped() throws IOException {
        assertEquals(MultiMap.of("flag", "", "a", "", "b", "=x"), parse("&flag&&a=&b==x&"));
    }

    @Test
    void anEmptyBodyIsAnEmptyForm() throws IOException {
        assertEquals(MultiMap.empty(), parse(""));
    }

    @Test
    void theCharsetParameterDecodesTheEscapes() throws IOException {
        MediaType latin1 = MediaType.parse("application/x-www-form-urlencoded; charset=ISO-8859-1");
        assertEquals(MultiMap.of("a", "café"), parse("a=caf%E9".getBytes(StandardCharsets.US_ASCII), latin1,
                BodyLimits.defaults()));
    }

    @Test
    void invalidUtf8BecomesTheReplacementCharacter() throws IOException {
        assertEquals(MultiMap.of("a", "caf\uFFFD"), parse("a=caf%E9"));
    }

    @Test
    void aMalformedEscapeIs400QuotingIt() {
        MalformedBodyException e = assertThrows(MalformedBodyException.class, () -> parse("title=100%zz&b=1"));
        assertEquals("malformed percent-escape '%zz' at byte 9 of the form body; expected '%' followed by two hex"
                + " digits (send '%' itself as %25)", e.getMessage());
        MalformedBodyException truncated = assertThrows(MalformedBodyException.class, () -> parse("a=1%4"));
        assertEquals("malformed percent-escape '%4' at byte 3 of the form body; expected '%' followed by two hex"
                + " digits (send '%' itself as %25)", truncated.getMessage());
    }

    @Test
    void anUnknownCharsetIs400() {
        MediaType odd = MediaType.parse("application/x-www-form-urlencoded; charset=klingon");
        MalformedBodyException e = assertThrows(MalformedBodyException.class,
                () -> parse(new byte[] {'a'}, odd, BodyLimits.defaults()));
        assertEquals("unsupported charset 'klingon' in Content-Type 'application/x-www-form-urlencoded;"
                + " charset=klingon'; send the body in UTF-8 (charset=utf-8)", e.getMessage());
    }

    @Test
    void aBodyExactlyAtMaxFormMemorySizePassesAndOneByteMoreIs413() throws IOException {
        BodyLimits limits = BodyLimits.defaults().withMaxFormMemorySize(10);
        assertEquals(MultiMap.of("a", "12345678"), parse("a=12345678".getBytes(StandardCharsets.US_ASCII), FORM,
                limits));
        BodyTooLargeException e = assertThrows(BodyTooLargeException.class,
                () -> parse("a=123456789".getBytes(StandardCharsets.US_ASCII), FORM, limits));
        assertEquals("maxFormMemorySize", e.limit());
        assertEquals("form body of 11 bytes exceeds maxFormMemorySize 10; raise it with app.maxFormSize(bytes, parts) or send"
                + " the data as multipart/form-data", e.getMessage());
    }

    @Test
    void theDefaultLimitNamesTheSizeFromContentLength() {
        byte[] body = new byte[600_000];
        BodyTooLargeException e = assertThrows(BodyTooLargeException.class,
                () -> parse(body, FORM, BodyLimits.defaults()));
        assertEquals("form body of 600000 bytes exceeds maxFormMemorySize 500000; raise"
                + " it with app.maxFormSize(bytes, parts) or send the data as multipart/form-data", e.getMessage());
    }

    @Test
    void aChunkedBodyOverMaxFormMemorySizeIsStoppedAfterOneByteTooMany() {
        Bodies.Counting input = new Bodies.Counting("a=123456789012345".getBytes(StandardCharsets.US_ASCII));
        BodyTooLargeException e = assertThrows(BodyTooLargeException.class,
                () -> FormParser.parse(input, FORM, -1, BodyLimits.defaults().withMaxFormMemorySize(10)));
        assertEquals("form body of more than 10 bytes exceeds maxFormMemorySize 10; raise"
                + " it with app.maxFormSize(bytes, parts) or send the data as multipart/form-data", e.getMessage());
        assertEquals(11, input.read);
    }

    @Test
    void maxContentLengthAppliesToUrlencodedBodiesToo() {
        BodyLimits limits = BodyLimits.defaults().withMaxContentLength(5);
        BodyTooLargeException e = assertThrows(BodyTooLargeException.class,
                () -> FormParser.parse(new Bodies.Counting("a=123456".getBytes(StandardCharsets.US_ASCII)), FORM,
                        -1, limits));
        assertEquals("maxContentLength", e.limit());
    }

    @Test
    void aQueryStringIsDecodedLenientlyAndLabelledQuery() {
        MultiMap args = FormParser.query("q=caf%C3%A9&p=100%&page=2&page=3");
        assertEquals(MultiMap.of("q", "café", "p", "100%", "page", "2", "page", "3"), args);
        MultiMap.MissingKey e = assertThrows(MultiMap.MissingKey.class, () -> args.get("sort"));
        assertEquals("Missing key 'sort' in the query; the request had keys [q, p, page]. Send the parameter, or use"
                + " first(\"sort\") to make it optional.", e.getMessage());
    }
}
