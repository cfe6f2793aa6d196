package dev.carafe.gateway;

import java.util.Objects;

/**
 * One response header field as an application passes it to {@link StartResponse}.
 *
 * <p>Names compare case-insensitively ({@link #is}); the pair is otherwise kept exactly as given.
 * Construction only rejects {@code null}: whether a name is a token and a value is free of
 * control characters is checked where it matters, by the server and the validator, so that each
 * can report the violation with its rule.
 *
 * @param name the field name, for example {@code Content-Type}
 * @param value the field value, for example {@code text/plain; charset=utf-8}
 */
public record Header(String name, String value) {

    /**
     * Creates a header.
     *
     * @throws NullPointerException if the name or the value is {@code null}
     */
    public Header {
        Objects.requireNonNull(name, "header name");
        Objects.requireNonNull(value, () -> "value of header '" + name + "'");
    }

    /**
     * Tells whether this header has the given name, ignoring ASCII case.
     *
     * @param fieldName the name to compare with
     * @return true if the names are equal ignoring case
     */
    public boolean is(String fieldName) {
        return name.equalsIgnoreCase(fieldName);
    }

    /**
     * Tells whether this is a hop-by-hop field (RFC 9110 §7.6.1), which belongs to the connection
     * and so to the server: {@code Connection}, {@code Keep-Alive}, {@code Proxy-Authenticate},
     * {@code Proxy-Authorization}, {@code Proxy-Connection}, {@code TE}, {@code Trailer},
     * {@code Transfer-Encoding} or {@code Upgrade}, in any case. Applications never send them
     * (gateway.md §4.3).
     *
     * @return true for a hop-by-hop field
     */
    public boolean isHopByHop() {
        return switch (name.length()) {
            case 2 -> is("TE");
            case 7 -> is("Trailer") || is("Upgrade");
            case 10 -> is("Connection") || is("Keep-Alive");
            case 16 -> is("Proxy-Connection");
            case 17 -> is("Transfer-Encoding");
            case 18 -> is("Proxy-Authenticate");
            case 19 -> is("Proxy-Authorization");
            default -> false;
        };
    }
}
