package dev.carafe.templates;

import dev.carafe.App;
import dev.carafe.Request;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.util.Optional;

/**
 * What a render belongs to: the App, and the request when there is one. The template context's
 * functions ({@code url_for}, {@code get_flashed_messages}) read it from the render's variables
 * rather than from the current thread, so that a template streamed on another thread after the
 * handler returned still builds the request's URLs.
 *
 * @param app the App
 * @param request the request being handled, empty outside a request
 */
record RenderScope(App app, Optional<Request> request) {

    /** The variable holding the scope: a name with a dot, which a template cannot write as a variable. */
    static final String VARIABLE = "carafe.render";

    /** Finds the scope of the render a function is called from. */
    static RenderScope of(EvaluationContext context, PebbleTemplate template, int line) {
        if (context.getVariable(VARIABLE) instanceof RenderScope scope) {
            return scope;
        }
        throw new PebbleException(null, "this function works only in templates rendered through Carafe's Templates",
                line, template.getName());
    }
}
