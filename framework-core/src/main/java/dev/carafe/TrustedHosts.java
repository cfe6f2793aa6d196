package dev.carafe;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * {@code TRUSTED_HOSTS}, Flask 3.1's check of the request's host (Werkzeug's {@code host_is_trusted}): an entry is
 * a host name or address ({@code example.com}, {@code 127.0.0.1}, {@code [::1]}) matching that host only, or a name
 * with a leading dot ({@code .example.com}) matching the domain and every subdomain. Ports are ignored on both sides
 * and names compare case-insensitively (ASCII; an international name is given in its {@code xn--} form).
 *
 * @param entries the entries, lower case, without ports
 */
record TrustedHosts(List<String> entries) {

    private static final System.Logger LOG = AppLog.logger();

    private static final String EXPECTED = "give a host name such as \"example.com\", or \".example.com\" for the "
            + "domain and all its subdomains";

    /**
     * Checks and normalizes the entries.
     *
     * @param hosts the entries as configured
     * @return the trusted hosts
     * @throws IllegalArgumentException naming an entry that is not a host, or when there is none
     */
    static TrustedHosts parse(List<String> hosts) {
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("No trusted host is given, so every request would be refused; "
                    + EXPECTED + ", or leave TRUSTED_HOSTS unset to accept every host.");
        }
        List<String> entries = new ArrayList<>();
        for (String host : hosts) {
            entries.add(entry(Objects.requireNonNull(host, "trusted host")));
        }
        return new TrustedHosts(List.copyOf(entries));
    }

    /**
     * Checks the entries of {@code app.trustedHosts(...)}.
     *
     * @param hosts the entries
     * @return them, as given
     * @throws IllegalArgumentException as {@link #parse} does
     */
    static List<String> checked(String... hosts) {
        List<String> entries = new ArrayList<>();
        for (String host : Objects.requireNonNull(hosts, "hosts")) {
            entries.add(Objects.requireNonNull(host, "trusted host"));
        }
        parse(entries);
        return List.copyOf(entries);
    }

    /**
     * Refuses a request whose host ({@link Request#host()}) no entry matches, with 400.
     *
     * @throws HttpError.BadRequest naming the host
     */
    void check(Request request) {
        String host = request.host();
        if (!trusts(host)) {
            LOG.log(Level.INFO, () -> "Refused the host '" + host + "' of " + AppLog.requestLine(request.environ())
                    + ": it is not in TRUSTED_HOSTS " + entries + "; answering 400 Bad Request.");
            throw new HttpError.BadRequest("The host '" + host + "' is not in TRUSTED_HOSTS.");
        }
    }

    /** Whether an entry matches a host ({@code host} or {@code host:port}); an empty host matches none. */
    boolean trusts(String host) {
        String name = withoutPort(host).toLowerCase(Locale.ROOT);
        if (name.isEmpty()) {
            return false;
        }
        for (String entry : entries) {
            if (entry.startsWith(".")
                    ? name.equals(entry.substring(1)) || name.endsWith(entry)
                    : name.equals(entry)) {
                return true;
            }
        }
        return false;
    }

    private static String entry(String host) {
        if (host.isBlank()) {
            throw new IllegalArgumentException("A trusted host is empty; " + EXPECTED + ".");
        }
        if (host.contains("://")) {
            throw new IllegalArgumentException("The trusted host '" + host + "' has a scheme; give the host alone, "
                    + "such as \"" + alone(host.substring(host.indexOf("://") + 3)) + "\".");
        }
        if (host.contains("/")) {
            throw new IllegalArgumentException("The trusted host '" + host + "' has a path; give the host alone, "
                    + "such as \"" + alone(host) + "\".");
        }
        if (host.startsWith("*")) {
            throw new IllegalArgumentException("The trusted host '" + host + "' is a wildcard; write \""
                    + (host.startsWith("*.") ? host.substring(1) : ".example.com") + "\" for a domain and all its "
                    + "subdomains, or leave TRUSTED_HOSTS unset to accept every host.");
        }
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c == ' ' || Character.isWhitespace(c)) {
                throw new IllegalArgumentException("The trusted host '" + host + "' contains a space; " + EXPECTED
                        + ".");
            }
            if (!allowed(c)) {
                throw new IllegalArgumentException("The trusted host '" + host + "' contains '" + c + "', which is "
                        + "not part of a host name; " + EXPECTED + " (an international name in its ASCII form, "
                        + "\"xn--...\").");
            }
        }
        String name = withoutPort(host);
        String port = host.substring(name.length());
        boolean bracketed = name.startsWith("[") && name.endsWith("]");
        if (name.equals(".") || name.isEmpty() || name.startsWith("..") || name.endsWith(".")
                || (!port.isEmpty() && !port.substring(1).chars().allMatch(Character::isDigit))
                || (!bracketed && (name.contains(":") || name.contains("[") || name.contains("]")))) {
            throw new IllegalArgumentException("The trusted host '" + host + "' is not a host name; " + EXPECTED
                    + " (a port is allowed and ignored, an IPv6 address is written in brackets: \"[::1]\").");
        }
        return name.toLowerCase(Locale.ROOT);
    }

    /** The host of {@code host/path?query}. */
    private static String alone(String rest) {
        int end = 0;
        while (end < rest.length() && "/?#".indexOf(rest.charAt(end)) < 0) {
            end++;
        }
        return end == 0 ? "example.com" : rest.substring(0, end);
    }

    private static boolean allowed(char c) {
        return c < 0x80 && (Character.isLetterOrDigit(c) || ".-_:[]".indexOf(c) >= 0);
    }

    /** {@code example.com:8080} → {@code example.com}, {@code [::1]:8080} → {@code [::1]}; {@code [::1]} stays. */
    private static String withoutPort(String host) {
        int colon = host.lastIndexOf(':');
        return colon >= 0 && host.lastIndexOf(']') < colon && (host.startsWith("[") || host.indexOf(':') == colon)
                ? host.substring(0, colon) : host;
    }
}
