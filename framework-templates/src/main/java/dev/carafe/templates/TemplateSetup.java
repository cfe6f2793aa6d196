package dev.carafe.templates;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a {@link Templates.Builder} was told, frozen: the folders, the modes and everything
 * registered. Read when the engine is built, at the first render.
 *
 * @param classpathFolder the app's classpath folder, for example {@code templates/}
 * @param folder the app's file system folder, which replaces the classpath folder when present
 * @param classLoader the class loader that reads classpath folders
 * @param strict whether undefined values fail the render
 * @param reload whether templates are compiled on every render; empty to follow the config
 * @param json the mapper of {@code tojson}
 * @param filters the filters by name
 * @param tests the tests by name
 * @param functions the functions by name
 * @param globals the global values by name
 * @param processors the context processors, in order
 */
record TemplateSetup(String classpathFolder, Optional<Path> folder, ClassLoader classLoader, boolean strict,
        Optional<Boolean> reload, JsonMapper json, Map<String, TemplateFilter> filters, Map<String, TemplateTest> tests,
        Map<String, TemplateFunction> functions, Map<String, Object> globals, List<ContextProcessor> processors) {

    TemplateSetup {
        filters = Map.copyOf(filters);
        tests = Map.copyOf(tests);
        functions = Map.copyOf(functions);
        globals = Map.copyOf(globals);
        processors = List.copyOf(processors);
    }

    /**
     * The mapper {@code tojson} uses unless told otherwise: Carafe's JSON defaults (properties in
     * declaration order, {@code java.time} values as ISO-8601 strings, no failure on empty objects).
     */
    static JsonMapper defaultJson() {
        return JsonMapper.builder()
                .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS, DateTimeFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .build();
    }
}
