package dev.carafe;

import java.util.Map;

/**
 * A function that adds values to every URL the App builds, before the rule is filled, Flask's
 * {@code url_defaults}: the current language code, so that {@code urlFor("about", Map.of())} gives
 * {@code /fr/about} on a French page.
 *
 * <pre>{@code
 * app.urlDefaults((endpoint, values) -> RequestContext.find()
 *         .map(context -> context.g().get("lang"))
 *         .ifPresent(lang -> values.putIfAbsent("lang", lang)));
 * }</pre>
 *
 * <p>A value it adds that the endpoint's rules do not use is dropped, rather than becoming a query
 * argument of every URL (Flask leaves that check, {@code is_endpoint_expecting}, to the function).
 * Values the caller passed are never overwritten unless the function does so itself.
 */
@FunctionalInterface
public interface UrlDefaults {

    /**
     * Adds values for a URL about to be built.
     *
     * @param endpoint the endpoint being built, such as {@code blog.index}
     * @param values the values passed to {@code urlFor}, mutable
     */
    void addDefaults(String endpoint, Map<String, Object> values);
}
