package dev.carafe.gateway.server;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * What must hold for every fuzz case, whatever its bytes: the server closes the connection in
 * time, everything it sent is complete responses, each status is one the server may give for bad
 * input (never 500), a refusal closes the connection, and each 200 echoes the request the bytes
 * actually hold.
 */
final class FuzzInvariants {

    /** The statuses the server may answer; 500 would mean the server broke on its input. */
    static final Set<Integer> ALLOWED = Set.of(100, 200, 400, 408, 413, 414, 417, 431, 501, 505);

    private static final byte[] CRLF = {'\r', '\n'};
    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?im)^content-length:[ \\t]*([0-9]{1,9})[ \\t]*\\r$");
    private static final Pattern FRAMING = Pattern.compile("(?im)^(content-length|transfer-encoding)[ \\t]*:");
    private static final Pattern X_FUZZ = Pattern.compile("(?im)^x-fuzz:[ \\t]*([^\\r]*?)[ \\t]*\\r$");

    private final long closeWithinMillis;

    /** @param closeWithinMillis how long the server may take to close a connection after the last byte sent */
    FuzzInvariants(long closeWithinMillis) {
        this.closeWithinMillis = closeWithinMillis;
    }

    /** The response text the echo application gives for a request: its request line parts, header and body. */
    static String echo(String method, String target, String xFuzz, byte[] body) {
        CRC32 crc = new CRC32();
        crc.update(body);
        return "method=" + method + "\ntarget=" + target + "\nx-fuzz=" + xFuzz + "\nlength=" + body.length
                + "\ncrc=" + Long.toHexString(crc.getValue()) + "\n";
    }

    /**
     * Checks one exchange.
     *
     * @return the responses parsed
     * @throws AssertionError naming the case and the broken invariant
     */
    List<FuzzResponses.Response> check(FuzzCase request, FuzzExchange exchange) {
        if (!exchange.end().equals("closed") || exchange.millis() > closeWithinMillis) {
            fail(request, exchange, "the server did not close the connection within " + closeWithinMillis
                    + " ms (" + exchange.end() + " after " + exchange.millis() + " ms)");
        }
        List<FuzzResponses.Response> responses;
        try {
            responses = FuzzResponses.parse(exchange.received());
        } catch (FuzzResponses.Malformed e) {
            throw fail(request, exchange, "the bytes sent are not complete responses, " + e.getMessage());
        }
        List<FuzzResponses.Response> finals = responses.stream().filter(r -> r.status() >= 200).toList();
        for (int i = 0; i < responses.size(); i++) {
            FuzzResponses.Response response = responses.get(i);
            if (!ALLOWED.contains(response.status())) {
                fail(request, exchange, "status " + response.status() + " is not one the server may answer");
            }
            if ((response.status() != 200 || response.closes()) && response.status() >= 200
                    && i != responses.size() - 1) {
                fail(request, exchange, "response " + i + " (" + response.status() + ", Connection: "
                        + response.header("connection").orElse("-") + ") is followed by another");
            }
            if (response.status() >= 400 && !response.closes()) {
                fail(request, exchange, "the refusal " + response.status() + " lacks Connection: close");
            }
        }
        checkEchoes(request, exchange, finals);
        return finals;
    }

    /** Each leading 200 echoes the next request the bytes hold, as a strict parser must have read it. */
    private void checkEchoes(FuzzCase request, FuzzExchange exchange, List<FuzzResponses.Response> finals) {
        byte[] bytes = request.bytes();
        int at = 0;
        for (FuzzResponses.Response response : finals) {
            if (response.status() != 200) {
                return;
            }
            while (startsWith(bytes, at, CRLF)) {
                at += 2;
            }
            int headEnd = indexOf(bytes, "\r\n\r\n", at);
            if (headEnd < 0) {
                fail(request, exchange, "a 200 answers a request whose head never ends");
            }
            String head = new String(bytes, at, headEnd + 2 - at, StandardCharsets.ISO_8859_1);
            String[] requestLine = head.substring(0, head.indexOf("\r\n")).split(" ", -1);
            Matcher length = CONTENT_LENGTH.matcher(head);
            long framings = FRAMING.matcher(head).results().count();
            boolean fixed = length.find() && framings == 1;
            if (!fixed && framings > 0) {
                return;
            }
            int bodyLength = fixed ? Integer.parseInt(length.group(1)) : 0;
            int bodyStart = headEnd + 4;
            if (bodyStart + bodyLength > bytes.length) {
                fail(request, exchange, "a 200 answers a request whose body of " + bodyLength + " bytes never came");
            }
            List<String> xFuzz = X_FUZZ.matcher(head).results().map(r -> r.group(1)).toList();
            String expected = echo(requestLine[0], requestLine[1], xFuzz.size() == 1 ? xFuzz.get(0) : "?",
                    Arrays.copyOfRange(bytes, bodyStart, bodyStart + bodyLength));
            String actual = response.text();
            if (xFuzz.size() != 1) {
                actual = actual.replaceFirst("(?m)^x-fuzz=.*$", "x-fuzz=?");
            }
            if (!requestLine[0].equals("HEAD") && !expected.equals(actual)) {
                fail(request, exchange, "the 200 echoes\n" + actual + "but the request holds\n" + expected);
            }
            at = bodyStart + bodyLength;
        }
    }

    static AssertionError fail(FuzzCase request, FuzzExchange exchange, String problem) {
        throw new AssertionError(problem + "\n  request: " + request.describe() + "\n  received: "
                + FuzzCase.escape(exchange.received()) + " (" + exchange.end() + " after " + exchange.millis() + " ms)");
    }

    private static boolean startsWith(byte[] bytes, int at, byte[] prefix) {
        return at + prefix.length <= bytes.length
                && Arrays.equals(bytes, at, at + prefix.length, prefix, 0, prefix.length);
    }

    private static int indexOf(byte[] bytes, String text, int from) {
        byte[] wanted = text.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = from; i + wanted.length <= bytes.length; i++) {
            if (startsWith(bytes, i, wanted)) {
                return i;
            }
        }
        return -1;
    }
}
