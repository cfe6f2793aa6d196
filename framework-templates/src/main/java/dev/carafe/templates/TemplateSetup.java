package dev.carafe.templates;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
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
 * @param json the mapper of {@code tojson}, asked at each use (the App's unless the builder got one)
 * @param filters the filters by name
 * @param tests the tests by name
 * @param functions the functions by name
 * @param globals the global values by name
 * @param processors the context processors, in order
 */
record TemplateSetup(String classpathFolder, Optional<Path> folder, ClassLoader classLoader, boolean strict,
        Optional<Boolean> reload, Supplier<JsonMapper> json, Map<String, TemplateFilter> filters, Map<String, TemplateTest> tests,
        Map<String, TemplateFunction> functions, Map<String, Object> globals, List<ContextProcessor> processors) {

    TemplateSetup {
        filters = Map.copyOf(filters);
        tests = Map.copyOf(tests);
        functions = Map.copyOf(functions);
        globals = Map.copyOf(globals);
        processors = List.copyOf(processors);
    }
}
