package dev.carafe;

import dev.carafe.gateway.Header;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/** The {@code Vary} header of a response that depends on the session cookie. */
final class Vary {

    private Vary() {
    }

    /**
     * Adds {@code Cookie} to the response's {@code Vary} fields: appended to the fields already
     * there (several {@code Vary} headers merged into one), nothing added when they name
     * {@code Cookie} in any case or are {@code *}.
     */
    static Response onCookie(Response response) {
        Set<String> fields = new LinkedHashSet<>();
        Set<String> lowerCase = new LinkedHashSet<>();
        for (Header header : response.headers()) {
            if (header.name().equalsIgnoreCase("Vary")) {
                for (String field : header.value().split(",")) {
                    if (!field.isBlank()) {
                        fields.add(field.strip());
                        lowerCase.add(field.strip().toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        if (lowerCase.contains("cookie") || lowerCase.contains("*")) {
            return response;
        }
        fields.add("Cookie");
        return response.withHeader("Vary", String.join(", ", fields));
    }
}
