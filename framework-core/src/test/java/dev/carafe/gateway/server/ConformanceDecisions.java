package dev.carafe.gateway.server;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where Carafe's server deliberately differs from what a suite's parser accepts, each with the RFC
 * rule behind it, and the Host rule (RFC 9112 §3.2). Every vector a decision touches keeps running:
 * it asserts Carafe's documented behaviour instead, and the report lists it with the reason.
 */
final class ConformanceDecisions {

    /** Why a Host-less HTTP/1.1 request is refused on a default server. */
    static final String HOST_RULE = "RFC 9112 §3.2: an HTTP/1.1 request without Host gets 400 (requireHost=true)";

    private ConformanceDecisions() {
    }

    /**
     * Applies the decisions, then the Host rule, to every vector that is not skipped.
     *
     * @param vectors the suites' vectors
     * @return the vectors to run; a Host-less HTTP/1.1 vector the suite accepts becomes two
     */
    static List<ConformanceVector> apply(List<ConformanceVector> vectors) {
        List<ConformanceVector> result = new ArrayList<>();
        for (ConformanceVector vector : vectors) {
            if (vector.skip().isPresent()) {
                result.add(vector);
                continue;
            }
            result.addAll(host(vector, ConformanceVectorDecisions.apply(decide(vector))));
        }
        return result;
    }

    /** Applies the first rule that one of the requests the suite expects to be answered breaks. */
    static ConformanceVector decide(ConformanceVector vector) {
        List<ConformanceRequest> answered = vector.outcome().answered();
        for (int i = 0; i < answered.size(); i++) {
            ConformanceRequest request = answered.get(i);
            List<ConformanceRequest> before = answered.subList(0, i);
            Optional<Map.Entry<Set<Integer>, String>> refusal = refusal(request);
            if (refusal.isPresent()) {
                return vector.expecting(new ConformanceOutcome.Refused(List.copyOf(before),
                        refusal.get().getKey(), false, refusal.get().getValue()), refusal.get().getValue());
            }
            long declared = request.headers().stream().filter(h -> h.getKey().equalsIgnoreCase("Content-Length"))
                    .map(Map.Entry::getValue).filter(v -> v.matches("[0-9]{1,18}")).mapToLong(Long::parseLong)
                    .findFirst().orElse(0);
            if (declared > request.body().length) {
                String why = "the vector carries " + request.body().length + " body bytes but Content-Length says "
                        + declared + ": over a socket the message is incomplete (RFC 9112 §6.3), so after the "
                        + "input ends the server refuses it or closes";
                return vector.endingInput().expecting(new ConformanceOutcome.Refused(List.copyOf(before), Set.of(400),
                        true, why), why);
            }
            if (i < answered.size() - 1 && closes(request)) {
                String why = "RFC 9112 §9.3, §9.6: after " + (request.version().equals("HTTP/1.0")
                        ? "an HTTP/1.0 request without keep-alive" : "Connection: close")
                        + " the server closes and processes no further request";
                return vector.expecting(new ConformanceOutcome.Refused(List.copyOf(answered.subList(0, i + 1)),
                        Set.of(), true, why), why);
            }
        }
        return vector;
    }

    private static Optional<Map.Entry<Set<Integer>, String>> refusal(ConformanceRequest request) {
        String target = request.target();
        if (!request.version().equals("HTTP/1.0") && !request.version().equals("HTTP/1.1")) {
            return Optional.of(Map.entry(Set.of(400, 505), "Carafe speaks HTTP/1.0 and HTTP/1.1 only; "
                    + request.version() + " is refused (RFC 9110 §15.6.6)"));
        }
        if (request.method().equals("CONNECT")) {
            return Optional.of(Map.entry(Set.of(501), "Carafe is a gateway server and opens no CONNECT tunnels: 501"));
        }
        if (target.equals("*") && !request.method().equals("OPTIONS")) {
            return Optional.of(Map.entry(Set.of(400), "RFC 9112 §3.2.4: the asterisk-form is only for OPTIONS"));
        }
        int scheme = target.indexOf("://");
        int slash = scheme < 0 ? -1 : target.indexOf('/', scheme + 3);
        String authority = scheme < 0 ? "" : target.substring(scheme + 3, slash < 0 ? target.length() : slash);
        if (authority.indexOf('@') >= 0) {
            return Optional.of(Map.entry(Set.of(400), "RFC 9110 §4.2.4: userinfo in an http(s) target is an error"));
        }
        List<String> codings = codings(request);
        if (!codings.isEmpty() && !codings.equals(List.of("chunked"))) {
            boolean withLength = request.headers().stream().anyMatch(h -> h.getKey().equalsIgnoreCase("Content-Length"));
            return Optional.of(Map.entry(withLength ? Set.of(400, 501) : Set.of(501),
                    "RFC 9112 §6.1: Carafe decodes only chunked; other transfer codings (" + String.join(", ", codings)
                            + ") get 501" + (withLength ? ", and Transfer-Encoding with Content-Length gets 400" : "")));
        }
        return Optional.empty();
    }

    private static List<String> codings(ConformanceRequest request) {
        List<String> codings = new ArrayList<>();
        for (Map.Entry<String, String> header : request.headers()) {
            if (header.getKey().equalsIgnoreCase("Transfer-Encoding")) {
                for (String coding : header.getValue().split(",")) {
                    codings.add(Target.trimOws(coding).toLowerCase(Locale.ROOT));
                }
            }
        }
        return codings;
    }

    private static boolean closes(ConformanceRequest request) {
        List<String> tokens = new ArrayList<>();
        for (Map.Entry<String, String> header : request.headers()) {
            if (header.getKey().equalsIgnoreCase("Connection")) {
                for (String token : header.getValue().split(",")) {
                    tokens.add(Target.trimOws(token).toLowerCase(Locale.ROOT));
                }
            }
        }
        return tokens.contains("close") || request.version().equals("HTTP/1.0") && !tokens.contains("keep-alive");
    }

    /**
     * The Host rule (see {@link #HOST_RULE}): a vector with a Host-less HTTP/1.1 request runs as sent
     * on a default server, expecting 400 at that request (or the refusal a decision expects there),
     * and on a server with {@code requireHost=false}, expecting its own result. A refused vector
     * without Host runs with {@code requireHost=false} only, so that its own fault is what is checked.
     *
     * @param original the vector as the suite gives it
     * @param decided the vector after Carafe's decisions
     * @return the runs
     */
    static List<ConformanceVector> host(ConformanceVector original, ConformanceVector decided) {
        List<ConformanceRequest> requests = decided.outcome() instanceof ConformanceOutcome.Accepted
                ? decided.outcome().answered() : original.outcome().answered();
        int hostless = -1;
        for (int i = 0; i < requests.size() && hostless < 0; i++) {
            hostless = requests.get(i).needsHost() ? i : -1;
        }
        ConformanceVector lenient = decided.on(decided.profile().withHostRequired(false));
        if (hostless < 0) {
            boolean refused = decided.outcome() instanceof ConformanceOutcome.Refused;
            return List.of(refused && hostless(decided.bytes()) ? lenient : decided);
        }
        ConformanceVector strict = decided.on(decided.profile().withHostRequired(true));
        if (decided.outcome() instanceof ConformanceOutcome.Refused refused && refused.answered().size() < hostless) {
            strict = strict.renamed(" [as sent]", "");
        } else {
            Set<Integer> statuses = new TreeSet<>(Set.of(400));
            boolean silent = false;
            String why = HOST_RULE;
            if (decided.outcome() instanceof ConformanceOutcome.Refused refused
                    && refused.answered().size() == hostless) {
                statuses.addAll(refused.statuses());
                silent = refused.silentCloseAllowed();
                why = why + "; or, by decision: " + refused.reason();
            }
            strict = strict.expecting(new ConformanceOutcome.Refused(List.copyOf(requests.subList(0, hostless)),
                    Set.copyOf(statuses), silent, "no Host"), why).renamed(" [as sent]", "");
        }
        return List.of(strict, lenient.renamed(" [requireHost=false]", ""));
    }

    /** Tells whether the bytes hold an HTTP/1.1 request line and no Host field line at all. */
    static boolean hostless(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        return text.contains("HTTP/1.1") && !text.toLowerCase(Locale.ROOT).contains("\nhost:");
    }
}
