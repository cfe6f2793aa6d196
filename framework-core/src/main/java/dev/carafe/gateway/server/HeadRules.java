package dev.carafe.gateway.server;

import dev.carafe.gateway.Environ;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Gives a syntactically valid head its meaning, refusing every ambiguity a front proxy could read
 * differently (RFC 9112 §3.2, §6, gateway.md §4.2): message framing from Content-Length or
 * Transfer-Encoding, Host, Expect, Connection, and names with underscores.
 */
final class HeadRules {

    private final ServerSettings settings;

    HeadRules(ServerSettings settings) {
        this.settings = settings;
    }

    RequestHead apply(HeadReader.RawHead raw) throws HttpError {
        boolean http11 = raw.version().equals("HTTP/1.1");
        List<RequestHead.Field> kept = new ArrayList<>(raw.fields().size());
        // Most requests carry none or one of each: the lists stay empty and immutable until then.
        List<String> hosts = List.of();
        List<String> lengths = List.of();
        List<String> codings = List.of();
        List<String> expectations = List.of();
        List<String> connection = List.of();
        int types = 0;
        for (RequestHead.Field field : raw.fields()) {
            String name = field.name();
            if (name.indexOf('_') >= 0) {
                if (settings.underscoreHeaders() == ServerSettings.UnderscoreHeaders.REFUSE) {
                    throw HttpError.badRequest("Header field names with an underscore are refused ("
                            + field.name() + "); use '-' instead.");
                }
                continue;
            }
            if (name.equalsIgnoreCase("Host")) {
                hosts = with(hosts, List.of(field.value()));
            } else if (name.equalsIgnoreCase("Content-Type")) {
                types++;
            } else if (name.equalsIgnoreCase("Content-Length")) {
                lengths = with(lengths, List.of(field.value()));
            } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                codings = with(codings, list(field.value(), "Transfer-Encoding"));
            } else if (name.equalsIgnoreCase("Expect")) {
                expectations = with(expectations, list(field.value(), "Expect"));
            } else if (name.equalsIgnoreCase("Connection")) {
                connection = with(connection, list(field.value(), "Connection"));
            }
            kept.add(field);
        }
        if (types > 1) {
            throw HttpError.badRequest("The request has " + types + " Content-Type fields; exactly one is allowed.");
        }
        Target target = Target.parse(raw.method(), raw.target());
        Optional<String> host = host(hosts, http11);
        if (target.authority().isPresent()) {
            Authority.check(target.authority().get(), "The authority of the absolute request target");
            host = target.authority();
        }
        OptionalLong contentLength = contentLength(lengths);
        boolean chunked = !codings.isEmpty();
        if (chunked) {
            if (!http11) {
                throw HttpError.badRequest("Transfer-Encoding is not allowed in an HTTP/1.0 request.");
            }
            if (contentLength.isPresent()) {
                throw HttpError.badRequest("A request must not have both Content-Length and Transfer-Encoding.");
            }
            checkCodings(codings);
        }
        boolean expectContinue = false;
        if (http11) {
            for (String expectation : expectations) {
                if (!expectation.equalsIgnoreCase("100-continue")) {
                    throw new HttpError(417, "The only expectation this server meets is 100-continue.");
                }
                expectContinue = true;
            }
        }
        boolean close = false;
        boolean keepAliveToken = false;
        for (String token : connection) {
            close |= token.equalsIgnoreCase("close");
            keepAliveToken |= token.equalsIgnoreCase("keep-alive");
        }
        boolean keepAlive = !close && (http11 || keepAliveToken);
        return new RequestHead(raw.method(), raw.target(), target.path(), target.query(), raw.version(), kept,
                host, contentLength, chunked, expectContinue, keepAlive);
    }

    private Optional<String> host(List<String> hosts, boolean http11) throws HttpError {
        if (hosts.size() > 1) {
            throw HttpError.badRequest("The request has " + hosts.size() + " Host fields; exactly one is allowed.");
        }
        if (hosts.isEmpty()) {
            if (http11 && settings.requireHost()) {
                throw HttpError.badRequest("An HTTP/1.1 request must have a Host field.");
            }
            return Optional.empty();
        }
        String host = hosts.get(0);
        if (host.isEmpty() && http11 && settings.requireHost()) {
            throw HttpError.badRequest("The Host field is empty.");
        }
        if (!host.isEmpty()) {
            Authority.check(host, "The Host field");
        }
        return Optional.of(host);
    }

    private OptionalLong contentLength(List<String> lengths) throws HttpError {
        if (lengths.isEmpty()) {
            return OptionalLong.empty();
        }
        if (lengths.size() > 1) {
            throw HttpError.badRequest("The request has " + lengths.size() + " Content-Length fields; "
                    + "exactly one is allowed.");
        }
        String value = lengths.get(0);
        if (value.isEmpty()) {
            throw HttpError.badRequest("Content-Length is empty; it must be decimal digits.");
        }
        long length = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                throw HttpError.badRequest("Content-Length must be decimal digits only.");
            }
            if (length > (Long.MAX_VALUE - 9) / 10) {
                length = Long.MAX_VALUE;
            } else if (length != Long.MAX_VALUE) {
                length = length * 10 + (c - '0');
            }
        }
        if (length > settings.maxBodyBytes()) {
            throw new HttpError(413, "The request body is larger than " + settings.maxBodyBytes() + " bytes.");
        }
        return OptionalLong.of(length);
    }

    private static void checkCodings(List<String> codings) throws HttpError {
        if (codings.isEmpty() || !codings.get(codings.size() - 1).equalsIgnoreCase("chunked")) {
            throw HttpError.badRequest("Transfer-Encoding must end with chunked.");
        }
        for (int i = 0; i < codings.size() - 1; i++) {
            if (codings.get(i).equalsIgnoreCase("chunked")) {
                throw HttpError.badRequest("Transfer-Encoding applies chunked more than once.");
            }
        }
        if (codings.size() > 1) {
            throw new HttpError(501, "The transfer coding " + codings.get(0) + " is not supported; "
                    + "only chunked is.");
        }
    }

    /** @return {@code list} with {@code more} added: a new list when {@code list} is the empty one */
    private static List<String> with(List<String> list, List<String> more) {
        if (list.isEmpty()) {
            return more;
        }
        List<String> all = new ArrayList<>(list);
        all.addAll(more);
        return all;
    }

    /** Splits a comma-separated field value; elements are tokens, and empty elements are refused. */
    private static List<String> list(String value, String name) throws HttpError {
        List<String> elements = new ArrayList<>(2);
        for (String part : value.split(",", -1)) {
            String element = Target.trimOws(part);
            if (element.isEmpty()) {
                throw HttpError.badRequest(name + " has an empty list element.");
            }
            for (int i = 0; i < element.length(); i++) {
                if (!Environ.isTokenChar(element.charAt(i))) {
                    throw HttpError.badRequest(name + " must be a comma-separated list of tokens.");
                }
            }
            elements.add(element);
        }
        return elements;
    }
}
