package dev.carafe.gateway.middleware;

import dev.carafe.gateway.Environ;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks the values a proxy forwards before {@link ProxyFix} puts them in the environ; a value that
 * fails is ignored, as if the proxy had not sent it.
 */
final class ForwardedValues {

    /** A checked {@code host[:port]}: the name (IPv6 literals keep their brackets) and the port if any. */
    record HostPort(String host, Optional<String> port) {

        String text() {
            return port.map(p -> host + ":" + p).orElse(host);
        }
    }

    private ForwardedValues() {
    }

    /**
     * The client address of a forwarded node: {@code 192.0.2.60}, {@code 192.0.2.60:4711},
     * {@code 2001:db8::1}, {@code [2001:db8::1]:4711} give the bare address; {@code unknown} and
     * obfuscated identifiers ({@code _hidden}) give nothing.
     */
    static Optional<String> clientAddress(String node) {
        String address = node;
        if (address.startsWith("[")) {
            int end = address.indexOf(']');
            if (end < 0 || end + 1 < address.length() && address.charAt(end + 1) != ':') {
                return Optional.empty();
            }
            address = address.substring(1, end);
        } else if (address.indexOf(':') >= 0 && address.indexOf(':') == address.lastIndexOf(':')) {
            address = address.substring(0, address.indexOf(':'));
        }
        if (address.isEmpty() || address.equalsIgnoreCase("unknown") || address.startsWith("_")) {
            return Optional.empty();
        }
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            boolean ok = c < 0x80 && (Character.isLetterOrDigit(c) || c == '.' || c == ':' || c == '%' || c == '-');
            if (!ok) {
                return Optional.empty();
            }
        }
        return Optional.of(address);
    }

    /** {@code http} or {@code https} in any case, lower-cased; anything else gives nothing. */
    static Optional<String> scheme(String value) {
        String scheme = value.toLowerCase(Locale.ROOT);
        return scheme.equals("http") || scheme.equals("https") ? Optional.of(scheme) : Optional.empty();
    }

    /** A port from 0 to 65535 written with one to five digits. */
    static Optional<String> port(String value) {
        if (value.isEmpty() || value.length() > 5 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        return Integer.parseInt(value) <= 65535 ? Optional.of(value) : Optional.empty();
    }

    /** An RFC 9110 {@code Host} value: a reg-name, IPv4 or bracketed IPv6 literal, then an optional port. */
    static Optional<HostPort> host(String value) {
        String host = value;
        Optional<String> port = Optional.empty();
        int colon = value.lastIndexOf(':');
        if (colon >= 0 && colon > value.lastIndexOf(']')) {
            host = value.substring(0, colon);
            port = port(value.substring(colon + 1));
            if (port.isEmpty()) {
                return Optional.empty();
            }
        }
        if (host.startsWith("[") && host.endsWith("]") && host.length() > 2) {
            String literal = host.substring(1, host.length() - 1);
            boolean ok = literal.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.');
            return ok ? Optional.of(new HostPort(host, port)) : Optional.empty();
        }
        if (host.isEmpty()) {
            return Optional.empty();
        }
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            boolean ok = c < 0x80 && (Character.isLetterOrDigit(c) || "-._~!$&'()*+,;=%".indexOf(c) >= 0);
            if (!ok) {
                return Optional.empty();
            }
        }
        return Optional.of(new HostPort(host, port));
    }

    /**
     * A mount prefix from {@code X-Forwarded-Prefix}: percent-decoded like {@code PATH_INFO}, starting
     * with {@code /}, trailing slashes removed; {@code /} alone gives {@code ""}. Control characters,
     * {@code ?}, {@code #}, backslashes and {@code ..} segments give nothing.
     */
    static Optional<String> prefix(String value) {
        String prefix = Environ.decodePath(value);
        if (!prefix.startsWith("/")) {
            return Optional.empty();
        }
        for (int i = 0; i < prefix.length(); i++) {
            char c = prefix.charAt(i);
            if (c < 0x20 || c == 0x7F || c == '?' || c == '#' || c == '\\') {
                return Optional.empty();
            }
        }
        for (String segment : prefix.split("/")) {
            if (segment.equals("..")) {
                return Optional.empty();
            }
        }
        return Optional.of(prefix.replaceAll("/+$", ""));
    }
}
