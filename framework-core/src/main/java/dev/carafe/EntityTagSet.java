package dev.carafe;

import dev.carafe.gateway.middleware.ConditionalRequest;
import java.util.List;
import java.util.Optional;

/**
 * The entity tags of an {@code If-Match} or {@code If-None-Match} header, Werkzeug's {@code ETags}:
 * a list of tags, or {@code *} for any representation.
 *
 * <pre>{@code
 * EntityTag current = EntityTag.of("v" + post.version());
 * if (!request.ifMatch().isEmpty() && !request.ifMatch().containsStrong(current)) {
 *     throw HttpError.of(412, "The post changed since you read it; reload it and try again.");
 * }
 * }</pre>
 *
 * @param tags the tags in the order sent; empty for {@code *}
 * @param any whether the header is {@code *}
 */
public record EntityTagSet(List<EntityTag> tags, boolean any) {

    /** Copies the tags. */
    public EntityTagSet {
        tags = List.copyOf(tags);
    }

    /**
     * Reads a header value; tags that do not parse end the list (RFC 9110 asks to ignore a bad
     * value, not to fail).
     */
    static EntityTagSet parse(Optional<String> header) {
        List<String> tags = header.map(ConditionalRequest::parseEntityTags).orElse(List.of());
        if (tags.equals(List.of("*"))) {
            return new EntityTagSet(List.of(), true);
        }
        return new EntityTagSet(tags.stream().flatMap(tag -> EntityTag.parse(tag).stream()).toList(), false);
    }

    /** @return whether the header is absent or has no tag and no {@code *} */
    public boolean isEmpty() {
        return !any && tags.isEmpty();
    }

    /**
     * Whether a tag matches by the weak comparison, as {@code If-None-Match} uses; {@code *} matches any.
     *
     * @param tag the representation's tag
     * @return whether it matches
     */
    public boolean containsWeak(EntityTag tag) {
        return any || tags.stream().anyMatch(tag::matchesWeakly);
    }

    /**
     * Whether a tag matches by the strong comparison, as {@code If-Match} uses; {@code *} matches any.
     *
     * @param tag the representation's tag
     * @return whether it matches
     */
    public boolean containsStrong(EntityTag tag) {
        return any || tags.stream().anyMatch(tag::matchesStrongly);
    }
}
