package dev.carafe;

import dev.carafe.gateway.Header;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code Vary} header of a response that depends on a request field: the session cookie, or
 * {@code Accept} for an error page chosen by content negotiation.
 */
final class Vary {

    private Vary() {
    }

    /** Adds {@code Cookie} to the response's {@code Vary} fields ({@link #on}). */
    static Response onCookie(Response response) {
        return on(response, "Cookie");
    }

    /**
     * Adds {@code field} to the response's {@code Vary} fields: appended to the fields already
     * there (several {@code Vary} headers merged into one), nothing added when they name
     * {@code field} in any case or are {@code *}.
     */
    static Response on(Response response, String field) {
        Set<String> fields = new LinkedHashSet<>();
        Set<String> lowerCase = new LinkedHashSet<>();
        for (Header header : response.headers()) {
            if (header.name().equalsIgnoreCase("Vary")) {
                for (String named : header.value().split(",")) {
                    if (!named.isBlank()) {
                        fields.add(named.strip());
                        lowerCase.add(named.strip().toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        if (lowerCase.contains(field.toLowerCase(Locale.ROOT)) || lowerCase.contains("*")) {
            return response;
        }
        fields.add(field);
        return response.withHeader("Vary", String.join(", ", fields));
    }
}
