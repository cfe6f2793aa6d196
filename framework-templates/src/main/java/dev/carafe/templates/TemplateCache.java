package dev.carafe.templates;

import io.pebbletemplates.pebble.cache.PebbleCache;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Compiled templates by name, kept for the life of the {@link Templates}: each file template is
 * compiled once. String templates are compiled on every call and never kept (as Flask's
 * {@code render_template_string}), so that rendering many different strings cannot fill memory.
 */
final class TemplateCache implements PebbleCache<Object, PebbleTemplate> {

    private final Map<Object, PebbleTemplate> compiled = new ConcurrentHashMap<>();

    @Override
    public PebbleTemplate computeIfAbsent(Object key, Function<? super Object, ? extends PebbleTemplate> compiler) {
        if (key instanceof String name && TemplateNames.isString(name)) {
            return compiler.apply(key);
        }
        PebbleTemplate template = compiled.get(key);
        if (template == null) {
            // compiled outside the map: compiling may look up other templates, which a map's own
            // computeIfAbsent would refuse as a recursive update; two threads may both compile once
            PebbleTemplate fresh = compiler.apply(key);
            template = compiled.putIfAbsent(key, fresh);
            if (template == null) {
                template = fresh;
            }
        }
        return template;
    }

    @Override
    public void invalidateAll() {
        compiled.clear();
    }
}
