package dev.carafe.gateway.middleware;

import dev.carafe.gateway.Environ;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A parser for the RFC 7239 {@code Forwarded} header: a comma-separated list of elements, one per
 * proxy, each a semicolon-separated list of {@code name=value} pairs whose values are tokens or
 * quoted strings ({@code for="[2001:db8::1]:4711";proto=https, for=192.0.2.60}).
 */
final class Forwarded {

    private final String text;
    private int at;

    private Forwarded(String text) {
        this.text = text;
    }

    /**
     * Parses a {@code Forwarded} field value.
     *
     * @return the elements in order, each mapping lower-cased parameter names to unquoted values; empty
     *     if the value is malformed (a bad token, an unterminated quote, a parameter given twice)
     */
    static Optional<List<Map<String, String>>> parse(String value) {
        return new Forwarded(value).elements();
    }

    private Optional<List<Map<String, String>>> elements() {
        List<Map<String, String>> elements = new ArrayList<>();
        Map<String, String> element = new HashMap<>();
        while (true) {
            skipSpace();
            if (at < text.length() && text.charAt(at) != ',' && text.charAt(at) != ';') {
                String name = token().toLowerCase(Locale.ROOT);
                if (name.isEmpty() || !consume('=')) {
                    return Optional.empty();
                }
                Optional<String> value = value();
                if (value.isEmpty() || element.put(name, value.get()) != null) {
                    return Optional.empty();
                }
                skipSpace();
            }
            if (at == text.length()) {
                elements.add(element);
                return Optional.of(elements);
            }
            char separator = text.charAt(at++);
            if (separator == ',') {
                elements.add(element);
                element = new HashMap<>();
            } else if (separator != ';') {
                return Optional.empty();
            }
        }
    }

    private Optional<String> value() {
        if (!consume('"')) {
            String token = token();
            return token.isEmpty() ? Optional.empty() : Optional.of(token);
        }
        StringBuilder out = new StringBuilder();
        while (at < text.length()) {
            char c = text.charAt(at++);
            if (c == '"') {
                return Optional.of(out.toString());
            }
            if (c == '\\') {
                if (at == text.length()) {
                    return Optional.empty();
                }
                c = text.charAt(at++);
            }
            if (c < 0x20 && c != '\t' || c == 0x7F) {
                return Optional.empty();
            }
            out.append(c);
        }
        return Optional.empty();
    }

    private String token() {
        int start = at;
        while (at < text.length() && Environ.isTokenChar(text.charAt(at))) {
            at++;
        }
        return text.substring(start, at);
    }

    private boolean consume(char c) {
        if (at < text.length() && text.charAt(at) == c) {
            at++;
            return true;
        }
        return false;
    }

    private void skipSpace() {
        while (at < text.length() && (text.charAt(at) == ' ' || text.charAt(at) == '\t')) {
            at++;
        }
    }
}
