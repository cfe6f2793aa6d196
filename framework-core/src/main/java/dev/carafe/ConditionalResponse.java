package dev.carafe;

import dev.carafe.gateway.Header;
import dev.carafe.gateway.middleware.ConditionalRequest;
import dev.carafe.gateway.middleware.ConditionalRequest.Outcome;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Werkzeug's {@code add_etag} and {@code make_conditional} for a {@link Response}: the body's hash as
 * its entity tag, and the answer to a conditional or range request, evaluated by the gateway's
 * {@link ConditionalRequest}.
 */
final class ConditionalResponse {

    /**
     * Representation metadata a 304, 412 or 416 leaves out. RFC 9110 §15.4.5 keeps Cache-Control,
     * Content-Location, Date, ETag, Expires and Vary on a 304; fields that are not about the
     * representation, such as Set-Cookie, are kept too.
     */
    private static final Set<String> REPRESENTATION = Set.of("content-type", "content-length", "content-encoding",
            "content-language", "content-disposition", "content-range", "last-modified", "accept-ranges");

    private ConditionalResponse() {
    }

    /** The response with a strong ETag from the SHA-256 of its bytes (a JSON value is written now). */
    static Response hashed(Response response) {
        Response written = response.serialized(RequestContext.find().map(context -> context.app().settings.json)
                .orElse(ResponseBody.DefaultJson.CODEC));
        if (!(written.body() instanceof ResponseBody.Bytes bytes)) {
            throw new IllegalStateException("withHashedEtag() needs the body's bytes, but this response "
                    + refusal(written.body()));
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes.bytes());
            return written.withEtag(EntityTag.of(HexFormat.of().formatHex(digest)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JDK has no SHA-256, which every Java platform must provide", e);
        }
    }

    /** The 304, 412, 206 or 416 this response becomes for the request, or the response itself. */
    static Response answer(Response response, Request request, boolean acceptRanges) {
        int status = response.status();
        if (status < 200 || status > 299) {
            return response;
        }
        boolean ranges = acceptRanges && status == 200;
        Response sent = ranges ? response.serialized(request.app().settings.json) : response;
        OptionalLong size = ranges && sent.body() instanceof ResponseBody.Bytes bytes
                ? OptionalLong.of(bytes.bytes().length) : OptionalLong.empty();
        Optional<Instant> modified = sent.header("Last-Modified").flatMap(ConditionalRequest::parseDate);
        Outcome outcome = ConditionalRequest.evaluate(request.environ(), sent.header("ETag"), modified, size);
        if (outcome instanceof Outcome.NotModified) {
            return new Response(304, List.copyOf(withoutRepresentation(sent.headers())), ResponseBody.Bytes.EMPTY);
        }
        if (outcome instanceof Outcome.PreconditionFailed) {
            return explained(412, withoutRepresentation(sent.headers()), "Precondition Failed: the request's If-Match or"
                    + " If-Unmodified-Since does not hold for the current representation.");
        }
        if (outcome instanceof Outcome.RangeNotSatisfiable none) {
            List<Header> headers = withoutRepresentation(sent.headers());
            headers.add(new Header("Accept-Ranges", "bytes"));
            headers.add(new Header("Content-Range", "bytes */" + none.size()));
            return explained(416, headers, "Range Not Satisfiable: the representation has " + none.size()
                    + " bytes, and the request's Range selects none of them.");
        }
        Response ranged = size.isPresent() ? sent.withHeader("Accept-Ranges", "bytes") : sent;
        if (outcome instanceof Outcome.Partial part && sent.body() instanceof ResponseBody.Bytes bytes) {
            byte[] slice = Arrays.copyOfRange(bytes.bytes(), (int) part.first(), (int) part.last() + 1);
            Response partial = ranged.withHeader("Content-Range", part.contentRange());
            return new Response(206, partial.headers(), new ResponseBody.Bytes(slice));
        }
        return ranged;
    }

    /** An error answer with a one-line plain text body. */
    private static Response explained(int status, List<Header> headers, String text) {
        headers.add(new Header("Content-Type", "text/plain; charset=utf-8"));
        return new Response(status, List.copyOf(headers), new ResponseBody.Bytes((text + "\n").getBytes(StandardCharsets.UTF_8)));
    }

    /** The headers without representation metadata: a mutable copy. */
    private static List<Header> withoutRepresentation(List<Header> headers) {
        List<Header> kept = new ArrayList<>(headers.size() + 2);
        for (Header header : headers) {
            if (!REPRESENTATION.contains(header.name().toLowerCase(Locale.ROOT))) {
                kept.add(header);
            }
        }
        return kept;
    }

    private static String refusal(ResponseBody body) {
        if (body instanceof ResponseBody.Stream || body instanceof ResponseBody.Chunks) {
            return "streams its body (" + (body instanceof ResponseBody.Stream ? "an InputStream" : "chunks")
                    + "), which is not known before it is sent. Give the response a tag you know instead, for example"
                    + " withEtag(EntityTag.of(\"v\" + version)), or build it from bytes or text.";
        }
        return "sends a file, which is read only when it is sent. sendFile already sends a strong ETag made of the"
                + " file's size and modification time (FileOptions.conditional, the default): remove withHashedEtag().";
    }
}
