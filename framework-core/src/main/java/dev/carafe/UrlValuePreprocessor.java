package dev.carafe;

import java.util.Map;

/**
 * A function run on the values of the matched rule before the before-functions and the handler,
 * Flask's {@code url_value_preprocessor}: it may take a value out of them (a language code every
 * URL carries) and keep it in {@code g}, so that handlers do not each take it as a parameter.
 *
 * <pre>{@code
 * app.urlValuePreprocessor((request, values) -> request.g().put("lang", values.remove("lang")));
 * app.get("/<lang>/about", request -> "about, in " + request.g().get("lang"));
 * }</pre>
 *
 * <p>It runs only when a rule matched. Pair it with {@link UrlDefaults}, which puts the value back
 * when URLs are built.
 */
@FunctionalInterface
public interface UrlValuePreprocessor {

    /**
     * Reads or changes the matched values.
     *
     * @param request the request; its endpoint is the matched rule's
     * @param values the rule's values, mutable: what is left becomes {@link Request#viewArgs()}
     * @throws Exception any failure, handled like a handler's
     */
    void preprocess(Request request, Map<String, Object> values) throws Exception;
}
