package dev.carafe;

import dev.carafe.gateway.StartResponse;
import dev.carafe.routing.RouteMatch;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The per-request flow of a frozen App, Flask's {@code wsgi_app}: bind the context, match, run the
 * before-functions, the handler, the conversion of its value, the after-functions and the session
 * save; turn exceptions into responses; tear down whatever happened.
 */
final class Dispatch {

    private static final System.Logger LOG = System.getLogger(App.class.getName());

    /** A value to turn into a response, and who produced it (for error messages). */
    private record Result(Object value, String source) {
    }

    private final App app;
    private final Routes routes;
    private final Hooks hooks;
    private final ErrorHandlers errorHandlers;
    private final Settings settings;

    Dispatch(App app) {
        this.app = app;
        this.routes = app.routes;
        this.hooks = app.hooks;
        this.errorHandlers = app.errorHandlers;
        this.settings = app.settings;
    }

    Iterable<byte[]> call(Map<String, Object> environ, StartResponse startResponse) throws Exception {
        RequestContext context = new RequestContext(new AppContext(app), environ);
        Response response = context.bind(() -> respond(context));
        return response.call(environ, startResponse);   // the Response drops the body for HEAD
    }

    /** Runs code in a context without a handler ({@code app.testRequestContext}), tearing down after. */
    void runInContext(Map<String, Object> environ, Consumer<RequestContext> action) {
        RequestContext context = new RequestContext(new AppContext(app), environ);
        Request request = context.request();
        if (routes.router().match(request.method(), request.host(), request.path()) instanceof RouteMatch.Found found) {
            context.matched(found.endpoint(), found.values());
        }
        try {
            context.bind(() -> {
                Throwable failure = null;
                try {
                    action.accept(context);
                } catch (RuntimeException | Error e) {
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
            throw new IllegalStateException(e);
        }
    }

    private Response respond(RequestContext context) throws Exception {
        Throwable unhandled = null;
        try {
            try {
                return finish(context, dispatch(context), false);
            } catch (Exception e) {
                unhandled = e;
                return handleException(context, e);
            }
        } catch (Throwable t) {
            unhandled = unhandled == null ? t : unhandled;
            throw t;
        } finally {
            if (unhandled == null) {
                tearDown(context, Optional.empty());
            } else {
                try {
                    tearDown(context, Optional.of(unhandled));
                } catch (RuntimeException e) {
                    unhandled.addSuppressed(e);
                }
            }
        }
    }

    /** Matching, before-functions and the handler; exceptions that error handlers answer become their value. */
    private Result dispatch(RequestContext context) throws Exception {
        Request request = context.request();
        try {
            RouteMatch match = routes.router().match(request.method(), request.host(), request.path());
            if (match instanceof RouteMatch.Found found) {
                context.matched(found.endpoint(), found.values());
            }
            Optional<?> early = hooks.runBefore(request);
            if (early.isPresent()) {
                return new Result(early.get(), "a before-request function");
            }
            if (match instanceof RouteMatch.Found found) {
                return found(request, found);
            }
            if (match instanceof RouteMatch.Redirect redirect) {
                return new Result(Response.redirect(redirect.location(request.scriptRoot(), request.queryString()),
                        redirect.status()), "routing");
            }
            if (match instanceof RouteMatch.MethodNotAllowed refused) {
                throw new HttpError.MethodNotAllowed(refused.allowed());
            }
            throw new HttpError.NotFound();
        } catch (Exception e) {
            return handleUserException(request, e);
        }
    }

    private Result found(Request request, RouteMatch.Found found) throws Exception {
        if (request.method().equals("OPTIONS") && !found.rule().methods().contains("OPTIONS")) {
            String allowed = String.join(", ", routes.router().allowedMethods(request.host(), request.path()));
            return new Result(Response.text("").withHeader("Allow", allowed), "automatic OPTIONS");
        }
        Routes.Target target = routes.target(found.rule());
        return new Result(target.handler().handle(request), "handler " + target.name());
    }

    /** Flask's {@code handle_user_exception}: a matching error handler, the default page for HTTP errors, else rethrow. */
    private Result handleUserException(Request request, Exception error) throws Exception {
        Optional<HttpError> http = HttpErrors.translate(error);
        Optional<ErrorHandlers.Found> handler = errorHandlers.find(error, http);
        if (handler.isPresent()) {
            return new Result(handler.get().handler().handle(request, handler.get().error()),
                    "the error handler for " + handler.get().error().getClass().getName());
        }
        if (http.isPresent()) {
            return new Result(ErrorPages.response(request, http.get(), settings.json), "the default error page");
        }
        throw error;
    }

    /** Flask's {@code handle_exception}: an unhandled exception becomes a 500 (or reaches the test in testing mode). */
    private Response handleException(RequestContext context, Exception error) throws Exception {
        if (settings.testing) {
            throw error;
        }
        Request request = context.request();
        LOG.log(Level.ERROR, "Exception on " + request.method() + " " + request.url(), error);
        HttpError.InternalServerError serverError = new HttpError.InternalServerError(
                settings.debug ? ErrorPages.debugDescription(error) : ErrorTexts.standard(500));
        serverError.initCause(error);
        Result result;
        try {
            Optional<ErrorHandlers.Found> handler = errorHandlers.find(serverError, Optional.of(serverError));
            result = handler.isPresent()
                    ? new Result(handler.get().handler().handle(request, serverError), "the error handler for 500")
                    : new Result(ErrorPages.response(request, serverError, settings.json), "the default error page");
        } catch (Exception e) {
            LOG.log(Level.ERROR, "The error handler for 500 failed on " + request.method() + " " + request.url(), e);
            result = new Result(ErrorPages.response(request, serverError, settings.json), "the default error page");
        }
        return finish(context, result, true);
    }

    /** Flask's {@code finalize_request}: convert, run the after-functions, save the session, write JSON bodies. */
    private Response finish(RequestContext context, Result result, boolean fromErrorHandler) throws Exception {
        Request request = context.request();
        Response response = toResponse(result.value(), result.source());
        try {
            for (int i = hooks.after.size() - 1; i >= 0; i--) {
                response = hooks.after.get(i).after(request, response);
                if (response == null) {
                    throw new IllegalStateException("An after-request function returned null; return the response "
                            + "it received, or another one.");
                }
            }
            Optional<Session> session = context.openedSession();
            if (session.isPresent() && settings.sessions.isPresent()) {
                response = settings.sessions.get().save(request, session.get(), response);
            }
            response = response.serialized(settings.json);   // JSON errors are answered like any other
        } catch (Exception e) {
            if (!fromErrorHandler) {
                throw e;
            }
            LOG.log(Level.ERROR, "An after-request function failed while answering an error on "
                    + request.method() + " " + request.url(), e);
        }
        return response;
    }

    /** Teardown-request functions, then the body's temporary files, then the app context; then the test client's sink. */
    private void tearDown(RequestContext context, Optional<Throwable> error) {
        Request request = context.request();
        try {
            hooks.teardownRequest(request, error, settings.testing);
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

    /** Until app-controllers' ReturnValues is merged: the value conversions the App's own tests need. */
    private static Response toResponse(Object value, String source) {
        if (value instanceof Response response) {
            return response;
        }
        if (value instanceof String text) {
            return Response.html(text);
        }
        if (value == null) {
            throw new IllegalStateException("The value returned by " + source + " is null; return a Response, a "
                    + "String or an object to send as JSON.");
        }
        return Response.json(value);
    }
}
