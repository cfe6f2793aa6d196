package dev.carafe.templates;

import io.pebbletemplates.pebble.attributes.AttributeResolver;
import io.pebbletemplates.pebble.extension.Extension;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.extension.Function;
import io.pebbletemplates.pebble.extension.NodeVisitorFactory;
import io.pebbletemplates.pebble.extension.Test;
import io.pebbletemplates.pebble.extension.core.NullTest;
import io.pebbletemplates.pebble.operator.BinaryOperator;
import io.pebbletemplates.pebble.operator.UnaryOperator;
import io.pebbletemplates.pebble.tokenParser.TokenParser;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything Carafe adds to Pebble: Flask's template functions ({@code url_for},
 * {@code get_flashed_messages}), Jinja's names and meanings ({@code e}, {@code safe},
 * {@code tojson}, the {@code none} test, a truth-testing {@code if} with {@code elif}), autoescaping per template name,
 * attribute access on Carafe's Java objects, and the filters, tests, functions and globals
 * registered on the builder (which win over built-ins of the same name).
 */
final class CarafeExtension implements Extension {

    private final Map<String, Filter> filters = new HashMap<>();
    private final Map<String, Test> tests = new HashMap<>();
    private final Map<String, Function> functions = new HashMap<>();
    private final Map<String, Object> globals;

    CarafeExtension(TemplateSetup setup) {
        SafeEscapeFilter escape = new SafeEscapeFilter();
        filters.put("escape", escape);
        filters.put("e", escape);
        filters.put("safe", new SafeFilter());
        filters.put("tojson", new ToJsonFilter(setup.json()));
        setup.filters().forEach((name, filter) -> filters.put(name, UserCallables.filter(name, filter)));
        tests.put("none", new NullTest());                 // Jinja's name for Pebble's 'null' test
        setup.tests().forEach((name, test) -> tests.put(name, UserCallables.test(name, test)));
        functions.put("url_for", new UrlFor());
        functions.put("get_flashed_messages", new FlashedMessages());
        setup.functions().forEach((name, function) -> functions.put(name, UserCallables.function(name, function)));
        globals = Map.copyOf(setup.globals());
    }

    @Override
    public Map<String, Filter> getFilters() {
        return filters;
    }

    @Override
    public Map<String, Test> getTests() {
        return tests;
    }

    @Override
    public Map<String, Function> getFunctions() {
        return functions;
    }

    @Override
    public List<TokenParser> getTokenParsers() {
        return List.of(new JinjaIfParser());
    }

    @Override
    public List<BinaryOperator> getBinaryOperators() {
        return List.of();
    }

    @Override
    public List<UnaryOperator> getUnaryOperators() {
        return List.of();
    }

    @Override
    public Map<String, Object> getGlobalVariables() {
        return globals;
    }

    @Override
    public List<NodeVisitorFactory> getNodeVisitors() {
        return List.of(new Autoescape());
    }

    @Override
    public List<AttributeResolver> getAttributeResolver() {
        return List.of(new JavaAttributes());
    }
}
