package dev.carafe.gateway.testing;

import dev.carafe.gateway.Application;
import dev.carafe.gateway.BodyWriter;
import dev.carafe.gateway.Header;
import dev.carafe.gateway.StartResponse;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;

/**
 * The server's side of one request, played in-process: it calls the application, keeps the
 * status and headers until the first non-empty chunk "sends" them, replaces them on a second
 * start with excInfo before that and rethrows excInfo after, collects the writer's bytes and then
 * the body's chunks, and closes the body exactly once, even when the iteration throws.
 */
final class GatewayCall implements StartResponse {

    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private String status;
    private List<Header> headers;
    private String sentStatus;
    private List<Header> sentHeaders;

    /** What the server sent: the status and headers in effect at the first byte (or at the end), and the body. */
    record Sent(String status, List<Header> headers, byte[] body) {
    }

    @Override
    public BodyWriter start(String newStatus, List<Header> newHeaders, Throwable excInfo) throws Exception {
        if (status != null && excInfo == null) {
            throw new IllegalStateException("StartResponse.start was called a second time without excInfo (first "
                    + "with \"" + status + "\", now with \"" + newStatus + "\"); call it again only from an error "
                    + "handler, passing the exception as excInfo.");
        }
        if (excInfo != null && sentStatus != null) {
            throw Sneaky.<Exception>rethrow(excInfo);
        }
        if (newStatus == null || newHeaders == null) {
            throw new IllegalArgumentException("StartResponse.start needs a status and a header list, got status "
                    + newStatus + " and headers " + newHeaders + "; pass for example \"200 OK\" and List.of().");
        }
        status = newStatus;
        headers = List.copyOf(newHeaders);
        return this::send;
    }

    private void send(byte[] chunk) {
        if (chunk.length == 0) {
            return;
        }
        if (sentStatus == null) {
            sentStatus = status;
            sentHeaders = headers;
        }
        body.writeBytes(chunk);
    }

    /** Calls the application and sends its whole response. Whatever the application throws propagates unchanged. */
    Sent run(Application app, Map<String, Object> environ) throws Exception {
        Iterable<byte[]> chunks = app.call(environ, this);
        if (chunks == null) {
            throw new IllegalStateException("The application returned null instead of a body; return an "
                    + "Iterable<byte[]>, List.of() for no body.");
        }
        Throwable failure = null;
        try {
            for (byte[] chunk : chunks) {
                if (status == null) {
                    throw new IllegalStateException("The body produced a chunk before StartResponse.start was "
                            + "called; call start before returning or yielding body bytes.");
                }
                send(chunk);
            }
        } catch (Throwable t) {
            failure = t;
            throw t;
        } finally {
            if (chunks instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    if (failure == null) {
                        throw e;
                    }
                    failure.addSuppressed(e);
                }
            }
        }
        if (status == null) {
            throw new IllegalStateException("The application returned its body without ever calling "
                    + "StartResponse.start; call start with a status and headers.");
        }
        return sentStatus == null ? new Sent(status, headers, body.toByteArray())
                : new Sent(sentStatus, sentHeaders, body.toByteArray());
    }
}
