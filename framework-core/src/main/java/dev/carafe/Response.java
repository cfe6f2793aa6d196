package dev.carafe;

import dev.carafe.gateway.Application;
import dev.carafe.gateway.Header;
import dev.carafe.gateway.StartResponse;
import dev.carafe.gateway.Status;
import dev.carafe.gateway.middleware.ConditionalRequest;
import dev.carafe.gateway.middleware.FileResponder;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An HTTP response: a status, headers and a body, immutable, and itself a gateway
 * {@link Application} that sends them.
 *
 * <pre>{@code
 * Response.text("Hello");                                  // 200, text/plain; charset=utf-8
 * Response.json(new User(7, "ada")).withStatus(201);       // 201, application/json
 * Response.redirect("/login");                             // 302, Location: /login
 * Response.html("<p>Hi</p>").withHeader("Cache-Control", "no-store")
 *         .withCookie(Cookie.of("seen", "1").withHttpOnly(true));
 * }</pre>
 *
 * <p>Every {@code with…} method returns a new Response; the original is unchanged. Header names and
 * values are checked when they are set: a value with CR or LF (header injection), another control
 * character or a char above U+00FF, a name that is not a token, and the hop-by-hop fields the
 * server owns ({@code Connection}, {@code Transfer-Encoding}, …) throw
 * {@link IllegalArgumentException} naming the header, the value and the offending character.
 *
 * <p>Sending: byte bodies (strings, bytes, JSON) go out with {@code Content-Length}, which always
 * matches the body. {@link #stream} and {@link #chunks} bodies go out as they come, without a
 * length (the server frames them) unless one was set by hand; the stream is closed exactly once,
 * when the server closes the body, and a Response with a stream can be sent once. A {@code HEAD}
 * request gets the headers and no body; 204 and 304 responses are sent without a body,
 * {@code Content-Length} or {@code Content-Type}, whatever was set. There are no 1xx responses:
 * interim responses are the server's.
 *
 * <p>JSON: {@link #json(Object)} keeps the value; it is written when the response is sent. Inside an
 * {@link App} the App's codec (its Jackson {@code JsonMapper}, replaceable with
 * {@code App.json(JsonMapper)}) writes it: the App calls the package-private
 * {@code serialized(JsonCodec)} before sending. A Response sent as a plain gateway application, for
 * example through {@code TestClient.of(response)}, writes it with {@code JsonCodec.defaults()}
 * (declaration order kept, dates as ISO-8601 strings).
 */
public final class Response implements Application {

    private static final List<Header> TEXT = List.of(new Header("Content-Type", "text/plain; charset=utf-8"));
    private static final List<Header> HTML = List.of(new Header("Content-Type", "text/html; charset=utf-8"));
    private static final List<Header> JSON = List.of(new Header("Content-Type", "application/json"));

    private final int status;
    private final List<Header> headers;
    private final ResponseBody body;

    Response(int status, List<Header> headers, ResponseBody body) {
        Status.line(status);
        if (status < 200) {
            throw new IllegalArgumentException("Status " + status + " is informational (1xx); a response needs a"
                    + " final status from 200 to 599, for example 200. The server sends 100 Continue itself when"
                    + " the body is read.");
        }
        if (status > 599) {
            throw new IllegalArgumentException("Status " + status + " is not an HTTP status (RFC 9110 allows 100 to"
                    + " 599); a response needs a final status from 200 to 599, for example 500.");
        }
        this.status = status;
        this.headers = headers;
        this.body = body;
    }

    /**
     * A response with a status and an empty body, typed {@code text/plain; charset=utf-8} (no type
     * for 204 and 304, which have no body).
     *
     * @param status the status code, 200 to 599
     * @return the response
     * @throws IllegalArgumentException if the status is not from 200 to 599 (1xx are the server's)
     */
    public static Response of(int status) {
        List<Header> headers = ResponseBody.bodiless(status) ? List.of() : TEXT;
        return new Response(status, headers, ResponseBody.Bytes.EMPTY);
    }

    /**
     * A 200 response with a text body, {@code text/plain; charset=utf-8}.
     *
     * @param text the body, sent as UTF-8
     * @return the response
     */
    public static Response text(String text) {
        return new Response(200, TEXT, new ResponseBody.Bytes(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * A 200 response with a text body of another type, for example {@code text/csv} or a
     * {@code text/plain} without a charset parameter. The text is encoded as UTF-8 whatever the
     * type says, so declare {@code charset=utf-8} where clients need it.
     *
     * @param text the body, sent as UTF-8
     * @param contentType the {@code Content-Type}, for example {@code text/csv; charset=utf-8}
     * @return the response
     * @throws IllegalArgumentException if the content type is not a valid header value
     */
    public static Response text(String text, String contentType) {
        return new Response(200, contentTypeOf(contentType), new ResponseBody.Bytes(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * A 200 response with an HTML body, {@code text/html; charset=utf-8}. The text is sent as it
     * is: escape user data, or render it with a template that does.
     *
     * @param html the body, sent as UTF-8
     * @return the response
     */
    public static Response html(String html) {
        return new Response(200, HTML, new ResponseBody.Bytes(html.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * A 200 response with a byte body.
     *
     * @param body the bytes, copied
     * @param contentType the {@code Content-Type}, for example {@code image/png}
     * @return the response
     * @throws IllegalArgumentException if the content type is not a valid header value
     */
    public static Response bytes(byte[] body, String contentType) {
        return new Response(200, contentTypeOf(contentType), new ResponseBody.Bytes(body.clone()));
    }

    /**
     * A 200 response with a JSON body, {@code application/json}: records, maps, lists, POJOs and
     * anything else Jackson writes. The value is written when the response is sent (see the class
     * comment for which mapper writes it); a value Jackson cannot write fails then with an
     * {@link IllegalArgumentException} naming its type.
     *
     * @param value the value to write; {@code null} writes {@code null}
     * @return the response
     */
    public static Response json(Object value) {
        return new Response(200, JSON, new ResponseBody.Json(value));
    }

    /**
     * A 200 response that streams an input stream, read in blocks of up to 8 KiB and sent as they
     * are read. The stream is closed exactly once when the server closes the body (after the last
     * block, after an error or when the client goes away), or at once for {@code HEAD}. Such a
     * response can be sent once.
     *
     * @param body the stream; the response owns it
     * @param contentType the {@code Content-Type}
     * @return the response
     */
    public static Response stream(InputStream body, String contentType) {
        Objects.requireNonNull(body, "stream body");
        return new Response(200, contentTypeOf(contentType), new ResponseBody.Stream(body));
    }

    /**
     * A 200 response whose body is an iterable of chunks, each sent as it is produced. When the
     * iterable is also {@link AutoCloseable}, the server closes it exactly once (closing a generator
     * or releasing a cursor); for {@code HEAD} it is closed without being iterated.
     *
     * @param chunks the body
     * @param contentType the {@code Content-Type}
     * @return the response
     */
    public static Response chunks(Iterable<byte[]> chunks, String contentType) {
        Objects.requireNonNull(chunks, "chunks");
        return new Response(200, contentTypeOf(contentType), new ResponseBody.Chunks(chunks));
    }

    /**
     * A 204 No Content response: no body, no {@code Content-Type}.
     *
     * @return the response
     */
    public static Response noContent() {
        return of(204);
    }

    /**
     * A 302 Found redirect, Flask's default. See {@link #redirect(String, int)}.
     *
     * @param location the target, absolute or relative, for example {@code /login}
     * @return the response
     */
    public static Response redirect(String location) {
        return redirect(location, 302);
    }

    /**
     * A redirect: the status, {@code Location} exactly as given (a relative location stays
     * relative, as in Flask; only non-ASCII characters are percent-encoded as UTF-8), and a short
     * HTML page linking to the target, with the location HTML-escaped. Checking where a
     * user-supplied location points (open redirects) is the application's job.
     *
     * @param location the target, absolute or relative
     * @param status 301, 302, 303, 307 or 308
     * @return the response
     * @throws IllegalArgumentException if the status is not one of those, or the location has a line
     *     break or another control character
     */
    public static Response redirect(String location, int status) {
        return Redirects.redirect(location, status);
    }

    /** @return a 301 Moved Permanently redirect to {@code location} (see {@link #redirect(String, int)}) */
    public static Response movedPermanently(String location) {
        return redirect(location, 301);
    }

    /** @return a 302 Found redirect to {@code location} (see {@link #redirect(String, int)}) */
    public static Response found(String location) {
        return redirect(location, 302);
    }

    /** @return a 303 See Other redirect, the answer to a successful form POST (the client follows it with GET) */
    public static Response seeOther(String location) {
        return redirect(location, 303);
    }

    /** @return a 307 Temporary Redirect to {@code location}, which keeps the method and body */
    public static Response temporaryRedirect(String location) {
        return redirect(location, 307);
    }

    /** @return a 308 Permanent Redirect to {@code location}, which keeps the method and body */
    public static Response permanentRedirect(String location) {
        return redirect(location, 308);
    }

    /**
     * A 200 response that sends a file, as Flask's {@code send_file}, with the default
     * {@link FileOptions}.
     *
     * @param file a trusted path to a regular file
     * @return the response
     * @throws IllegalArgumentException if the file is missing, a directory or unreadable
     * @see #sendFile(Path, FileOptions)
     */
    public static Response sendFile(Path file) {
        return sendFile(file, FileOptions.defaults());
    }

    /**
     * A 200 response that sends a file, as Flask's {@code send_file}. The path must be trusted:
     * for a name that comes from the request use {@link #sendFromDirectory}.
     *
     * <p>Headers set now: {@code Content-Type} (from the options, else guessed from the download
     * name or the file name), {@code Cache-Control} ({@code no-cache}, or {@code public,
     * max-age=N} with a max age), {@code Content-Disposition} ({@code inline} or
     * {@code attachment}, with the name, and {@code filename*} for a non-ASCII name). Added when
     * sent, from the file as it is then: {@code Last-Modified}, {@code Content-Length}, and when
     * conditional (the default) a strong {@code ETag} and {@code Accept-Ranges: bytes}. A
     * conditional response answers {@code GET} and {@code HEAD} requests as
     * {@link #conditional(Request, boolean)} does (412, 304, and 206 or 416 for a single byte
     * {@code Range}); only when its status is still 200. The body goes through the server's
     * {@code gateway.file_wrapper}.
     *
     * @param file a trusted path to a regular file
     * @param options content type, disposition, download name, conditional, max age
     * @return the response
     * @throws IllegalArgumentException if the file is missing, a directory or unreadable
     */
    public static Response sendFile(Path file, FileOptions options) {
        return FileResponses.file(file, options);
    }

    /**
     * A file from a directory, named by an untrusted path such as a route's {@code <path:name>}
     * value, as Flask's {@code send_from_directory}, with the default {@link FileOptions}.
     *
     * @param directory the trusted directory
     * @param path the relative path from the request, percent-decoded
     * @return the response
     * @throws HttpError.NotFound if the path is rejected or names no regular file
     * @see #sendFromDirectory(Path, String, FileOptions)
     */
    public static Response sendFromDirectory(Path directory, String path) {
        return sendFromDirectory(directory, path, FileOptions.defaults());
    }

    /**
     * A file from a directory, named by an untrusted path, as Flask's {@code send_from_directory};
     * the file is then sent as by {@link #sendFile(Path, FileOptions)}. Any path that could leave
     * the directory is a 404, exactly like a missing file, so a client learns nothing: an empty or
     * absolute path, {@code .} or {@code ..} segments (also ones that arrived percent-encoded as
     * {@code ..%2f}, since the path is decoded), empty segments, backslashes, NUL and other
     * control characters, and symbolic links whose target lies outside the directory.
     * Directories are a 404 too.
     *
     * @param directory the trusted directory; never from the request
     * @param path the relative path from the request, percent-decoded
     * @param options content type, disposition, download name, conditional, max age
     * @return the response
     * @throws HttpError.NotFound if the path is rejected or names no regular file
     */
    public static Response sendFromDirectory(Path directory, String path, FileOptions options) {
        Objects.requireNonNull(directory, "directory");
        Path file = FileResponder.resolve(directory, path).orElseThrow(HttpError.NotFound::new);
        return sendFile(file, options);
    }

    /** @return the status code */
    public int status() {
        return status;
    }

    /**
     * Returns the headers set so far, in order. {@code Content-Length} and, for files, the
     * validators are added when the response is sent.
     *
     * @return an immutable list
     */
    public List<Header> headers() {
        return headers;
    }

    /**
     * Returns the first value of a header.
     *
     * @param name the name, any case
     * @return the value, or empty if the header is not set
     */
    public Optional<String> header(String name) {
        return ResponseHeaders.first(headers, name);
    }

    /**
     * @param status the new status code, 200 to 599
     * @return a copy with that status
     * @throws IllegalArgumentException if the status is not from 200 to 599 (1xx are the server's)
     */
    public Response withStatus(int status) {
        return new Response(status, headers, body);
    }

    /**
     * Sets a header, replacing every header of that name (the new one takes the place of the first).
     *
     * @param name the header name, a token
     * @param value the value, one line
     * @return a copy with the header
     * @throws IllegalArgumentException if the name or the value breaks the rules in the class comment
     */
    public Response withHeader(String name, String value) {
        return new Response(status, ResponseHeaders.replaced(headers, ResponseHeaders.checked(name, value)), body);
    }

    /**
     * A copy with a header added after the others, keeping any of the same name (as for {@code Link} or
     * {@code Vary}).
     *
     * @param name the header name, a token
     * @param value the value, one line
     * @return a copy with the header added
     * @throws IllegalArgumentException if the name or the value breaks the rules in the class comment
     */
    public Response withAddedHeader(String name, String value) {
        return new Response(status, ResponseHeaders.appended(headers, ResponseHeaders.checked(name, value)), body);
    }

    /**
     * @param name the header name, any case
     * @return a copy without any header of that name
     */
    public Response withoutHeader(String name) {
        return new Response(status, ResponseHeaders.without(headers, name), body);
    }

    /**
     * @param contentType the new {@code Content-Type}, for example {@code text/csv; charset=utf-8}
     * @return a copy with that content type
     * @throws IllegalArgumentException if the value is not a valid header value
     */
    public Response withContentType(String contentType) {
        return withHeader("Content-Type", contentType);
    }

    /**
     * Adds a {@code Set-Cookie} header for a cookie. A header longer than 4093 bytes, which browsers
     * may drop silently, is logged as a warning (logger {@code dev.carafe.Cookie}).
     *
     * @param cookie the cookie
     * @return a copy with the cookie set
     */
    public Response withCookie(Cookie cookie) {
        return withAddedHeader("Set-Cookie", CookieSize.checked(cookie, cookie.headerValue()));
    }

    /**
     * Deletes a cookie set for the whole site ({@code Path=/}, no domain): sends
     * {@code NAME=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/}.
     *
     * @param name the cookie name
     * @return a copy with the deleting cookie
     * @throws IllegalArgumentException if the name is not a token
     */
    public Response withDeletedCookie(String name) {
        return withCookie(Cookie.of(name, "").expired());
    }

    /**
     * Deletes a cookie with the path, domain and flags of the given one ({@link Cookie#expired()}):
     * a browser deletes a cookie only when name, path and domain match those it was set with.
     *
     * @param cookie the cookie as it was set; its value, {@code Max-Age} and {@code Expires} are ignored
     * @return a copy with the deleting cookie
     */
    public Response withDeletedCookie(Cookie cookie) {
        return withCookie(cookie.expired());
    }

    /** @return a copy with {@code ETag} set to the (strong or weak) tag, Werkzeug's {@code set_etag} */
    public Response withEtag(EntityTag etag) {
        return withHeader("ETag", etag.toString());
    }

    /**
     * @return a copy with a strong {@code ETag} from the SHA-256 of the body, Werkzeug's {@code add_etag}
     *     (a JSON value is written now, with the App's codec during a request)
     * @throws IllegalStateException for a streamed or file body, which is not known yet
     */
    public Response withHashedEtag() {
        return ConditionalResponse.hashed(this);
    }

    /** @return a copy with {@code Last-Modified} set to the time (to the second), Werkzeug's {@code last_modified} */
    public Response withLastModified(Instant time) {
        return withHeader("Last-Modified", ConditionalRequest.formatDate(time));
    }

    /** @return {@link #conditional(Request, boolean)} without byte ranges: this response, or a 304 or 412 */
    public Response conditional(Request request) {
        return conditional(request, false);
    }

    /**
     * Answers a conditional or range request, Werkzeug's {@code make_conditional}. Only a 2xx answer
     * to {@code GET} or {@code HEAD} changes (RFC 9110 §13.2.1), in this order: 412 when {@code If-Match}
     * (strong comparison) or else {@code If-Unmodified-Since} fails; 304 when {@code If-None-Match} (weak
     * comparison) or else {@code If-Modified-Since} matches; with {@code acceptRanges}, a byte body and
     * status 200, {@code Accept-Ranges: bytes} and a single {@code Range} (honouring {@code If-Range})
     * answered with 206 or 416. Bad header values and several ranges are ignored. 304, 412 and 416 drop
     * {@code Content-*} (not Content-Location), {@code Last-Modified} and {@code Accept-Ranges}.
     *
     * @param request the request being answered
     * @param acceptRanges whether to serve byte ranges of the body
     * @return this response, or the 304, 412, 206 or 416 that replaces it
     */
    public Response conditional(Request request, boolean acceptRanges) {
        return ConditionalResponse.answer(this, request, acceptRanges);
    }

    /**
     * Sends this response: its status, its headers and its body, as described in the class comment.
     *
     * @param environ the request's environ (its method decides whether a body is sent)
     * @param startResponse the server's callback
     * @return the body
     * @throws Exception if starting the response fails, or a JSON value cannot be written
     */
    @Override
    public Iterable<byte[]> call(Map<String, Object> environ, StartResponse startResponse) throws Exception {
        return body.send(status, headers, environ, startResponse);
    }

    /**
     * Returns this response with a JSON value written by the App's codec; any other response as it
     * is. The App calls it before sending every response.
     */
    Response serialized(JsonCodec codec) {
        return body instanceof ResponseBody.Json json ? new Response(status, headers, json.serialized(codec)) : this;
    }

    ResponseBody body() {
        return body;
    }

    /**
     * Whether the body is produced while it is sent (a stream, chunks) rather than known when the
     * response is: the App keeps the request's contexts open until the server closes such a body.
     */
    boolean streamed() {
        return body instanceof ResponseBody.Stream || body instanceof ResponseBody.Chunks;
    }

    @Override
    public String toString() {
        return "Response[" + Status.line(status) + ", " + headers + "]";
    }

    private static List<Header> contentTypeOf(String contentType) {
        ResponseHeaders.checkValue("Content-Type", contentType);      // the name is known to be valid
        return List.of(new Header("Content-Type", contentType));
    }
}
