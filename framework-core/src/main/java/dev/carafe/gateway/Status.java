package dev.carafe.gateway;

import java.util.Map;
import java.util.Optional;

/**
 * Status lines for {@link StartResponse#start}: the standard reason phrases of RFC 9110 and a
 * parser for the code of a status line.
 *
 * <pre>{@code
 * startResponse.start(Status.line(404), headers);   // "404 Not Found"
 * int code = Status.code("404 Not Found");          // 404
 * }</pre>
 */
public final class Status {

    private static final Map<Integer, String> REASONS = Map.ofEntries(
            Map.entry(100, "Continue"), Map.entry(101, "Switching Protocols"), Map.entry(103, "Early Hints"),
            Map.entry(200, "OK"), Map.entry(201, "Created"), Map.entry(202, "Accepted"),
            Map.entry(203, "Non-Authoritative Information"), Map.entry(204, "No Content"),
            Map.entry(205, "Reset Content"), Map.entry(206, "Partial Content"), Map.entry(207, "Multi-Status"),
            Map.entry(300, "Multiple Choices"), Map.entry(301, "Moved Permanently"), Map.entry(302, "Found"),
            Map.entry(303, "See Other"), Map.entry(304, "Not Modified"), Map.entry(307, "Temporary Redirect"),
            Map.entry(308, "Permanent Redirect"),
            Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(402, "Payment Required"),
            Map.entry(403, "Forbidden"), Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"),
            Map.entry(406, "Not Acceptable"), Map.entry(407, "Proxy Authentication Required"),
            Map.entry(408, "Request Timeout"), Map.entry(409, "Conflict"), Map.entry(410, "Gone"),
            Map.entry(411, "Length Required"), Map.entry(412, "Precondition Failed"),
            Map.entry(413, "Content Too Large"), Map.entry(414, "URI Too Long"),
            Map.entry(415, "Unsupported Media Type"), Map.entry(416, "Range Not Satisfiable"),
            Map.entry(417, "Expectation Failed"), Map.entry(418, "I'm a teapot"),
            Map.entry(421, "Misdirected Request"), Map.entry(422, "Unprocessable Content"),
            Map.entry(423, "Locked"), Map.entry(424, "Failed Dependency"), Map.entry(425, "Too Early"),
            Map.entry(426, "Upgrade Required"), Map.entry(428, "Precondition Required"),
            Map.entry(429, "Too Many Requests"), Map.entry(431, "Request Header Fields Too Large"),
            Map.entry(451, "Unavailable For Legal Reasons"),
            Map.entry(500, "Internal Server Error"), Map.entry(501, "Not Implemented"),
            Map.entry(502, "Bad Gateway"), Map.entry(503, "Service Unavailable"),
            Map.entry(504, "Gateway Timeout"), Map.entry(505, "HTTP Version Not Supported"),
            Map.entry(507, "Insufficient Storage"), Map.entry(511, "Network Authentication Required"));

    /** Every status line from 100 to 999, built once: servers and frameworks ask for one per response. */
    private static final String[] LINES = lines();

    private Status() {
    }

    private static String[] lines() {
        String[] lines = new String[900];
        for (int code = 100; code <= 999; code++) {
            lines[code - 100] = code + " " + REASONS.getOrDefault(code, "Unknown");
        }
        return lines;
    }

    /**
     * The standard reason phrase of a status code.
     *
     * @param code a status code, for example 404
     * @return the reason phrase, for example {@code "Not Found"}, or empty for an unregistered code
     */
    public static Optional<String> reason(int code) {
        return Optional.ofNullable(REASONS.get(code));
    }

    /**
     * The status line for a code: the code, a space and its reason phrase ({@code "Unknown"} for a
     * code without a registered phrase).
     *
     * @param code a status code from 100 to 999
     * @return for example {@code "404 Not Found"}
     * @throws IllegalArgumentException if the code is not from 100 to 999
     */
    public static String line(int code) {
        if (code < 100 || code > 999) {
            throw new IllegalArgumentException(
                    "Status code must be three digits from 100 to 999, got " + code + ".");
        }
        return LINES[code - 100];
    }

    /**
     * The code of a status line.
     *
     * @param status a status line such as {@code "404 Not Found"}
     * @return the code
     * @throws IllegalArgumentException if the status does not start with three digits followed by
     *     a space or the end
     */
    public static int code(String status) {
        boolean shaped = status.length() >= 3
                && Character.isDigit(status.charAt(0)) && status.charAt(0) < 0x80
                && Character.isDigit(status.charAt(1)) && status.charAt(1) < 0x80
                && Character.isDigit(status.charAt(2)) && status.charAt(2) < 0x80
                && (status.length() == 3 || status.charAt(3) == ' ');
        if (!shaped) {
            throw new IllegalArgumentException("Status must be three digits, a space and a reason, "
                    + "for example \"200 OK\"; got \"" + status + "\".");
        }
        return Integer.parseInt(status.substring(0, 3));
    }
}
