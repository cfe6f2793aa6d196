package dev.carafe;

import java.util.Objects;
import java.util.Optional;

/**
 * How one registration of a {@link Blueprint} differs from the blueprint's own settings, Flask's
 * {@code register_blueprint(bp, name=..., url_prefix=...)}: registering the same blueprint twice
 * needs a second name.
 *
 * <pre>{@code
 * app.register(api);                                                      // api.*  at /api
 * app.register(api, BlueprintOptions.named("v2").withUrlPrefix("/v2"));       // v2.*   at /v2
 * }</pre>
 *
 * @param name the name endpoints get instead of the blueprint's; empty: the blueprint's name
 * @param urlPrefix the URL prefix instead of the blueprint's; empty: the blueprint's prefix
 */
public record BlueprintOptions(Optional<String> name, Optional<String> urlPrefix) {

    /**
     * Checks the parts.
     *
     * @throws IllegalArgumentException for a name that is not a word (see {@link Blueprint#Blueprint})
     *     or a prefix that does not start with {@code /}
     * @throws NullPointerException if a part is {@code null}
     */
    public BlueprintOptions {
        Objects.requireNonNull(name, "name").ifPresent(n -> Blueprint.checkName(n, "BlueprintOptions.named"));
        Objects.requireNonNull(urlPrefix, "urlPrefix").ifPresent(p -> Blueprint.checkPrefix(p, "BlueprintOptions"));
    }

    /** @return options that change nothing: the blueprint's own name and prefix */
    public static BlueprintOptions defaults() {
        return new BlueprintOptions(Optional.empty(), Optional.empty());
    }

    /**
     * Options with another name, for registering a blueprint a second time.
     *
     * @param name the name endpoints get, for example {@code v2}
     * @return the options
     * @throws IllegalArgumentException for a name that is not a word
     */
    public static BlueprintOptions named(String name) {
        return new BlueprintOptions(Optional.of(name), Optional.empty());
    }

    /**
     * A copy with another URL prefix.
     *
     * @param prefix for example {@code /v2}; {@code ""} for none
     * @return the copy
     * @throws IllegalArgumentException for a prefix that does not start with {@code /}
     */
    public BlueprintOptions withUrlPrefix(String prefix) {
        return new BlueprintOptions(name, Optional.of(prefix));
    }
}
