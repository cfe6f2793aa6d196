package dev.carafe.gateway.validator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.carafe.gateway.Application;
import dev.carafe.gateway.BodyWriter;
import dev.carafe.gateway.Header;
import dev.carafe.gateway.StartResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rules 15 to 25: what an application passes to start. */
class StartRulesTest {

    private final Harness harness = new Harness();

    private static Application starting(String status, Header... headers) {
        return (environ, startResponse) -> {
            startResponse.start(status, new ArrayList<>(Arrays.asList(headers)));
            return List.of();
        };
    }

    private static Header plain() {
        return new Header("Content-Type", "text/plain");
    }

    private String violation(int rule, Application app) {
        return harness.violation(rule, () -> harness.serve(app));
    }

    @Test
    void rule15ASecondStartWithoutExcInfoIsRejected() {
        Application app = (environ, startResponse) -> {
            startResponse.start("200 OK", List.of(plain()));
            startResponse.start("500 Internal Server Error", List.of(plain()));
            return List.of();
        };
        assertEquals("Gateway rule 15 (start called once): StartResponse.start was called a second time without "
                + "excInfo (first with \"200 OK\", now with \"500 Internal Server Error\"); expected one call, or a "
                + "second one from an error handler with excInfo. Pass the exception being handled as excInfo, or "
                + "remove the extra call.", violation(15, app));
    }

    @Test
    void rule16AStatusWithoutTheSpaceIsRejected() {
        assertEquals("Gateway rule 16 (status line): the status \"200OK\" is not three digits, a space and a reason "
                + "phrase; expected something like \"200 OK\". Fix the string passed to StartResponse.start.",
                violation(16, starting("200OK", plain())));
    }

    @Test
    void rule16AStatusBelow100IsRejected() {
        assertEquals("Gateway rule 16 (status line): the status \"099 Odd\" has the code 099, below 100; expected a "
                + "final code from 200 to 599 such as \"200 OK\". Fix the string passed to StartResponse.start.",
                violation(16, starting("099 Odd", plain())));
    }

    @Test
    void rule16AStatusFrom600IsRejectedBecauseHttpHasNone() {
        assertEquals("Gateway rule 16 (status line): the status \"600 Custom\" has the code 600, which is not an HTTP "
                + "status (RFC 9110 allows 100 to 599); expected a final code from 200 to 599 such as \"200 OK\". Fix "
                + "the string passed to StartResponse.start.",
                violation(16, starting("600 Custom", plain())));
    }

    @Test
    void rule16AnInformationalStatusIsRejectedBecauseTheServerSendsInterimResponsesItself() {
        assertEquals("Gateway rule 16 (status line): the status \"100 Continue\" is informational (1xx); expected a "
                + "final status from 200 to 599 such as \"200 OK\": the server sends interim responses itself "
                + "(100 Continue when the body is first read). Pass a final status to StartResponse.start.",
                violation(16, starting("100 Continue", plain())));
    }

    @Test
    void rule16AStatusWithAControlCharIsRejected() {
        assertEquals("Gateway rule 16 (status line): the status \"200 OK\\r\\n\" contains the control char U+000D at "
                + "index 6; expected a reason phrase without control chars. Remove it from the string passed to "
                + "StartResponse.start.", violation(16, starting("200 OK\r\n", plain())));
    }

    @Test
    void rule16AStatusWithACharAboveFfIsRejected() {
        assertEquals("Gateway rule 16 (status line): the status \"200 OK \\u2713\" contains the char U+2713 at index "
                + "7, above U+00FF; expected chars up to U+00FF. Use a plain reason phrase such as the one of "
                + "Status.line(code).", violation(16, starting("200 OK \u2713", plain())));
    }

    @Test
    void rule17ANullHeaderListIsRejected() {
        Application app = (environ, startResponse) -> {
            startResponse.start("200 OK", null);
            return List.of();
        };
        assertEquals("Gateway rule 17 (header list): the header list is null; expected a List of Header (List.of() "
                + "for none). Pass a list to StartResponse.start.", violation(17, app));
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void rule17AnElementThatIsNotAHeaderIsRejected() {
        Application app = (environ, startResponse) -> {
            List raw = new ArrayList();
            raw.add(plain());
            raw.add("X-Note: hi");
            startResponse.start("200 OK", raw);
            return List.of();
        };
        assertEquals("Gateway rule 17 (header list): the header list has \"X-Note: hi\" (a java.lang.String) at index 1; "
                + "expected a dev.carafe.gateway.Header at every index. Put only new Header(name, value) in the list "
                + "(an unchecked cast may have let another type in).", violation(17, app));
    }

    @Test
    void rule17ANullElementIsRejected() {
        assertEquals("Gateway rule 17 (header list): the header list has null at index 1; expected a "
                + "dev.carafe.gateway.Header at every index. Put only new Header(name, value) in the list (an "
                + "unchecked cast may have let another type in).", violation(17, starting("200 OK", plain(), null)));
    }

    @Test
    void rule18AHeaderNameThatIsNotATokenIsRejected() {
        assertEquals("Gateway rule 18 (header name): the header name \"Content Type\" is not an RFC 9110 token (the "
                + "char \" \" at index 7 is not allowed); expected letters, digits and !#$%&'*+-.^_`|~ only, such as "
                + "\"Content-Type\". Fix the name of the header.",
                violation(18, starting("200 OK", new Header("Content Type", "text/plain"))));
    }

    @Test
    void rule18AnUnconventionalTokenIsAWarning() throws Exception {
        harness.serve(starting("200 OK", plain(), new Header("X-Trace_", "1")));
        assertEquals(List.of("Gateway rule 18 (header name): the header name \"X-Trace_\" is a token but not a letter "
                + "followed by letters, digits, \"-\" and \"_\", not ending with \"-\" or \"_\"; expected a "
                + "conventional name such as \"X-Request-Id\". Rename the header: some proxies drop such fields."),
                harness.warnings);
    }

    @Test
    void rule19AHeaderValueWithALineBreakIsRejected() {
        assertEquals("Gateway rule 19 (header value): the value of header \"X-Note\" is \"a\\r\\nSet-Cookie: x=1\", "
                + "which contains the char U+000D at index 1; expected no CR, LF, NUL, DEL or other control char except "
                + "HTAB, and chars up to U+00FF. Remove the char or encode the value (for example percent-encoding).",
                violation(19, starting("200 OK", plain(), new Header("X-Note", "a\r\nSet-Cookie: x=1"))));
    }

    @Test
    void rule20AStatusHeaderIsRejected() {
        assertEquals("Gateway rule 20 (Status header): the headers include a Status field (\"404\"); expected the "
                + "status in the status line only. Remove the header and put the code in the status passed to "
                + "StartResponse.start.", violation(20, starting("200 OK", plain(), new Header("Status", "404"))));
    }

    @Test
    void rule21AHopByHopHeaderIsRejected() {
        assertEquals("Gateway rule 21 (hop-by-hop header): the headers include the hop-by-hop field \"Connection\" "
                + "(\"close\"); expected none of Connection, Keep-Alive, Proxy-Authenticate, Proxy-Authorization, "
                + "Proxy-Connection, TE, Trailer, Transfer-Encoding and Upgrade: the server owns the connection. "
                + "Remove the header.", violation(21, starting("200 OK", plain(), new Header("Connection", "close"))));
    }

    @Test
    void rule22AMissingContentTypeIsAWarning() throws Exception {
        harness.serve(starting("200 OK"));
        assertEquals(List.of("Gateway rule 22 (Content-Type): the response \"200 OK\" has no Content-Type header; "
                + "expected one on every response except 204 and 304. Add a header such as "
                + "new Header(\"Content-Type\", \"text/plain; charset=utf-8\")."), harness.warnings);
    }

    @Test
    void rule22AContentTypeOnA204IsAWarning() throws Exception {
        harness.serve(starting("204 No Content", plain()));
        assertEquals(List.of("Gateway rule 22 (Content-Type): the response \"204 No Content\" has a Content-Type "
                + "header; expected none on 204 and 304 responses. Remove the header."), harness.warnings);
    }

    @Test
    void rule23AContentLengthThatIsNotDigitsIsRejected() {
        assertEquals("Gateway rule 23 (Content-Length header): the Content-Length header is \"12 bytes\"; expected "
                + "decimal digits only, such as \"12\". Set it to the body's length in bytes, or leave it out.",
                violation(23, starting("200 OK", plain(), new Header("Content-Length", "12 bytes"))));
    }

    @Test
    void rule23AContentLengthGivenTwiceIsRejectedEvenWithTheSameValue() {
        assertEquals("Gateway rule 23 (Content-Length header): the headers include Content-Length twice (\"5\" and "
                + "\"5\"); expected it once. Remove the repeat (nginx refuses a response that has one, even of the "
                + "same value).", violation(23, starting("200 OK", plain(), new Header("Content-Length", "5"),
                        new Header("content-length", "5"))));
    }

    @Test
    void rule24AnUnquotedEtagIsAWarning() throws Exception {
        harness.serve(starting("200 OK", plain(), new Header("ETag", "abc")));
        assertEquals(List.of("Gateway rule 24 (ETag): the ETag value abc is not a quoted entity tag; expected \"abc\" "
                + "or W/\"abc\", double quotes included. Put the tag in double quotes."), harness.warnings);
    }

    @Test
    void rule24ALowerCaseWeakIndicatorIsAWarning() throws Exception {
        harness.serve(starting("200 OK", plain(), new Header("ETag", "w/\"abc\"")));
        assertEquals(List.of("Gateway rule 24 (ETag): the ETag value w/\"abc\" has a lower-case weak indicator; "
                + "expected W/\"abc\". Write the indicator as an upper-case W/."), harness.warnings);
    }

    /** Sends bytes, then calls start again with excInfo, as an error handler would. */
    private static Application failingAfterSending() {
        return (environ, startResponse) -> {
            BodyWriter writer = startResponse.start("200 OK", List.of(plain()));
            writer.write("partial".getBytes(StandardCharsets.UTF_8));
            startResponse.start("500 Internal Server Error", List.of(plain()), new IllegalStateException("boom"));
            return List.of();
        };
    }

    @Test
    void rule25AServerThatDoesNotRethrowExcInfoAfterSendingIsRejected() {
        Application app = failingAfterSending();
        StartResponse forgetful = (status, headers, excInfo) -> chunk -> { };
        assertEquals("Gateway rule 25 (excInfo): the server's start returned normally when called with excInfo "
                + "(java.lang.IllegalStateException: boom) after the headers were sent; expected it to throw excInfo "
                + "itself, unchanged. Fix the server's StartResponse: once the headers are out, rethrow excInfo.",
                harness.violation(25, () -> harness.validator.wrap(app).call(harness.environ(), forgetful)));
    }

    @Test
    void rule25AServerThatThrowsSomethingElseAfterSendingIsRejected() {
        Application app = failingAfterSending();
        StartResponse wrapping = (status, headers, excInfo) -> {
            if (excInfo != null) {
                throw new RuntimeException("wrapped", excInfo);
            }
            return chunk -> { };
        };
        assertEquals("Gateway rule 25 (excInfo): the server's start threw java.lang.RuntimeException: wrapped when "
                + "called with excInfo (java.lang.IllegalStateException: boom) after the headers were sent; expected "
                + "it to throw excInfo itself, unchanged. Fix the server's StartResponse: once the headers are out, "
                + "rethrow excInfo.", harness.violation(25, () -> harness.validator.wrap(app).call(harness.environ(),
                wrapping)));
    }
}
