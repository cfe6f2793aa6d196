package dev.carafe.gateway.host;

import dev.carafe.gateway.BodyWriter;
import dev.carafe.gateway.Header;
import dev.carafe.gateway.StartResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The response side of one request: the start-response state machine (nothing set, status set
 * but unsent, committed) and the sending of body chunks through a {@link HostExchange}.
 *
 * <p>Status and headers stay here until the first non-empty chunk, so replacing them with
 * {@code excInfo} never has to undo anything on the host's response.
 */
final class GatewayResponse implements StartResponse {

    static final String SECOND_START = "start() was already called for this response; call it again only from"
            + " an error handler, passing the exception as excInfo, to replace headers that were not sent yet.";
    static final String BYTES_BEFORE_START = "The application produced body bytes before calling start(); call"
            + " startResponse.start(status, headers) before the first chunk.";
    static final String NO_START = "The application's body ended without a call to start(); call"
            + " startResponse.start(status, headers) before returning the body.";
    static final String NULL_CHUNK = "The application's body yielded null; yield byte arrays (an empty array"
            + " sends nothing).";
    static final String WRITE_AFTER_CLOSE = "write() was called after the body was closed; write from the"
            + " application call only, before returning the body.";

    private final HostExchange host;
    private final boolean headRequest;
    private boolean started;
    private String status;
    private List<Header> headers = List.of();
    private boolean committed;
    private boolean bodyAllowed = true;
    private long limit = -1;
    private long sent;
    private boolean bodyClosed;

    GatewayResponse(HostExchange host, boolean headRequest) {
        this.host = host;
        this.headRequest = headRequest;
    }

    @Override
    public BodyWriter start(String status, List<Header> headers, Throwable excInfo) throws Exception {
        if (excInfo != null) {
            if (committed) {
                throw rethrown(excInfo);
            }
        } else if (started) {
            throw new IllegalStateException(SECOND_START);
        }
        started = true;
        ResponseRules.checkFinalStatus(status);
        ResponseRules.checkHeaders(headers);
        this.status = status;
        this.headers = new ArrayList<>(headers);
        return this::write;
    }

    boolean committed() {
        return committed;
    }

    /** Sends the body: the first non-empty chunk commits the head; HEAD, 204 and 304 stop there. */
    void stream(Iterable<byte[]> body) throws IOException {
        boolean oneChunk = body instanceof Collection<?> chunks && chunks.size() == 1;
        Iterator<byte[]> chunks = body.iterator();
        while (chunks.hasNext()) {
            byte[] chunk = chunks.next();
            if (chunk == null) {
                throw new IllegalStateException(NULL_CHUNK);
            }
            if (chunk.length == 0) {
                continue;
            }
            if (!committed) {
                commit(oneChunk ? chunk.length : -1);
            }
            if (!bodyAllowed) {
                return;
            }
            send(chunk);
        }
        if (!committed) {
            commit(0);
        } else if (bodyAllowed && limit >= 0 && sent < limit) {
            throw new IllegalStateException("The response declared Content-Length: " + limit + " but the application"
                    + " sent only " + sent + " bytes; the connection is closed so the client sees a truncated"
                    + " response. Fix the Content-Length header or the body.");
        }
    }

    void bodyClosed() {
        bodyClosed = true;
    }

    private void write(byte[] chunk) throws IOException {
        Objects.requireNonNull(chunk, "chunk");
        if (bodyClosed) {
            throw new IllegalStateException(WRITE_AFTER_CLOSE);
        }
        if (status == null) {
            throw new IllegalStateException(BYTES_BEFORE_START);
        }
        if (chunk.length == 0) {
            return;
        }
        if (!committed) {
            commit(-1);
        }
        if (bodyAllowed) {
            send(chunk);
        }
    }

    /** Commits the head; {@code computedLength} is the body's length when known, else -1. */
    private void commit(long computedLength) throws IOException {
        if (status == null) {
            throw new IllegalStateException(computedLength == 0 ? NO_START : BYTES_BEFORE_START);
        }
        int code = ResponseRules.checkFinalStatus(status);
        long declared = ResponseRules.checkHeaders(headers);
        bodyAllowed = !headRequest && code != 204 && code != 304;
        OptionalLong length = OptionalLong.empty();
        if (code != 204 && declared >= 0) {
            length = OptionalLong.of(declared);
        } else if (code != 204 && code != 304 && computedLength >= 0) {
            length = OptionalLong.of(computedLength);
        }
        limit = bodyAllowed ? length.orElse(-1) : -1;
        List<Header> sendable = headers.stream().filter(h -> !h.is("Content-Length")).toList();
        committed = true;
        try {
            host.commit(new ResponseHead(code, status.length() > 4 ? status.substring(4) : "", sendable, length,
                    bodyAllowed));
        } catch (IOException e) {
            throw new ClientGone(e);
        }
    }

    private void send(byte[] chunk) throws IOException {
        int length = chunk.length;
        if (limit >= 0 && sent + length > limit) {
            int fits = (int) (limit - sent);
            sendBytes(chunk, fits);
            throw new IllegalStateException("The response declared Content-Length: " + limit + " but the application"
                    + " sent more; the bytes beyond it were not sent. Fix the Content-Length header or the body.");
        }
        sendBytes(chunk, length);
    }

    private void sendBytes(byte[] chunk, int length) throws IOException {
        if (length == 0) {
            return;
        }
        try {
            host.write(chunk, 0, length);
        } catch (IOException e) {
            throw new ClientGone(e);
        }
        sent += length;
    }

    private static Exception rethrown(Throwable excInfo) {
        if (excInfo instanceof Error error) {
            throw error;
        }
        if (excInfo instanceof Exception exception) {
            return exception;
        }
        return new Exception("The response was already sent when an error handler reported this throwable.", excInfo);
    }
}
