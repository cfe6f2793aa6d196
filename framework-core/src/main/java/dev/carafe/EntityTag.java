package dev.carafe;

import java.util.Objects;
import java.util.Optional;

/**
 * An entity tag (RFC 9110 §8.8.3), the validator of a representation: strong ({@code "v42"},
 * byte-for-byte identical) or weak ({@code W/"v42"}, equivalent in meaning).
 *
 * <pre>{@code
 * Response.json(post).withEtag(EntityTag.of("v" + post.version())).conditional(request);
 * request.ifNoneMatch().containsWeak(EntityTag.weakOf("v42"));
 * }</pre>
 *
 * @param value the opaque tag, without quotes, for example {@code v42}
 * @param weak whether the tag is weak
 */
public record EntityTag(String value, boolean weak) {

    /**
     * @throws IllegalArgumentException if the value has a double quote, a space, a control
     *     character or a char above U+00FF
     */
    public EntityTag {
        Objects.requireNonNull(value, "entity tag value");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= 0x20 || c == '"' || c == 0x7F || c > 0xFF) {
                throw new IllegalArgumentException("Entity tag value \"" + value + "\" has the character U+"
                        + String.format("%04X", (int) c) + " at index " + i + ", which an ETag cannot hold (RFC 9110"
                        + " §8.8.3 allows visible characters except '\"'). Give the value without quotes, for example"
                        + " EntityTag.of(\"v42\"), or hash it first.");
            }
        }
    }

    /**
     * @param value the opaque tag, without quotes
     * @return a strong tag, sent as {@code "value"}
     * @throws IllegalArgumentException if the value has a character a tag cannot hold
     */
    public static EntityTag of(String value) {
        return new EntityTag(value, false);
    }

    /**
     * @param value the opaque tag, without quotes
     * @return a weak tag, sent as {@code W/"value"}
     * @throws IllegalArgumentException if the value has a character a tag cannot hold
     */
    public static EntityTag weakOf(String value) {
        return new EntityTag(value, true);
    }

    /**
     * Reads one tag as it is sent, {@code "v42"} or {@code W/"v42"}.
     *
     * @param text the tag with its quotes
     * @return the tag, or empty when the text is not a valid entity tag
     */
    public static Optional<EntityTag> parse(String text) {
        boolean weak = text.startsWith("W/");
        String quoted = weak ? text.substring(2) : text;
        if (quoted.length() < 2 || quoted.charAt(0) != '"' || quoted.charAt(quoted.length() - 1) != '"') {
            return Optional.empty();
        }
        try {
            return Optional.of(new EntityTag(quoted.substring(1, quoted.length() - 1), weak));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The strong comparison (RFC 9110 §8.8.3.2): both strong and the same value.
     *
     * @param other another tag
     * @return whether they match
     */
    public boolean matchesStrongly(EntityTag other) {
        return !weak && !other.weak && value.equals(other.value);
    }

    /**
     * The weak comparison: the same value, weak or not.
     *
     * @param other another tag
     * @return whether they match
     */
    public boolean matchesWeakly(EntityTag other) {
        return value.equals(other.value);
    }

    /** @return the tag as sent in {@code ETag}, for example {@code W/"v42"} */
    @Override
    public String toString() {
        return (weak ? "W/\"" : "\"") + value + "\"";
    }
}
