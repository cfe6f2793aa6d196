package dev.carafe;

import dev.carafe.gateway.Environ;
import java.util.Optional;

/** Turns environ keys back into header field names: {@code HTTP_USER_AGENT} to {@code User-Agent}. */
final class HeaderNames {

    private HeaderNames() {
    }

    /**
     * The field name an environ key came from.
     *
     * @param key an environ key
     * @return the name in the usual capitalisation, or empty when the key is not a header's
     */
    static Optional<String> fromKey(String key) {
        if (key.equals(Environ.CONTENT_TYPE)) {
            return Optional.of("Content-Type");
        }
        if (key.equals(Environ.CONTENT_LENGTH)) {
            return Optional.of("Content-Length");
        }
        if (!key.startsWith(Environ.HTTP_PREFIX) || key.length() == Environ.HTTP_PREFIX.length()) {
            return Optional.empty();
        }
        StringBuilder name = new StringBuilder(key.length());
        boolean upper = true;
        for (int i = Environ.HTTP_PREFIX.length(); i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == '_') {
                name.append('-');
                upper = true;
            } else {
                name.append(upper ? c : Character.toLowerCase(c));
                upper = false;
            }
        }
        return Optional.of(name.toString());
    }
}
