package dev.carafe;

/**
 * Code that runs inside a request context made up for a test ({@link App#testRequestContext}). It
 * may throw, checked exceptions included: what it throws propagates out of
 * {@code testRequestContext} unchanged, after the teardown functions ran.
 *
 * <pre>{@code
 * app.testRequestContext("/posts/1", context -> {
 *     Post post = Posts.load(context);          // may throw SQLException
 *     assertEquals("/posts/1", context.request().path());
 * });
 * }</pre>
 */
@FunctionalInterface
public interface ContextAction {

    /**
     * Runs the code.
     *
     * @param context the request context, bound to the current thread while this runs
     * @throws Exception anything the code throws
     */
    void run(RequestContext context) throws Exception;
}
