package dev.carafe.templates;

import dev.carafe.Request;
import java.util.Map;

/**
 * Adds variables to every template rendered during a request, Flask's {@code @app.context_processor}.
 * The model given to {@code render} wins over a processor's variable of the same name.
 *
 * <pre>{@code
 * Templates templates = Templates.builder(app)
 *         .contextProcessor(request -> Map.of("site_name", "Flaskr", "user_agent", request.header("User-Agent").orElse("")))
 *         .build();
 * }</pre>
 *
 * <p>Processors run once per render, in the order they were added, and only inside a request:
 * a template rendered outside one (a CLI command, a test without a request) does not run them.
 */
@FunctionalInterface
public interface ContextProcessor {

    /**
     * Returns the variables to add.
     *
     * @param request the request being handled
     * @return the variables by name; never null (return {@code Map.of()} for none)
     * @throws Exception any failure, which fails the render
     */
    Map<String, ?> variables(Request request) throws Exception;
}
