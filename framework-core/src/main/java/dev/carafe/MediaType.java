package dev.carafe;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed {@code Content-Type} (RFC 9110 §8.3.1): {@code type/subtype} followed by parameters.
 * Type, subtype and parameter names are case-insensitive and kept lower-case; parameter values are
 * kept as sent (quotes removed).
 *
 * <p>Malformed text: {@link #parse} throws {@link IllegalArgumentException} naming the text and
 * what was expected; {@link #tryParse} returns empty instead. The App reads a request's
 * {@code Content-Type} with {@code tryParse}, so a body with a malformed type is treated like one
 * without a type: no form fields, and 415 for {@code json(...)}.
 *
 * @param type the top-level type, for example {@code text}
 * @param subtype the subtype, for example {@code html}
 * @param parameters the parameters in order, names lower-case
 */
record MediaType(String type, String subtype, Map<String, String> parameters) {

    MediaType {
        type = type.toLowerCase(Locale.ROOT);
        subtype = subtype.toLowerCase(Locale.ROOT);
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /**
     * Parses a media type such as {@code multipart/form-data; boundary="abc"}.
     *
     * @throws IllegalArgumentException if the text is not {@code type/subtype *(; name=value)}
     */
    static MediaType parse(String text) {
        int end = text.indexOf(';');
        String essence = (end < 0 ? text : text.substring(0, end)).strip();
        int slash = essence.indexOf('/');
        String type = slash < 0 ? "" : essence.substring(0, slash);
        String subtype = slash < 0 ? "" : essence.substring(slash + 1);
        if (!HeaderParameters.isToken(type) || !HeaderParameters.isToken(subtype)) {
            throw new IllegalArgumentException("malformed media type '" + text
                    + "'; expected type/subtype with optional parameters, for example 'text/html; charset=utf-8'");
        }
        try {
            return new MediaType(type, subtype, HeaderParameters.parse(text, end < 0 ? text.length() : end));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed media type '" + text + "': " + e.getMessage(), e);
        }
    }

    /** Parses a media type, or returns empty if the text is malformed. */
    static Optional<MediaType> tryParse(String text) {
        try {
            return Optional.of(parse(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Returns {@code type/subtype}, lower-case, without parameters. */
    String essence() {
        return type + "/" + subtype;
    }

    /** Returns a parameter's value; the name is compared ignoring case. */
    Optional<String> parameter(String name) {
        return Optional.ofNullable(parameters.get(name.toLowerCase(Locale.ROOT)));
    }

    /**
     * Returns the {@code charset} parameter as a charset.
     *
     * @return the charset, or empty when there is no {@code charset} parameter
     * @throws MalformedBodyException (400) when the parameter names a charset this JVM does not know
     */
    Optional<Charset> charset() {
        Optional<String> name = parameter("charset");
        if (name.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Charset.forName(name.get()));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new MalformedBodyException("unsupported charset '" + name.get() + "' in Content-Type '" + this
                    + "'; send the body in UTF-8 (charset=utf-8)");
        }
    }

    /** Tells whether this is {@code application/json} or {@code application/*+json}, as Flask's {@code is_json}. */
    boolean isJson() {
        return type.equals("application") && (subtype.equals("json") || subtype.endsWith("+json"));
    }

    /** Tells whether type and subtype equal the given essence, ignoring case and parameters. */
    boolean is(String essence) {
        return essence().equalsIgnoreCase(essence);
    }

    /** Renders the media type; parameter values that are not tokens are quoted. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(essence());
        parameters.forEach((name, value) -> {
            text.append("; ").append(name).append('=');
            if (HeaderParameters.isToken(value)) {
                text.append(value);
            } else {
                text.append('"').append(value.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
        });
        return text.toString();
    }
}
