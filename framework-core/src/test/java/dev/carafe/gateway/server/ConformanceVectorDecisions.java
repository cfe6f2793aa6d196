package dev.carafe.gateway.server;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Carafe's decisions about single refused vectors whose fault Carafe does not share (see
 * {@code docs/server.md}): a method that is a valid RFC 9110 token (Carafe passes every token method
 * to the application, which answers 405 or 501 itself), raw bytes above 0x7F in the target (passed
 * on as they are), and a well-formed but unsupported HTTP version (505, not 400).
 */
final class ConformanceVectorDecisions {

    /** Why a token method the suite refuses is accepted. */
    static final String TOKEN_METHOD = "RFC 9110 §9.1: a method is any token; Carafe passes methods it does not "
            + "know to the application (Gunicorn and llhttp allow only a fixed or upper-case set)";

    /** Why raw bytes above 0x7F in a target are accepted. */
    static final String HIGH_BYTES = "Carafe passes bytes above 0x7F in the target on as they are, one char per "
            + "byte in REQUEST_URI and PATH_INFO (docs/server.md); llhttp's strict mode refuses them";

    private ConformanceVectorDecisions() {
    }

    static ConformanceVector apply(ConformanceVector vector) {
        boolean tokenMethod = vector.suite().equals("gunicorn-invalid") && vector.id().equals("003c")
                || vector.suite().equals("llhttp") && (vector.title().equals("Invalid method")
                        || vector.title().equals("HTTP protocol and ANNOUNCE method"));
        if (tokenMethod) {
            return vector.expecting(new ConformanceOutcome.Accepted(List.of(head(vector.bytes()))), TOKEN_METHOD);
        }
        if (vector.suite().equals("llhttp") && vector.title().equals("Disallow UTF-8 in URI path in strict mode")) {
            return vector.expecting(new ConformanceOutcome.Accepted(List.of(head(vector.bytes()))), HIGH_BYTES);
        }
        if (vector.suite().equals("gunicorn-invalid") && vector.id().equals("version_02")) {
            String why = "RFC 9110 §15.6.6: a well-formed version Carafe does not speak (HTTP/2.0) gets 505";
            return vector.expecting(new ConformanceOutcome.Refused(List.of(), Set.of(505), false, why), why);
        }
        return vector;
    }

    /** Reads a simple request without a body: its request line and header lines. */
    static ConformanceRequest head(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        String[] lines = text.substring(0, text.indexOf("\r\n\r\n")).split("\r\n");
        String[] start = lines[0].split(" ");
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.add(Map.entry(lines[i].substring(0, colon), Target.trimOws(lines[i].substring(colon + 1))));
        }
        return new ConformanceRequest(start[0], start[1], start[2], List.copyOf(headers), new byte[0]);
    }
}
