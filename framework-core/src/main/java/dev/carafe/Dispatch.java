package dev.carafe;

import dev.carafe.gateway.StartResponse;
import dev.carafe.routing.RouteMatch;
import java.lang.System.Logger.Level;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The per-request flow of a frozen App, Flask's {@code wsgi_app}: bind the context, match, run the
 * before-functions, the handler, the conversion of its value, the after-functions and the session
 * save; turn exceptions into responses; tear down whatever happened: before {@code call} returns,
 * or for a streamed body when the server closes it (see {@link ContextBody}). Hooks are those of the
 * matched rule's {@link Scope} (the App's, then its blueprints'); error handlers those of the
 * matched rule's scope or, when no rule matched, of the blueprint owning the path's prefix.
 */
final class Dispatch {

    private static final System.Logger LOG = AppLog.logger();

    private final App app;
    private final Routes routes;
    private final Blueprints blueprints;
    private final Settings settings;

    Dispatch(App app) {
        this.app = app;
        this.routes = app.routes;
        this.blueprints = app.blueprints;
        this.settings = app.settings;
    }

    Iterable<byte[]> call(Map<String, Object> environ, StartResponse startResponse) throws Exception {
        RequestContext context = new RequestContext(new AppContext(app), environ);
        Answer answer = context.bind(() -> respond(context));
        if (!answer.response().streamed()) {
            return answer.response().call(environ, startResponse);   // the Response drops the body for HEAD
        }
        Iterable<byte[]> body;
        try {
            body = context.bind(() -> answer.response().call(environ, startResponse));
        } catch (Exception | Error e) {
            context.bindUnchecked(() -> tearDownAfter(context, e));
            throw e;
        }
        return ContextBody.of(body, context, answer.error(), this::tearDown);
    }

    /**
     * A request's response, and the exception it answers when an error handler made it. A streamed
     * response leaves the contexts open: its {@link ContextBody} tears them down when closed.
     */
    private record Answer(Response response, Optional<Throwable> error) {
    }

    /** Runs code in a context without a handler ({@code app.testRequestContext}), tearing down after. */
    void runInContext(Map<String, Object> environ, ContextAction action) {
        RequestContext context = new RequestContext(new AppContext(app), environ);
        Request request = context.request();
        if (routes.router().match(request.method(), request.host(), request.path()) instanceof RouteMatch.Found found) {
            context.matched(found.endpoint(), found.values(), routes.target(found.rule()).scope());
        }
        try {
            context.bind(() -> {
                Throwable failure = null;
                try {
                    action.run(context);
                } catch (Exception | Error e) {
                    failure = e;
                    throw e;
                } finally {
                    tearDown(context, Optional.ofNullable(failure));
                }
                return null;
            });
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw Dispatch.<RuntimeException>unchecked(e);
        }
    }

    /** Throws a checked exception without declaring it: the test helpers let the caller's own exceptions through. */
    @SuppressWarnings("unchecked")
    private static <E extends Exception> E unchecked(Exception e) throws E {
        throw (E) e;
    }

    private Answer respond(RequestContext context) throws Exception {
        Throwable unhandled = null;
        Response response = null;
        try {
            try {
                response = finish(context, dispatch(context), false);
            } catch (Exception e) {
                unhandled = e;
                response = handleException(context, e);
            }
            return new Answer(response, Optional.ofNullable(unhandled));
        } catch (Throwable t) {
            unhandled = unhandled == null ? t : unhandled;
            throw t;
        } finally {
            if (response == null || !response.streamed()) {
                if (unhandled == null) {
                    tearDown(context, Optional.empty());
                } else {
                    tearDownAfter(context, unhandled);
                }
            }
        }
    }

    /**
     * Matching, before-functions, the handler and the conversion of its value; exceptions from them
     * (an empty Optional returned, an HttpError thrown) go to the error handlers.
     */
    private Response dispatch(RequestContext context) throws Exception {
        Request request = context.request();
        try {
            settings.trustedHosts.ifPresent(trusted -> trusted.check(request));   // before any routing or URL
            RouteMatch match = routes.router().match(request.method(), request.host(), request.path());
            Routes.Target target = null;
            if (match instanceof RouteMatch.Found found) {
                target = routes.target(found.rule());
                context.matched(found.endpoint(), found.values(), target.scope());
                preprocessValues(context, found, target.scope());
            }
            Optional<Response> early = context.scope().requestHooks().runBefore(request);
            if (early.isPresent()) {
                return early.get();
            }
            if (match instanceof RouteMatch.Found found) {
                return found(request, found, target);
            }
            if (match instanceof RouteMatch.Redirect redirect) {
                return Response.redirect(redirect.location(request.scriptRoot(), request.queryString()),
                        redirect.status());
            }
            if (match instanceof RouteMatch.MethodNotAllowed refused) {
                throw new HttpError.MethodNotAllowed(allowed(refused.allowed()));
            }
            throw new HttpError.NotFound();
        } catch (Exception e) {
            return handleUserException(context, e);
        }
    }

    /** Flask's {@code url_value_preprocessor}s of the matched rule's scope, on a copy that becomes the view args. */
    private static void preprocessValues(RequestContext context, RouteMatch.Found found, Scope scope) throws Exception {
        List<UrlValuePreprocessor> preprocessors = scope.requestHooks().urlValuePreprocessors;
        if (preprocessors.isEmpty()) {
            return;
        }
        Map<String, Object> values = new LinkedHashMap<>(found.values());
        for (UrlValuePreprocessor preprocessor : preprocessors) {
            preprocessor.preprocess(context.request(), values);
        }
        context.matched(found.endpoint(), Collections.unmodifiableMap(values), scope);
    }

    private Response found(Request request, RouteMatch.Found found, Routes.Target target) throws Exception {
        if (request.method().equals("OPTIONS") && !found.rule().methods().contains("OPTIONS")) {
            Set<String> allowed = allowed(routes.router().allowedMethods(request.host(), request.path()));
            if (!settings.automaticOptions) {
                throw new HttpError.MethodNotAllowed(allowed);
            }
            return Response.text("").withHeader("Allow", String.join(", ", allowed));
        }
        return ReturnValues.toResponse(target.handler().handle(request), target.name());
    }

    /** The methods for {@code Allow}: the router's, without OPTIONS when the App does not answer it itself. */
    private Set<String> allowed(Set<String> methods) {
        if (settings.automaticOptions || !methods.contains("OPTIONS")) {
            return methods;
        }
        Set<String> without = new LinkedHashSet<>(methods);
        without.remove("OPTIONS");
        return without;
    }

    /**
     * The error handlers for a request: those of the matched rule's scope, or when no rule matched
     * (404, 405) those of the blueprint whose URL prefix the path falls under; the App's last.
     */
    private List<ErrorHandlers> errorHandlers(RequestContext context) {
        if (context.endpoint().isPresent()) {
            return context.scope().handlerChain();
        }
        return blueprints.owner(context.request().path()).orElse(context.scope()).handlerChain();
    }

    /** Flask's {@code handle_user_exception}: a matching error handler, the default page for HTTP errors, else rethrow. */
    private Response handleUserException(RequestContext context, Exception error) throws Exception {
        if (error instanceof EarlyResponse early) {
            return early.response();   // the answer, not an error: no handler sees it (Flask's abort(response))
        }
        Request request = context.request();
        Optional<HttpError> http = HttpErrors.translate(error);
        Optional<ErrorHandlers.Found> handler = ErrorHandlers.find(errorHandlers(context), error, http);
        if (handler.isPresent()) {
            Throwable handled = handler.get().error();
            return ReturnValues.toResponse(handler.get().handler().handle(request, handled),
                    name(request, "the error handler for " + handled.getClass().getName()));
        }
        if (http.isPresent()) {
            return ErrorPages.response(request, http.get(), settings.json);
        }
        throw error;
    }

    /** Flask's {@code handle_exception}: an unhandled exception becomes a 500 (or reaches the test in testing mode). */
    private Response handleException(RequestContext context, Exception error) throws Exception {
        if (settings.testing) {
            throw error;
        }
        Request request = context.request();
        String requestLine = AppLog.requestLine(request.environ());
        LOG.log(Level.ERROR, "Exception on " + requestLine + "; answering 500 Internal Server Error.", error);
        if (settings.debug && LocalClient.is(request.environ())) {
            return finish(context, DebugPage.response(request, error, settings), true);
        }
        HttpError.InternalServerError serverError = new HttpError.InternalServerError(ErrorTexts.standard(500));
        serverError.initCause(error);
        Response response;
        try {
            Optional<ErrorHandlers.Found> handler = ErrorHandlers.find(errorHandlers(context), serverError,
                    Optional.of(serverError));
            response = handler.isPresent()
                    ? ReturnValues.toResponse(handler.get().handler().handle(request, serverError),
                            name(request, "the error handler for 500"))
                    : ErrorPages.response(request, serverError, settings.json);
        } catch (Exception e) {
            LOG.log(Level.ERROR, "The error handler for 500 failed on " + requestLine
                    + "; answering with the default 500 page.", e);
            response = ErrorPages.response(request, serverError, settings.json);
        }
        return finish(context, response, true);
    }

    /** Flask's {@code finalize_request}: run the after-functions, save the session, write JSON bodies. */
    private Response finish(RequestContext context, Response handled, boolean fromErrorHandler) throws Exception {
        Request request = context.request();
        Response response = handled;
        List<AfterRequest> after = context.scope().requestHooks().after;
        try {
            for (AfterRequest hook : context.afterThisRequest()) {   // Flask runs the request's own first
                response = after(hook, request, response, "An after-this-request function");
            }
            for (int i = after.size() - 1; i >= 0; i--) {
                response = after(after.get(i), request, response, "An after-request function");
            }
            Optional<Session> session = context.openedSession();
            if (session.isEmpty() && settings.sessions.isPresent() && settings.sessions.get().saveWhenUnused(request)) {
                session = Optional.of(context.session());
            }
            if (session.isPresent() && settings.sessions.isPresent()) {
                response = settings.sessions.get().save(request, session.get(), response);
            }
            return response.serialized(settings.json);   // a JSON value that cannot be written fails here, answered as any error
        } catch (Exception e) {
            if (!fromErrorHandler) {
                throw e;
            }
            LOG.log(Level.ERROR, "An after-request function failed while answering an error on "
                    + AppLog.requestLine(request.environ()) + "; sending the error response without it.", e);
            return handled.serialized(settings.json);
        }
    }

    private static Response after(AfterRequest hook, Request request, Response response, String what) throws Exception {
        Response changed = hook.after(request, response);
        if (changed == null) {
            throw new IllegalStateException(what + " returned null; return the response it received, or another one.");
        }
        return changed;
    }

    /** How messages about a returned value name its producer: the endpoint, and who produced it when not the handler. */
    private static String name(Request request, String producer) {
        return "'" + request.endpoint().orElse(request.path()) + "' (" + producer + ")";
    }

    /** Tears down after an exception that propagates: a teardown failure is suppressed by it. */
    private Throwable tearDownAfter(RequestContext context, Throwable unhandled) {
        try {
            tearDown(context, Optional.of(unhandled));
        } catch (RuntimeException e) {
            unhandled.addSuppressed(e);
        }
        return unhandled;
    }

    /** Teardown-request functions, then the body's temporary files, then the app context; then the test client's sink. */
    private void tearDown(RequestContext context, Optional<Throwable> error) {
        Request request = context.request();
        try {
            context.scope().requestHooks().teardownRequest(request, error, () -> settings.testing);
        } finally {
            try {
                request.close();
            } finally {
                context.appContext().close(error);
                if (request.environ().get(ContextSink.KEY) instanceof ContextSink sink) {
                    sink.accept(context);
                }
            }
        }
    }
}
