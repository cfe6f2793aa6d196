package dev.carafe;

import dev.carafe.gateway.Environ;
import dev.carafe.gateway.middleware.ConditionalRequest;
import dev.carafe.gateway.middleware.ConditionalRequest.RangeSpec;
import java.io.InputStream;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import tools.jackson.core.type.TypeReference;

/**
 * The request being handled, read from the gateway environ: method, path and URL parts, query
 * arguments, headers, cookies, and the body as bytes, a stream, a form or JSON. Handlers receive it;
 * it also leads to the {@link #context()} (with {@code g} and the session) and builds URLs.
 *
 * <pre>{@code
 * app.post("/posts", request -> {
 *     String title = request.form().get("title");          // missing: 400 naming "title"
 *     int page = request.args().first("page").map(Integer::parseInt).orElse(1);
 *     return Response.redirect(request.urlFor("posts", Map.of("page", page)));
 * });
 * }</pre>
 *
 * <p>Parsed parts are computed on first use and kept. The body can be read once: after
 * {@link #stream()} was consumed, {@link #body()}, {@link #form()} and {@code json} see what is
 * left. A request belongs to the thread handling it.
 */
public final class Request {

    private final RequestContext context;
    private final Map<String, Object> environ;
    private final RequestBody body;
    private String path;
    private Map<String, String> headers;
    private MultiMap args;
    private Map<String, String> cookies;

    Request(RequestContext context, Map<String, Object> environ) {
        this.context = context;
        this.environ = environ;
        this.body = new RequestBody(environ, context::app);
    }

    /** @return the method, upper case as received, for example {@code GET} */
    public String method() {
        return cgi(Environ.REQUEST_METHOD);
    }

    /**
     * The path below the application's mount point, decoded as UTF-8: {@code PATH_INFO} as text.
     *
     * @return for example {@code /users/7} or {@code /café}; {@code /} for the mount point itself
     */
    public String path() {
        if (path == null) {
            String decoded = Environ.utf8(cgi(Environ.PATH_INFO));
            path = decoded.startsWith("/") ? decoded : "/" + decoded;
        }
        return path;
    }

    /**
     * The mount point of the application ({@code SCRIPT_NAME}) decoded as UTF-8, without a trailing
     * slash: {@code ""} when the application is at the root.
     *
     * @return for example {@code /blog}
     */
    public String scriptRoot() {
        String root = Environ.utf8(cgi(Environ.SCRIPT_NAME));
        return root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
    }

    /** @return the full URL the client asked for, percent-encoded, for example {@code http://example.com/blog/7?x=1} */
    public String url() {
        return Environ.requestUrl(environ);
    }

    /** @return the URL of the application root with a trailing slash, for example {@code http://example.com/blog/} */
    public String rootUrl() {
        return Environ.applicationUrl(environ) + "/";
    }

    /** @return the scheme, {@code http} or {@code https} (after the proxy-fix middleware, the client's) */
    public String scheme() {
        return String.valueOf(environ.getOrDefault(Environ.GATEWAY_URL_SCHEME, "http"));
    }

    /**
     * The host the client asked for: the {@code Host} header, else the server's name and port. The client
     * chooses it: set {@code TRUSTED_HOSTS} ({@code app.trustedHosts}) so that only your hosts get this far.
     *
     * @return for example {@code example.com} or {@code localhost:5000}
     */
    public String host() {
        String host = cgi("HTTP_HOST");
        if (!host.isEmpty()) {
            return host;
        }
        String port = cgi(Environ.SERVER_PORT);
        boolean defaultPort = port.isEmpty() || port.equals(scheme().equals("https") ? "443" : "80");
        return defaultPort ? cgi(Environ.SERVER_NAME) : cgi(Environ.SERVER_NAME) + ":" + port;
    }

    /** @return the raw query string, not decoded, {@code ""} when there is none */
    public String queryString() {
        return cgi(Environ.QUERY_STRING);
    }

    /**
     * The query arguments, decoded as UTF-8; a name may have several values.
     *
     * @return for {@code ?tag=a&tag=b&page=2}: {@code all("tag")} is {@code [a, b]}, {@code get("page")} is {@code 2}
     */
    public MultiMap args() {
        if (args == null) {
            args = FormParser.query(queryString());
        }
        return args;
    }

    /**
     * The form fields of an {@code application/x-www-form-urlencoded} or {@code multipart/form-data}
     * body; empty for any other body. {@code form().get("title")} of a missing field answers 400.
     *
     * A body past the App's form limits is answered with 413, a malformed one with 400.
     *
     * @return the fields
     */
    public MultiMap form() {
        return body.form().fields();
    }

    /**
     * The uploaded files of a {@code multipart/form-data} body, by field name. Files above the
     * spool threshold are on disk until the request ends.
     *
     * @return the files; empty for any other body
     */
    public Map<String, List<UploadedFile>> files() {
        return body.form().files();
    }

    /**
     * Reads the body as JSON into a type (Jackson): a record, a POJO, {@code Map.class}.
     *
     * @param type the class to read
     * @param <T> the type
     * @return the value
     * @throws HttpError.UnsupportedMediaType (415) unless the content type is JSON
     * @throws HttpError (400) when the body is not JSON or does not fit the type, with the parser's reason
     */
    public <T> T json(Class<T> type) {
        return body.json(context.app().settings.json.type(type));
    }

    /**
     * Reads the body as JSON into a generic type, for example {@code new TypeReference<List<Post>>() {}}.
     *
     * @param type the type to read
     * @param <T> the type
     * @return the value
     * @throws HttpError.UnsupportedMediaType (415) unless the content type is JSON
     * @throws HttpError (400) when the body is not JSON or does not fit the type
     */
    public <T> T json(TypeReference<T> type) {
        return body.json(context.app().settings.json.type(type.getType()));
    }

    /**
     * A request header.
     *
     * @param name the field name, in any case
     * @return its value (repeated fields joined with {@code ", "}), or empty
     */
    public Optional<String> header(String name) {
        return Environ.header(environ, name);
    }

    /**
     * All request headers by name; lookups ignore case.
     *
     * @return an unmodifiable map such as {@code {Accept=*}{@code /*, User-Agent=curl/8.5}}
     */
    public Map<String, String> headers() {
        if (headers == null) {
            Map<String, String> all = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            environ.forEach((key, value) -> {
                if (value instanceof String text) {
                    HeaderNames.fromKey(key).ifPresent(name -> all.put(name, text));
                }
            });
            headers = Collections.unmodifiableMap(all);
        }
        return headers;
    }

    /**
     * The cookies the client sent ({@code Cookie} header): the first value of each name, quotes
     * removed, malformed pairs skipped.
     *
     * @return an unmodifiable map, empty without cookies
     */
    public Map<String, String> cookies() {
        if (cookies == null) {
            cookies = header("Cookie").map(CookieHeader::parse).orElse(Map.of());
        }
        return cookies;
    }

    /**
     * Sets this request's own body limit, Flask 3.1's {@code request.max_content_length = n}: a
     * larger body is answered with 413 as under {@link App#maxContentLength(long)}, which it
     * replaces for this request only. Call it before the body is read, in a before-function (a
     * blueprint's, for its routes) or at the start of the handler: one upload route can take more
     * than the App's small default, or an API less.
     *
     * @param bytes the most bytes the body may have, not negative
     * @throws IllegalArgumentException if {@code bytes} is negative
     * @throws IllegalStateException if the body was already read
     */
    public void maxContentLength(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("A request's maxContentLength must be 0 or more, got " + bytes
                    + "; to keep the App's limit, do not set one.");
        }
        body.limits(limits -> limits.withMaxContentLength(bytes));
    }

    /**
     * Sets this request's own form limits, Flask 3.1's {@code request.max_form_memory_size} and
     * {@code max_form_parts}, as {@link App#maxFormSize(long, int)} does for every request.
     *
     * @param bytes the most bytes of form data kept in memory, not negative
     * @param parts the most parts of a multipart body, at least 1
     * @throws IllegalArgumentException if a value is out of range
     * @throws IllegalStateException if the body was already read
     */
    public void maxFormSize(long bytes, int parts) {
        body.limits(limits -> limits.withMaxFormMemorySize(bytes).withMaxFormParts(parts));
    }

    /** @return the body limit this request is read under: its own if set, else the App's; empty for none */
    public OptionalLong maxContentLength() {
        return body.limits().maxContentLength();
    }

    /**
     * The client's {@code Accept} header, parsed for content negotiation, Werkzeug's
     * {@code accept_mimetypes}: {@code request.accept().bestMatch("application/json", "text/html")}.
     * Without the header every type is acceptable, so the first one offered wins.
     *
     * @return the parsed header
     */
    public AcceptHeader accept() {
        return AcceptHeader.parse(header("Accept").orElse(""));
    }

    /**
     * The credentials of the {@code Authorization} header, Werkzeug's {@code authorization}:
     * {@link Authorization.Basic} (user name and password), {@link Authorization.Bearer} (a token),
     * or {@link Authorization.Other}.
     *
     * @return the credentials; empty without the header or when they are malformed
     */
    public Optional<Authorization> authorization() {
        return header("Authorization").flatMap(AuthorizationHeader::parse);
    }

    /** @return the tags of {@code If-Match}, Werkzeug's {@code if_match}; empty without the header */
    public EntityTagSet ifMatch() {
        return EntityTagSet.parse(header("If-Match"));
    }

    /** @return the tags of {@code If-None-Match}, Werkzeug's {@code if_none_match}; empty without the header */
    public EntityTagSet ifNoneMatch() {
        return EntityTagSet.parse(header("If-None-Match"));
    }

    /** @return the date of {@code If-Modified-Since}; empty without the header or when it is not an HTTP date */
    public Optional<Instant> ifModifiedSince() {
        return header("If-Modified-Since").flatMap(ConditionalRequest::parseDate);
    }

    /** @return the date of {@code If-Unmodified-Since}; empty without the header or when it is not an HTTP date */
    public Optional<Instant> ifUnmodifiedSince() {
        return header("If-Unmodified-Since").flatMap(ConditionalRequest::parseDate);
    }

    /**
     * The byte ranges of the {@code Range} header, Werkzeug's {@code range}; see
     * {@link Response#conditional(Request, boolean)} to answer them.
     *
     * @return the ranges in order; empty without the header, for another unit, or when it does not parse
     */
    public Optional<List<RangeSpec>> range() {
        return header("Range").flatMap(ConditionalRequest::parseRange);
    }

    /** @return the raw {@code User-Agent} header, if any (Werkzeug 3 no longer parses it either) */
    public Optional<String> userAgent() {
        return header("User-Agent");
    }

    /**
     * One cookie the client sent.
     *
     * @param name the cookie's name, case-sensitive
     * @return its value, or empty
     */
    public Optional<String> cookie(String name) {
        return Optional.ofNullable(cookies().get(name));
    }

    /** @return the {@code Content-Type} of the body, if any */
    public Optional<String> contentType() {
        return Optional.ofNullable((String) environ.get(Environ.CONTENT_TYPE)).filter(s -> !s.isEmpty());
    }

    /** @return the declared body length, empty for a chunked body or none */
    public OptionalLong contentLength() {
        return body.declaredLength();
    }

    /**
     * The body as bytes, read on first use and kept. A body larger than the App's maximum content
     * length is answered with 413.
     *
     * @return the bytes, empty when there is no body
     * @throws java.io.UncheckedIOException when reading fails (the client went away, a timeout)
     */
    public byte[] body() {
        return body.bytes();
    }

    /**
     * The body as a stream, for large bodies read piece by piece; never close it yourself. Reading
     * past the App's maximum content length fails, and the request is answered with 413.
     *
     * @return the stream
     */
    public InputStream stream() {
        return body.stream();
    }

    /** @return the client's address: {@code REMOTE_ADDR} (the client's, after the proxy-fix middleware) */
    public Optional<String> remoteAddr() {
        return Optional.ofNullable((String) environ.get(Environ.REMOTE_ADDR)).filter(s -> !s.isEmpty());
    }

    /** @return the endpoint of the matched rule, empty when none matched */
    public Optional<String> endpoint() {
        return context.endpoint();
    }

    /**
     * The full dotted name of the blueprint whose rule matched, Flask's {@code request.blueprint}.
     *
     * @return for example {@code auth}, or {@code api.v1} for a nested blueprint; empty for the
     *     App's own rules and when no rule matched
     */
    public Optional<String> blueprint() {
        return context.blueprint();
    }

    /** @return the typed values the router extracted from the path, for example {@code {id=7}} */
    public Map<String, Object> viewArgs() {
        return context.viewArgs();
    }

    /**
     * One value the router extracted from the path, as {@code type}: {@code request.viewArg("id",
     * Integer.class)} for {@code <int:id>}, without a cast. A value of another type is converted as a
     * controller's parameter is ({@code <int:id>} read as {@code Long}, {@code <id>} as {@code Integer}).
     *
     * @throws IllegalArgumentException when the matched rule has no such variable, or {@code type} is
     *     not one Carafe converts to
     * @throws HttpError.BadRequest when the value does not convert ({@code <slug>} read as an {@code Integer})
     */
    public <T> T viewArg(String name, Class<T> type) {
        Object value = viewArgs().get(Objects.requireNonNull(name, "name"));
        if (value == null) {
            throw new IllegalArgumentException("The matched rule has no variable '" + name + "'; its variables are "
                    + viewArgs().keySet() + ". Fix the name, or the rule.");
        }
        @SuppressWarnings("unchecked")
        Class<T> boxed = (Class<T>) ValueConversion.boxed(type);
        if (boxed.isInstance(value)) {
            return boxed.cast(value);
        }
        ValueConversion conversion = ValueConversion.to(type).orElseThrow(() -> new IllegalArgumentException(
                "The rule variable '" + name + "' cannot be read as " + type.getName() + "; use "
                        + ValueConversion.SUPPORTED + "."));
        return boxed.cast(TextBinding.convert(ParameterSource.PATH, name, String.valueOf(value), conversion));
    }

    /** @return the context of this request */
    public RequestContext context() {
        return context;
    }

    /** @return the App handling this request */
    public App app() {
        return context.app();
    }

    /** @return Flask's {@code g} for this request: the same map as {@code context().g()} */
    public Map<String, Object> g() {
        return context.g();
    }

    /** @return the client's session: the same as {@code context().session()} */
    public Session session() {
        return context.session();
    }

    /**
     * Builds the path of an endpoint for links in this request's responses: under this request's
     * {@link #scriptRoot()}; absolute only when the rule is bound to another host. An endpoint
     * starting with a dot is relative to the request's {@link #blueprint()}: in blueprint
     * {@code auth}, {@code .login} is {@code auth.login} (outside blueprints, {@code login}).
     *
     * @param endpoint the endpoint or alias, for example {@code blog.update} or {@code .update}
     * @param values the rule's variables; the other entries become the query string
     * @return for example {@code /blog/7/update}
     * @throws dev.carafe.routing.UrlBuildException when no rule fits, saying what is missing
     */
    public String urlFor(String endpoint, Map<String, ?> values) {
        return urlFor(endpoint, values, LinkOptions.of());
    }

    /**
     * Builds the URL of an endpoint as {@link #urlFor(String, Map)} does, with an anchor, the rule of
     * a method, or as an absolute URL: Flask's {@code _anchor}, {@code _method}, {@code _scheme},
     * {@code _external}.
     *
     * @param endpoint the endpoint or alias; with a leading dot, relative to the request's blueprint
     * @param values the rule's variables; the other entries become the query string
     * @param link the anchor, method, scheme and whether the URL is absolute
     * @return for example {@code /blog/7#comments}
     * @throws dev.carafe.routing.UrlBuildException when no rule fits
     */
    public String urlFor(String endpoint, Map<String, ?> values, LinkOptions link) {
        return context.app().urls.forRequest(this, endpoint, values, link);
    }

    /**
     * Builds the absolute URL of an endpoint with this request's scheme and host (after the
     * proxy-fix middleware, the ones the client used), for emails, redirects to other sites, feeds. Without
     * {@code TRUSTED_HOSTS} ({@code app.trustedHosts}) a client's {@code Host: evil.com} makes it a link to
     * {@code evil.com}.
     *
     * @param endpoint the endpoint or alias; with a leading dot, relative to the request's blueprint
     * @param values the rule's variables; the other entries become the query string
     * @return for example {@code https://example.com/blog/7/update}
     * @throws dev.carafe.routing.UrlBuildException when no rule fits
     */
    public String externalUrlFor(String endpoint, Map<String, ?> values) {
        return urlFor(endpoint, values, LinkOptions.of().asExternal());
    }

    /**
     * The gateway environ of the request, for what the accessors do not cover. Changing it is
     * allowed but not seen by values already computed.
     *
     * @return the live environ
     */
    public Map<String, Object> environ() {
        return environ;
    }

    @Override
    public String toString() {
        return method() + " " + url();
    }

    /** Releases what the body holds (spooled uploads) when the request ends. */
    void close() {
        body.close();
    }

    private String cgi(String key) {
        Object value = environ.get(key);
        return value instanceof String s ? s : "";
    }
}
