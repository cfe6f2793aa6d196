package dev.carafe;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/** Reads an {@code Authorization} header into {@link Authorization} credentials. */
final class AuthorizationHeader {

    private AuthorizationHeader() {
    }

    /**
     * Parses a header value; malformed credentials ({@code Basic} whose base64 or colon is missing,
     * {@code Bearer} without a token) count as none, so the handler answers 401 as for no header.
     */
    static Optional<Authorization> parse(String header) {
        String value = header.strip();
        int space = value.indexOf(' ');
        String scheme = space < 0 ? value : value.substring(0, space);
        String rest = space < 0 ? "" : value.substring(space + 1).strip();
        if (scheme.isEmpty()) {
            return Optional.empty();
        }
        return switch (scheme.toLowerCase(Locale.ROOT)) {
            case "basic" -> basic(scheme, rest);
            case "bearer" -> rest.isEmpty() || rest.contains(" ")
                    ? Optional.empty()
                    : Optional.of(new Authorization.Bearer(scheme, rest));
            default -> Optional.of(new Authorization.Other(scheme, rest));
        };
    }

    private static Optional<Authorization> basic(String scheme, String encoded) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String pair;
        try {
            pair = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            pair = new String(bytes, StandardCharsets.ISO_8859_1);
        }
        int colon = pair.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        return Optional.of(new Authorization.Basic(scheme, pair.substring(0, colon), pair.substring(colon + 1)));
    }
}
