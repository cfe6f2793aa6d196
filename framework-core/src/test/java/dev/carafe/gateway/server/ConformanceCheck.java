package dev.carafe.gateway.server;

import dev.carafe.gateway.Environ;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Compares what came back for a vector with its outcome, and each echoed environ with the request
 * the suite says was sent. The environ rules checked are the server's documented ones: a fragment
 * ({@code #...}) is ignored; the path is split from the query at the first {@code ?} and
 * percent-decoded with {@link Environ#decodePath};
 * an absolute-form target's empty path is {@code /} and its authority is {@code HTTP_HOST};
 * header names map with {@link Environ#headerKey} (names with {@code _} are dropped), repeated
 * fields join with {@code ", "} ({@code "; "} for Cookie); {@code Transfer-Encoding} is not
 * presented (framing is the server's); {@code CONTENT_LENGTH} is the decimal length.
 */
final class ConformanceCheck {

    private ConformanceCheck() {
    }

    /**
     * Checks one exchange.
     *
     * @param vector the vector sent
     * @param exchange what came back
     * @return empty if it is what the outcome requires, else what differs
     */
    static Optional<String> verify(ConformanceVector vector, ConformanceExchange exchange) {
        ConformanceOutcome outcome = vector.outcome();
        List<ConformanceRequest> answered = outcome.answered();
        List<ConformanceExchange.Response> responses = exchange.responses();
        for (int i = 0; i < Math.min(answered.size(), responses.size()); i++) {
            Optional<String> wrong = echo(answered.get(i), responses.get(i));
            if (wrong.isPresent()) {
                return Optional.of("request " + (i + 1) + ": " + wrong.get());
            }
        }
        if (responses.size() < answered.size()) {
            return Optional.of("expected " + answered.size() + " answered request(s), got statuses "
                    + exchange.statuses() + " then " + exchange.ending());
        }
        List<ConformanceExchange.Response> rest = responses.subList(answered.size(), responses.size());
        if (outcome instanceof ConformanceOutcome.Refused refused) {
            if (rest.isEmpty() && !refused.silentCloseAllowed()) {
                return Optional.of("expected a refusal " + refused.statuses() + " (" + refused.reason()
                        + "), got no response: " + exchange.ending());
            }
            if (!rest.isEmpty() && !refused.statuses().contains(rest.get(0).status())) {
                return Optional.of("expected " + (refused.statuses().isEmpty() ? "no response"
                        : "a refusal " + refused.statuses()) + " (" + refused.reason() + "), got "
                        + rest.get(0).status() + " " + show(rest.get(0).body()));
            }
            if (rest.size() > 1) {
                return Optional.of("expected nothing after the refusal, got statuses " + exchange.statuses());
            }
        } else if (!rest.isEmpty()) {
            return Optional.of("expected " + answered.size() + " response(s), got statuses " + exchange.statuses());
        }
        if (!exchange.ending().equals("closed")) {
            return Optional.of("expected the server to close the connection, got: " + exchange.ending()
                    + " after statuses " + exchange.statuses());
        }
        return Optional.empty();
    }

    /** Compares an echo response with the request the suite describes. */
    static Optional<String> echo(ConformanceRequest request, ConformanceExchange.Response response) {
        if (response.status() != 200) {
            return Optional.of("expected 200 from the echo application, got " + response.status() + " "
                    + show(response.body()));
        }
        String hex = response.headers().get(ConformanceEcho.HEAD_ECHO.toLowerCase(java.util.Locale.ROOT));
        Map<String, String> actual = ConformanceEcho.decode(request.method().equals("HEAD") && hex != null
                ? java.util.HexFormat.of().parseHex(hex) : response.body());
        Map<String, String> expected = expectedEnviron(request);
        Map<String, String> echoed = new TreeMap<>();
        actual.forEach((key, value) -> {
            if (expected.containsKey(key) || key.startsWith(Environ.HTTP_PREFIX) || key.startsWith("CONTENT_")) {
                echoed.put(key, value);
            }
        });
        if (echoed.equals(expected)) {
            return Optional.empty();
        }
        List<String> differences = new ArrayList<>();
        for (String key : union(expected, echoed)) {
            String want = expected.get(key);
            String got = echoed.get(key);
            if (want == null || !want.equals(got)) {
                differences.add(key + ": expected " + quote(want) + ", got " + quote(got));
            }
        }
        return Optional.of(String.join("; ", differences));
    }

    /**
     * The environ the echo application must report for a request.
     *
     * @param request the request as the suite describes it
     * @return the CGI keys, header keys and the body entry
     */
    static Map<String, String> expectedEnviron(ConformanceRequest request) {
        Map<String, String> environ = new TreeMap<>();
        String target = request.target();
        String authority = null;
        String rest = target;
        int scheme = target.indexOf("://");
        if (!target.startsWith("/") && scheme > 0) {
            int end = scheme + 3;
            while (end < target.length() && "/?#".indexOf(target.charAt(end)) < 0) {
                end++;
            }
            authority = target.substring(scheme + 3, end);
            rest = target.substring(end);
            rest = rest.isEmpty() || rest.startsWith("?") ? "/" + rest : rest;
        }
        int fragment = rest.indexOf('#');
        rest = fragment < 0 ? rest : rest.substring(0, fragment);
        int question = rest.indexOf('?');
        environ.put(Environ.REQUEST_METHOD, request.method());
        environ.put(Environ.SCRIPT_NAME, "");
        environ.put(Environ.PATH_INFO, Environ.decodePath(question < 0 ? rest : rest.substring(0, question)));
        environ.put(Environ.QUERY_STRING, question < 0 ? "" : rest.substring(question + 1));
        environ.put(Environ.REQUEST_URI, target);
        environ.put(Environ.SERVER_PROTOCOL, request.version());
        for (Map.Entry<String, String> header : request.headers()) {
            Optional<String> key = Environ.headerKey(header.getKey());
            if (key.isEmpty() || header.getKey().equalsIgnoreCase("Transfer-Encoding")) {
                continue;
            }
            String value = key.get().equals(Environ.CONTENT_LENGTH)
                    ? Long.toString(Long.parseLong(header.getValue())) : header.getValue();
            String joiner = key.get().equals("HTTP_COOKIE") ? "; " : ", ";
            environ.merge(key.get(), value, (a, b) -> a + joiner + b);
        }
        if (authority != null) {
            environ.put("HTTP_HOST", authority);
        }
        environ.put(ConformanceEcho.BODY, new String(request.body(), StandardCharsets.ISO_8859_1));
        return environ;
    }

    private static List<String> union(Map<String, String> a, Map<String, String> b) {
        TreeMap<String, String> all = new TreeMap<>(a);
        all.putAll(b);
        return new ArrayList<>(all.keySet());
    }

    private static String quote(String value) {
        return value == null ? "(absent)"
                : "\"" + ConformanceBytes.show(value.getBytes(StandardCharsets.ISO_8859_1), 120) + "\"";
    }

    private static String show(byte[] body) {
        return "\"" + ConformanceBytes.show(body, 120) + "\"";
    }
}
