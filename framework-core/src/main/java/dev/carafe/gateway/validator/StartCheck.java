package dev.carafe.gateway.validator;

import static dev.carafe.gateway.validator.Values.quote;
import static dev.carafe.gateway.validator.Values.show;

import dev.carafe.gateway.BodyWriter;
import dev.carafe.gateway.Header;
import dev.carafe.gateway.StartResponse;
import java.util.List;

/** Rules 15 to 25: the status, headers and excInfo an application passes to start. */
final class StartCheck implements StartResponse {

    private final StartResponse server;
    private final Exchange exchange;
    private String firstStatus;

    StartCheck(StartResponse server, Exchange exchange) {
        this.server = server;
        this.exchange = exchange;
    }

    @Override
    public BodyWriter start(String status, List<Header> headers, Throwable excInfo) throws Exception {
        if (firstStatus != null && excInfo == null) {
            throw Rule.START_ONCE.violation("StartResponse.start was called a second time without excInfo (first "
                    + "with " + show(firstStatus) + ", now with " + show(status) + "); expected one call, or a "
                    + "second one from an error handler with excInfo. Pass the exception being handled as excInfo, "
                    + "or remove the extra call.");
        }
        if (firstStatus == null) {
            firstStatus = String.valueOf(status);
        }
        checkStatus(status);
        HeaderCheck.check(status, headers, exchange.warnings);
        BodyWriter writer = excInfo != null && exchange.bytes() > 0
                ? afterSending(status, headers, excInfo) : server.start(status, headers, excInfo);
        exchange.respond(status, headers);
        return new WriteCheck(writer, exchange);
    }

    /** Rule 25: once bytes went out, the server must throw excInfo itself, unchanged. */
    private BodyWriter afterSending(String status, List<Header> headers, Throwable excInfo) throws Exception {
        try {
            server.start(status, headers, excInfo);
        } catch (Exception | Error thrown) {
            if (thrown == excInfo) {
                throw thrown;
            }
            GatewayViolation violation = Rule.EXC_INFO.violation("the server's start threw " + thrown + " when "
                    + "called with excInfo (" + excInfo + ") after the headers were sent; expected it to throw "
                    + "excInfo itself, unchanged. Fix the server's StartResponse: once the headers are out, "
                    + "rethrow excInfo.");
            violation.addSuppressed(thrown);
            throw violation;
        }
        throw Rule.EXC_INFO.violation("the server's start returned normally when called with excInfo (" + excInfo
                + ") after the headers were sent; expected it to throw excInfo itself, unchanged. Fix the "
                + "server's StartResponse: once the headers are out, rethrow excInfo.");
    }

    static void checkStatus(String status) {
        if (status == null) {
            throw Rule.STATUS_LINE.violation("the status is null; expected something like \"200 OK\". Pass a "
                    + "status line to StartResponse.start, for example Status.line(200).");
        }
        boolean shaped = status.length() >= 4 && status.charAt(3) == ' '
                && digit(status.charAt(0)) && digit(status.charAt(1)) && digit(status.charAt(2));
        if (!shaped) {
            throw Rule.STATUS_LINE.violation("the status " + quote(status) + " is not three digits, a space and a "
                    + "reason phrase; expected something like \"200 OK\". Fix the string passed to "
                    + "StartResponse.start.");
        }
        if (status.charAt(0) == '0') {
            throw Rule.STATUS_LINE.violation("the status " + quote(status) + " has the code " + status.substring(0, 3)
                    + ", below 100; expected a final code from 200 to 599 such as \"200 OK\". Fix the string passed to "
                    + "StartResponse.start.");
        }
        if (status.charAt(0) == '1') {
            throw Rule.STATUS_LINE.violation("the status " + quote(status) + " is informational (1xx); expected a "
                    + "final status from 200 to 599 such as \"200 OK\": the server sends interim responses "
                    + "itself (100 Continue when the body is first read). Pass a final status to "
                    + "StartResponse.start.");
        }
        if (status.charAt(0) > '5') {
            throw Rule.STATUS_LINE.violation("the status " + quote(status) + " has the code " + status.substring(0, 3)
                    + ", which is not an HTTP status (RFC 9110 allows 100 to 599); expected a final code from 200 to "
                    + "599 such as \"200 OK\". Fix the string passed to StartResponse.start.");
        }
        for (int i = 4; i < status.length(); i++) {
            char c = status.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                throw Rule.STATUS_LINE.violation("the status " + quote(status) + " contains the control char "
                        + String.format("U+%04X", (int) c) + " at index " + i + "; expected a reason phrase "
                        + "without control chars. Remove it from the string passed to StartResponse.start.");
            }
            if (c > 0xFF) {
                throw Rule.STATUS_LINE.violation("the status " + quote(status) + " contains the char "
                        + String.format("U+%04X", (int) c) + " at index " + i + ", above U+00FF; expected chars "
                        + "up to U+00FF. Use a plain reason phrase such as the one of Status.line(code).");
            }
        }
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }
}
