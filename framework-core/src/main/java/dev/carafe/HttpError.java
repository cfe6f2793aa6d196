package dev.carafe;

import dev.carafe.gateway.Header;
import dev.carafe.gateway.Status;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An HTTP error a handler throws to answer with a 4xx or 5xx status: Werkzeug's
 * {@code HTTPException} family. Uncaught, it becomes a small error page (HTML for browsers,
 * {@code application/problem+json} for API clients) carrying its {@link #description()}; an error
 * handler registered for its status or its class can answer instead.
 *
 * <pre>{@code
 * Post post = posts.find(id).orElseThrow(() -> new HttpError.NotFound("Post id " + id + " doesn't exist."));
 * if (!post.author().equals(user)) {
 *     HttpError.abort(403);
 * }
 * }</pre>
 *
 * <p>Each common status has a nested class, so that error handlers can be registered by class
 * ({@code app.errorHandler(HttpError.NotFound.class, ...)}); {@link #of(int, String)} picks it.
 * The description is shown to the client (HTML-escaped): never put secrets in it.
 */
public class HttpError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The status code, 400 to 599. */
    private final int status;
    /** The text shown to the client, or null for the status's standard text. */
    private final String detail;
    /** Extra response headers, such as {@code Allow} or {@code WWW-Authenticate}. */
    private final transient List<Header> headers;

    /**
     * Creates an error with a status, a description and extra headers; for subclasses of your own.
     *
     * @param status a status code from 400 to 599
     * @param description the text shown to the client; empty for the status's standard text
     * @param headers headers the error response carries, such as {@code Retry-After}
     * @throws IllegalArgumentException if the status is not from 400 to 599
     */
    protected HttpError(int status, Optional<String> description, List<Header> headers) {
        super(message(status, description));
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("An HttpError needs a status from 400 to 599, got " + status
                    + ". For a redirect return Response.redirect(location); for a success return a Response.");
        }
        this.status = status;
        this.detail = description.orElse(null);
        this.headers = List.copyOf(headers);
    }

    /**
     * Creates the error for a status: an instance of the nested class when there is one
     * ({@code of(404, ...)} is a {@link NotFound}).
     *
     * @param status a status code from 400 to 599
     * @param description the text shown to the client
     * @return the error, not thrown
     * @throws IllegalArgumentException if the status is not from 400 to 599
     */
    public static HttpError of(int status, String description) {
        return create(status, Optional.of(Objects.requireNonNull(description, "description")));
    }

    /**
     * Creates the error for a status with the status's standard description.
     *
     * @param status a status code from 400 to 599
     * @return the error, not thrown
     * @throws IllegalArgumentException if the status is not from 400 to 599
     */
    public static HttpError of(int status) {
        return create(status, Optional.empty());
    }

    /**
     * Throws the error for a status, Flask's {@code abort(404, "...")}. It never returns; the return
     * type lets you write {@code throw HttpError.abort(...)} where the compiler needs a throw.
     *
     * @param status a status code from 400 to 599
     * @param description the text shown to the client
     * @return never
     * @throws HttpError always
     */
    public static HttpError abort(int status, String description) {
        throw of(status, description);
    }

    /**
     * Throws the error for a status with its standard description.
     *
     * @param status a status code from 400 to 599
     * @return never
     * @throws HttpError always
     */
    public static HttpError abort(int status) {
        throw of(status);
    }

    /**
     * Ends the request with a ready response, Flask's {@code abort(response)}: for helper code deep
     * in a handler's calls that must answer with a response of its own (a JSON 401 for an API, a
     * redirect to a login page). It throws {@link EarlyResponse}, which the App sends as it is: the
     * after-request functions run, the error handlers do not.
     *
     * @param response the answer
     * @return never; declared so that {@code orElseThrow(() -> HttpError.abort(response))} reads well
     * @throws EarlyResponse always
     */
    public static HttpError abort(Response response) {
        throw new EarlyResponse(response);
    }

    /** @return the status code, for example 404 */
    public int status() {
        return status;
    }

    /** @return the standard reason phrase of the status, for example {@code Not Found} */
    public String title() {
        return Status.reason(status).orElse("Error " + status);
    }

    /** @return the description given when the error was created, if any */
    public Optional<String> description() {
        return Optional.ofNullable(detail);
    }

    /** @return the description, or the status's standard text when none was given */
    public String descriptionOrDefault() {
        return description().orElseGet(() -> ErrorTexts.standard(status));
    }

    /** @return the extra headers the error response carries, for example {@code Allow} for 405 */
    public List<Header> headers() {
        return headers;
    }

    private static String message(int status, Optional<String> description) {
        return status + " " + Status.reason(status).orElse("Error") + description.map(d -> ": " + d).orElse("");
    }

    private static HttpError create(int status, Optional<String> description) {
        return switch (status) {
            case 400 -> new BadRequest(description);
            case 401 -> new Unauthorized(description, List.of());
            case 403 -> new Forbidden(description);
            case 404 -> new NotFound(description);
            case 409 -> new Conflict(description);
            case 413 -> new PayloadTooLarge(description);
            case 415 -> new UnsupportedMediaType(description);
            case 422 -> new UnprocessableContent(description);
            case 500 -> new InternalServerError(description);
            default -> new HttpError(status, description, List.of());
        };
    }

    /** 400 Bad Request: the request is malformed or misses something the handler needs. */
    public static final class BadRequest extends HttpError {
        private static final long serialVersionUID = 1L;

        /** @param description what was wrong with the request */
        public BadRequest(String description) {
            this(Optional.of(description));
        }

        BadRequest(Optional<String> description) {
            super(400, description, List.of());
        }
    }

    /** 401 Unauthorized: the request needs credentials. */
    public static final class Unauthorized extends HttpError {
        private static final long serialVersionUID = 1L;

        /** @param description what is needed, for example {@code Log in to see your orders.} */
        public Unauthorized(String description) {
            this(Optional.of(description), List.of());
        }

        /**
         * @param description what is needed
         * @param wwwAuthenticate the challenge sent as {@code WWW-Authenticate}, for example {@code Bearer realm="api"}
         */
        public Unauthorized(String description, String wwwAuthenticate) {
            this(Optional.of(description), List.of(new Header("WWW-Authenticate", wwwAuthenticate)));
        }

        Unauthorized(Optional<String> description, List<Header> headers) {
            super(401, description, headers);
        }
    }

    /** 403 Forbidden: the client may not do this. */
    public static final class Forbidden extends HttpError {
        private static final long serialVersionUID = 1L;

        /** @param description why it is not allowed */
        public Forbidden(String description) {
            this(Optional.of(description));
        }

        Forbidden(Optional<String> description) {
            super(403, description, List.of());
        }
    }

    /** 404 Not Found: no route matches, or the thing the route names does not exist. */
    public static final class NotFound extends HttpError {
        private static final long serialVersionUID = 1L;

        /** @param description what was not found, for example {@code Post id 2 doesn't exist.} */
        public NotFound(String description) {
            this(Optional.of(description));
        }

        /** A 404 with the standard description. */
        public NotFound() {
            this(Optional.empty());
        }

        NotFound(Optional<String> description) {
            super(404, description, List.of());
        }
    }

    /** 405 Method Not Allowed: the path exists but not for this method; carries {@code Allow}. */
    public static final class MethodNotAllowed extends HttpError {
        private static final long serialVersionUID = 1L;

        /** The methods the path accepts. */
        private final Set<String> allowed;

        /** @param allowed the methods the path accepts, in {@code Allow} order */
        public MethodNotAllowed(Set<String> allowed) {
            super(405, Optional.empty(), List.of(new Header("Allow", String.join(", ", allowed))));
            this.allowed = Set.copyOf(allowed);
        }

        /** @return the methods the path accepts */
        public Set<String> allowed() {
            return allowed;
        }
    }

    /** 409 Conflict: the request conflicts with the current state of the resource. */
    public static final class Conflict extends HttpError {
        private static final long serialVersionUID = 1L;

        /** @param description what conflicts */
        public Conflict(String description) {
            this(Optional.of(description));
        }

        Conflict(Optional<String> description) {
            super(409, description, List.of());
        }
    }

    /** 413 Content Too Large: the body, a form field or the number of parts passed a limit. */
    public static final class PayloadTooLarge extends HttpError {
        private static final long serialVersionUID = 1L;

        /** @param description which limit was passed */
        public PayloadTooLarge(String description) {
            this(Optional.of(description));
        }

        PayloadTooLarge(Optional<String> description) {
            super(413, description, List.of());
        }
    }

    /** 415 Unsupported Media Type: the body's content type is not the one the handler reads. */
    public static final class UnsupportedMediaType extends HttpError {
        private static final long serialVersionUID = 1L;

        /** @param description the type received and the type expected */
        public UnsupportedMediaType(String description) {
            this(Optional.of(description));
        }

        UnsupportedMediaType(Optional<String> description) {
            super(415, description, List.of());
        }
    }

    /** 422 Unprocessable Content: well-formed, but the values are not acceptable. */
    public static final class UnprocessableContent extends HttpError {
        private static final long serialVersionUID = 1L;

        /** @param description which value is wrong and why */
        public UnprocessableContent(String description) {
            this(Optional.of(description));
        }

        UnprocessableContent(Optional<String> description) {
            super(422, description, List.of());
        }
    }

    /** 500 Internal Server Error: what an unhandled exception becomes. */
    public static final class InternalServerError extends HttpError {
        private static final long serialVersionUID = 1L;

        /** @param description shown to the client: keep details out unless debugging */
        public InternalServerError(String description) {
            this(Optional.of(description));
        }

        InternalServerError(Optional<String> description) {
            super(500, description, List.of());
        }
    }
}
