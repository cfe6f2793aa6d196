package dev.carafe;

import dev.carafe.gateway.Environ;
import dev.carafe.gateway.Header;
import dev.carafe.gateway.StartResponse;
import dev.carafe.gateway.Status;
import dev.carafe.gateway.middleware.FileResponder;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What a {@link Response} sends after its status and headers, and how: bytes with a
 * {@code Content-Length}, a JSON value serialised at send time, a stream or an iterable sent as it
 * comes, or a file answered with conditional and range support.
 *
 * <p>Every variant sends no body for {@code HEAD} (closing what it would have sent) and none, with
 * no {@code Content-Length} or {@code Content-Type}, for 1xx, 204 and 304.
 */
sealed interface ResponseBody {

    /** Sends the status, the headers and this body. */
    Iterable<byte[]> send(int status, List<Header> headers, Map<String, Object> environ, StartResponse startResponse)
            throws Exception;

    /** A body of known bytes, sent with its {@code Content-Length} (which replaces any set by hand). */
    record Bytes(byte[] bytes) implements ResponseBody {

        static final Bytes EMPTY = new Bytes(new byte[0]);

        @Override
        public Iterable<byte[]> send(int status, List<Header> headers, Map<String, Object> environ,
                StartResponse startResponse) throws Exception {
            boolean bodiless = bodiless(status);
            List<Header> out = new ArrayList<>(headers.size() + 1);
            for (Header header : headers) {
                if (!header.is("Content-Length") && !(bodiless && header.is("Content-Type"))) {
                    out.add(header);
                }
            }
            if (!bodiless) {
                out.add(new Header("Content-Length", Integer.toString(bytes.length)));
            }
            startResponse.start(Status.line(status), out);
            return bodiless || head(environ) || bytes.length == 0 ? List.of() : List.of(bytes);
        }
    }

    /** A value to write as JSON with the App's codec (see {@link Response#serialized}). */
    record Json(Object value) implements ResponseBody {

        Bytes serialized(JsonCodec codec) {
            return new Bytes(codec.write(value));
        }

        /** Sent without an App: the default codec. */
        @Override
        public Iterable<byte[]> send(int status, List<Header> headers, Map<String, Object> environ,
                StartResponse startResponse) throws Exception {
            return serialized(DefaultJson.CODEC).send(status, headers, environ, startResponse);
        }
    }

    /** An input stream, sent in blocks as they are read, without a length; it can be sent once. */
    final class Stream implements ResponseBody {

        private final InputStream in;
        private final AtomicBoolean sent = new AtomicBoolean();

        Stream(InputStream in) {
            this.in = in;
        }

        @Override
        public Iterable<byte[]> send(int status, List<Header> headers, Map<String, Object> environ,
                StartResponse startResponse) throws Exception {
            if (!sent.compareAndSet(false, true)) {
                throw new IllegalStateException("This Response streams an InputStream and was already sent once;"
                        + " a stream can be read only once. Create the Response for each request, for example"
                        + " inside the handler.");
            }
            InputStreamBody body = new InputStreamBody(in);
            try {
                startResponse.start(Status.line(status), bodiless(status) ? withoutEntityHeaders(headers) : headers);
            } catch (Exception | Error e) {
                body.close();
                throw e;
            }
            if (bodiless(status) || head(environ)) {
                body.close();
                return List.of();
            }
            return body;
        }
    }

    /** An iterable of chunks, forwarded as they come; its {@code close()} is the server's to call. */
    record Chunks(Iterable<byte[]> chunks) implements ResponseBody {

        @Override
        public Iterable<byte[]> send(int status, List<Header> headers, Map<String, Object> environ,
                StartResponse startResponse) throws Exception {
            try {
                startResponse.start(Status.line(status), bodiless(status) ? withoutEntityHeaders(headers) : headers);
            } catch (Exception | Error e) {
                closeQuietly(e);
                throw e;
            }
            if (bodiless(status) || head(environ)) {
                if (chunks instanceof AutoCloseable closeable) {
                    closeable.close();
                }
                return List.of();
            }
            return chunks;
        }

        private void closeQuietly(Throwable failure) {
            if (chunks instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    failure.addSuppressed(e);
                }
            }
        }
    }

    /**
     * A file, sent by the gateway's {@link FileResponder}: validators, conditional and range
     * requests (when {@code conditional}), {@code Content-Length}, the server's file wrapper.
     */
    record File(Path file, boolean conditional) implements ResponseBody {

        @Override
        public Iterable<byte[]> send(int status, List<Header> headers, Map<String, Object> environ,
                StartResponse startResponse) throws Exception {
            if (bodiless(status)) {
                return Bytes.EMPTY.send(status, headers, environ, startResponse);
            }
            return FileResponder.send(environ, startResponse, file, status, headers, conditional);
        }
    }

    /** A classpath resource, sent by {@link FileResponder} like a file (validators from the jar entry). */
    record Resource(URL resource, boolean conditional) implements ResponseBody {

        @Override
        public Iterable<byte[]> send(int status, List<Header> headers, Map<String, Object> environ,
                StartResponse startResponse) throws Exception {
            return bodiless(status) ? Bytes.EMPTY.send(status, headers, environ, startResponse)
                    : FileResponder.send(environ, startResponse, resource, status, headers, conditional);
        }
    }

    /** 1xx, 204 and 304 responses have no body (RFC 9110 §6.4.1). */
    static boolean bodiless(int status) {
        return status < 200 || status == 204 || status == 304;
    }

    static boolean head(Map<String, Object> environ) {
        return "HEAD".equals(environ.get(Environ.REQUEST_METHOD));
    }

    private static List<Header> withoutEntityHeaders(List<Header> headers) {
        return ResponseHeaders.without(ResponseHeaders.without(headers, "Content-Length"), "Content-Type");
    }

    /** The codec a Response uses when it is sent without an App. */
    final class DefaultJson {

        static final JsonCodec CODEC = JsonCodec.defaults();

        private DefaultJson() {
        }
    }
}
