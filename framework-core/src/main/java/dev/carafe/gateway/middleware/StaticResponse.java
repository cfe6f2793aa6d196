package dev.carafe.gateway.middleware;

import dev.carafe.gateway.Environ;
import dev.carafe.gateway.Header;
import dev.carafe.gateway.StartResponse;
import dev.carafe.gateway.Status;
import dev.carafe.gateway.middleware.ConditionalRequest.Outcome;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Answers a request for a static resource: 405 for methods other than GET and HEAD, 304 when a
 * conditional request matches, 412 when a precondition fails, 206 or 416 for a single byte range,
 * else 200. {@link #send} is the
 * part {@link FileResponder} shares: any method, any status, the caller's headers.
 */
final class StaticResponse {

    /** Headers this class computes; one given by the caller is dropped. */
    private static final Set<String> REPLACED =
            Set.of("content-length", "content-range", "accept-ranges", "etag", "last-modified");

    private final ContentTypes contentTypes;
    private final String cacheControl;

    StaticResponse(ContentTypes contentTypes, String cacheControl) {
        this.contentTypes = contentTypes;
        this.cacheControl = cacheControl;
    }

    Iterable<byte[]> serve(Map<String, Object> environ, StartResponse startResponse, StaticResource resource)
            throws Exception {
        String method = String.valueOf(environ.get(Environ.REQUEST_METHOD));
        boolean head = method.equals("HEAD");
        if (!head && !method.equals("GET")) {
            byte[] text = ("Method " + method + " is not allowed for static files; use GET or HEAD.\n")
                    .getBytes(StandardCharsets.UTF_8);
            startResponse.start(Status.line(405), new ArrayList<>(List.of(new Header("Allow", "GET, HEAD"),
                    new Header("Content-Type", "text/plain; charset=utf-8"),
                    new Header("Content-Length", Integer.toString(text.length)))));
            return List.of(text);
        }
        List<Header> headers = List.of(new Header("Content-Type", contentTypes.of(resource.name())),
                new Header("Cache-Control", cacheControl));
        return send(environ, startResponse, resource, 200, headers, true);
    }

    /**
     * Sends a resource with the given status and headers, adding {@code Last-Modified}, and when
     * {@code conditional} also {@code ETag} and {@code Accept-Ranges}, then {@code Content-Length}
     * (and {@code Content-Range}). Conditional and range requests are evaluated only when
     * {@code conditional} is on, the status is 200 and the method is GET or HEAD, by
     * {@link ConditionalRequest#evaluate}: 304 (without {@code Content-Type}), 412,
     * 206 or 416 (empty).
     * {@code HEAD} gets no body.
     *
     * @param headers the headers of every answer; framing headers and validators in it are replaced
     */
    static Iterable<byte[]> send(Map<String, Object> environ, StartResponse startResponse, StaticResource resource,
            int status, List<Header> headers, boolean conditional) throws Exception {
        String method = String.valueOf(environ.get(Environ.REQUEST_METHOD));
        boolean head = method.equals("HEAD");
        boolean evaluate = conditional && status == 200 && (head || method.equals("GET"));
        Optional<String> etag = conditional ? resource.etag() : Optional.empty();
        Optional<Instant> modified = resource.modified().map(t -> t.truncatedTo(ChronoUnit.SECONDS));
        List<Header> out = new ArrayList<>(headers.size() + 6);
        for (Header header : headers) {
            if (!REPLACED.contains(header.name().toLowerCase(Locale.ROOT))) {
                out.add(header);
            }
        }
        etag.ifPresent(tag -> out.add(new Header("ETag", tag)));
        modified.ifPresent(t -> out.add(new Header("Last-Modified", HttpDates.format(t))));
        OptionalLong size = resource.size();
        Outcome outcome = evaluate ? ConditionalRequest.evaluate(environ, etag, modified, size) : new Outcome.Full();
        if (outcome instanceof Outcome.NotModified) {
            out.removeIf(h -> h.is("Content-Type"));
            startResponse.start(Status.line(304), out);
            return List.of();
        }
        if (outcome instanceof Outcome.PreconditionFailed) {
            out.add(new Header("Content-Length", "0"));
            startResponse.start(Status.line(412), out);
            return List.of();
        }
        if (size.isEmpty()) {
            startResponse.start(Status.line(status), out);
            return head ? List.of() : resource.opener().open(environ, 0, Long.MAX_VALUE);
        }
        if (conditional) {
            out.add(new Header("Accept-Ranges", "bytes"));
        }
        if (outcome instanceof Outcome.RangeNotSatisfiable) {
            out.add(new Header("Content-Range", "bytes */" + size.getAsLong()));
            out.add(new Header("Content-Length", "0"));
            startResponse.start(Status.line(416), out);
            return List.of();
        }
        if (outcome instanceof Outcome.Partial part) {
            out.add(new Header("Content-Range", part.contentRange()));
            out.add(new Header("Content-Length", Long.toString(part.length())));
            startResponse.start(Status.line(206), out);
            return resource.opener().open(environ, part.first(), part.length());
        }
        out.add(new Header("Content-Length", Long.toString(size.getAsLong())));
        startResponse.start(Status.line(status), out);
        return head ? List.of() : resource.opener().open(environ, 0, size.getAsLong());
    }
}
